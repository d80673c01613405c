/**
 * What the editor shows from the history, as plain data: the finding under the
 * cursor, code lenses, hover text, quick fixes and the history view's data
 * (its diagnostics are rules: rules/finding-links.ts, recurring-concern.ts,
 * quoted-grade.ts). The language server converts these at its edge; nothing here
 * knows about the protocol.
 */
import type { Fix } from '../core/types';
import { escapeMarkdown } from '../domain/markdown';
import { recurringConcerns } from './concerns';
import { displayDate, findingLabel, reportLabel } from './labels';
import { linkInsertion } from './linkCheck';
import type { HistoryIndex } from './store';
import { CONCERN, thresholdFor } from './thresholds';
import { historyOf, suggestionsFor, type SuggestOptions } from './suggest';
import type { HistoryEntry, HistoryFinding, HistoryReport, RecurringConcern } from './types';

/** The finding whose span holds `offset`, if any. */
export function findingAt(report: HistoryReport, offset: number): HistoryFinding | undefined {
  return report.findings.find((f) => f.span.start <= offset && offset <= f.span.end);
}

export interface HistoryLens {
  findingId: string;
  line: number;
  span: HistoryFinding['span'];
  /** "3 earlier findings" */
  title: string;
  entries: HistoryEntry[];
}

/**
 * A lens above each finding with a strong earlier match (at the recurring-concern
 * threshold, or one it links to or names) or that is a recurring concern: not
 * above every finding with any match, which says little and fills the page.
 */
export function historyLenses(index: HistoryIndex, report: HistoryReport, options: { minScore?: number } = {}): HistoryLens[] {
  if (index.earlier(report).length === 0) return [];
  const strong = options.minScore ?? thresholdFor(index, CONCERN);
  const concerns = new Set(recurringConcerns(index, report).map((c) => c.findingId));
  const out: HistoryLens[] = [];
  for (const f of report.findings) {
    const entries = historyOf(index, report, f.id);
    if (entries.length === 0) continue;
    if (!concerns.has(f.id) && !entries.some((e) => e.score >= strong || e.linked || e.mentioned)) continue;
    out.push({ findingId: f.id, line: f.line, span: f.span, title: `${entries.length} earlier finding${entries.length === 1 ? '' : 's'}`, entries });
  }
  return out;
}

/**
 * Hover Markdown for a finding's history, oldest first. `linkFor` turns an
 * entry into a link target the client can open (a URI with a line fragment);
 * by default the entry's relative href is used.
 */
export function historyMarkdown(entries: readonly HistoryEntry[], linkFor: (e: HistoryEntry) => string = (e) => e.href): string {
  if (entries.length === 0) return '';
  const lines = [`**Earlier findings** (${entries.length})`, ''];
  for (const e of entries) {
    const when = displayDate(e.published ?? e.date);
    const grade = e.grade ? ` · ${e.grade.grade}` : '';
    const flags = [e.linked ? 'linked' : '', e.mentioned ? 'named here' : ''].filter(Boolean).join(', ');
    lines.push(`- **${e.reportLabel}**${when ? ` (${when})` : ''}${grade}: [${findingLabel(e.target.findingId)}](${linkFor(e)})${flags ? ` _${flags}_` : ''}`);
    lines.push(`  > ${escapeMarkdown(e.excerpt)}`);
  }
  return lines.join('\n');
}

/** Quick fixes "Link to earlier finding: 2018 inspection, paragraph 13" for a finding. `text` is the open document's. */
export function linkFixes(index: HistoryIndex, report: HistoryReport, text: string, findingId: string, options: SuggestOptions = {}): Fix[] {
  const out: Fix[] = [];
  for (const s of suggestionsFor(index, report, findingId, options)) {
    if (s.linked) continue;
    const edit = linkInsertion(text, report, findingId, s);
    if (edit) out.push({ title: `Link to earlier finding: ${s.linkText}`, edits: [edit] });
  }
  return out;
}

export interface HistoryView {
  authority?: string;
  /** Judgement keys that appear in any graded report, in the order of the latest report's table. */
  judgements: { key: string; name: string }[];
  /** Every report of the authority up to and including this one, oldest first. */
  reports: {
    uri: string; label: string; kind: string; date?: string; graded: boolean; grades: Record<string, string>; current: boolean;
    /** The kind's name ('council scrutiny report'), whether it is a letter, and which dates the front matter gave. */
    kindLabel?: string; letter?: boolean; published?: string; meetingDate?: string;
  }[];
  concerns: RecurringConcern[];
}

/** Data for the history view (a chart of each judgement's grade at each inspection, and the recurring concerns). */
export function historyView(index: HistoryIndex, report: HistoryReport): HistoryView {
  const reports = [...index.earlier(report), report];
  const judgements: { key: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const r of [...reports].reverse()) {
    for (const g of r.grades) {
      if (!g.judgement || seen.has(g.judgement)) continue;
      seen.add(g.judgement);
      judgements.push({ key: g.judgement, name: g.name });
    }
  }
  return {
    authority: report.authority,
    judgements,
    reports: reports.map((r) => ({
      uri: r.uri,
      label: reportLabel(r),
      kind: r.kind,
      kindLabel: r.kindLabel,
      letter: r.letter,
      date: r.date,
      published: r.published,
      meetingDate: r.meetingDate,
      graded: r.graded,
      grades: Object.fromEntries(r.grades.filter((g) => g.judgement).map((g) => [g.judgement as string, g.grade])),
      current: r === report,
    })),
    concerns: recurringConcerns(index, report),
  };
}
