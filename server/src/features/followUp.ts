/**
 * "Follow up previous improvement items" as a Markdown document: the items of
 * the last earlier report that had any, those nothing in the draft addresses
 * first, then each addressed item with the draft's findings that address it.
 * Pure: the history's FollowUp data in, Markdown out.
 */
import { escapeMarkdown } from '../domain/markdown';
import { displayDate, findingLabel } from '../history/labels';
import type { FollowUp } from '../history/types';

export interface FollowUpMarkdownOptions {
  /** The draft's name, for the heading ('2025-02-ilacs.md'). */
  draftName: string;
  draftUri: string;
  /** A link to a place in a report (0-based line). */
  linkFor: (uri: string, line: number) => string;
}

/** The document, or a short note when there is nothing to follow up. */
export function followUpMarkdown(f: FollowUp, o: FollowUpMarkdownOptions): string {
  const out: string[] = [];
  if (!f.report) {
    out.push(`# Follow-up of improvement items: ${escapeMarkdown(o.draftName)}`, '');
    out.push('No earlier report of this authority with improvement items ("What needs to improve?" or areas for priority action) is in the history.');
    out.push('', 'The history is every report in the workspace folders and the folders named by `history:` in `.inspection-reports.yaml` or the setting `inspectionReports.history`.');
    return `${out.join('\n')}\n`;
  }
  const r = f.report;
  const when = r.date ? ` (published ${displayDate(r.date)})` : '';
  const addressed = f.items.length - f.unaddressed.length;
  out.push(`# Follow-up of improvement items: ${escapeMarkdown(r.label)}`, '');
  out.push(`The [${escapeMarkdown(r.label)}](${o.linkFor(r.uri, 0)})${when} set ${f.items.length} improvement item${f.items.length === 1 ? '' : 's'}. `
    + `The draft [${escapeMarkdown(o.draftName)}](${o.linkFor(o.draftUri, 0)}) addresses ${addressed} of them; ${f.unaddressed.length === 0 ? 'none is left unaddressed' : `${f.unaddressed.length} ${f.unaddressed.length === 1 ? 'is' : 'are'} not addressed`}.`);
  out.push('', 'A finding addresses an item when it is about the same concern (the same ranking as the links to earlier findings). Check each one: the draft should say what progress has been made.');
  out.push('', `## Not addressed in the draft (${f.unaddressed.length})`, '');
  if (f.unaddressed.length === 0) out.push('Every item is addressed by at least one finding.');
  for (const i of f.unaddressed) {
    out.push(`- **[${findingLabel(i.item.findingId)}](${o.linkFor(i.item.uri, i.item.line)})**: ${escapeMarkdown(i.item.excerpt)}`);
  }
  out.push('', `## Addressed (${addressed})`);
  for (const i of f.items) {
    if (i.addressedBy.length === 0) continue;
    out.push('', `### [${findingLabel(i.item.findingId)}](${o.linkFor(i.item.uri, i.item.line)}): ${escapeMarkdown(i.item.excerpt)}`, '');
    for (const a of i.addressedBy) {
      out.push(`- [${findingLabel(a.findingId)}](${o.linkFor(o.draftUri, a.line)}) (match ${Math.round(a.score * 100)}%): ${escapeMarkdown(a.excerpt)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
