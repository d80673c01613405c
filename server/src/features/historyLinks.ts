/**
 * Where a report's links to earlier findings and its mentions of earlier
 * reports lead (document links, go to definition), and where a link target is
 * being typed (completion after `](`). Pure: history data in, spans out.
 */
import type { Span } from '../core/types';
import { findingLabel, reportLabel } from '../history/labels';
import { isFindingId, resolveLink, resolveMentions } from '../history/resolve';
import type { HistoryIndex } from '../history/store';
import type { HistoryReport } from '../history/types';

export interface PlaceLink {
  /** What is clicked: the whole link `[text](target)` (its target alone without the report's text), or the mention's words. */
  span: Span;
  /** The index's uri of the report it leads to (a path or a URI). */
  uri: string;
  /** 0-based line of the finding, when the link names one that exists. */
  line?: number;
  tooltip: string;
  kind: 'link' | 'mention';
}

/**
 * The links of a report that lead to a report the history holds, and the
 * mentions ("the focused visit in February 2020") of reports it holds. A link
 * to a finding that does not exist still leads to its report (the diagnostic
 * says what is wrong). Mentions inside a link are left to the link. With the
 * report's `text`, a link's span runs from its '[' to its ')'.
 */
export function placeLinks(index: HistoryIndex, report: HistoryReport, text?: string): PlaceLink[] {
  const out: PlaceLink[] = [];
  for (const link of report.links) {
    if (!isFindingId(link.fragment) && !/\.(md|markdown)$/i.test(link.path)) continue;
    const t = resolveLink(index, report, link);
    if (!t.report) continue;
    const label = reportLabel(t.report);
    const tooltip = t.finding ? `Open ${label}, ${findingLabel(t.finding.id)}` : link.fragment ? `Open ${label} (it has no finding '${link.fragment}')` : `Open ${label}`;
    out.push({ span: text ? wholeLink(text, link.span) : link.span, uri: t.report.uri, line: t.finding?.line, tooltip, kind: 'link' });
  }
  // A link's span is its target; its text "[2019 inspection, paragraph 12]" comes just before.
  const inLink = (s: Span) => report.links.some((l) => l.span.start - l.text.length - 4 <= s.start && s.end <= l.span.end + 1);
  for (const m of resolveMentions(index, report)) {
    if (!m.report || inLink(m.mention.span)) continue;
    out.push({ span: m.mention.span, uri: m.report.uri, tooltip: `Open the ${m.report.label}`, kind: 'mention' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** From a link's target span to the whole `[text](target)`, when the text around it is a link on one line. */
export function wholeLink(text: string, target: Span): Span {
  if (text.slice(target.start - 2, target.start) !== '](') return target;
  const lineStart = text.lastIndexOf('\n', target.start - 1) + 1;
  let depth = 0;
  let open = -1;
  for (let i = target.start - 3; i >= lineStart; i--) {
    if (text[i] === ']') depth++;
    else if (text[i] === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return target;
  return { start: open, end: text[target.end] === ')' ? target.end + 1 : target.end };
}

/** The place link under `offset`, if any. */
export function placeLinkAt(links: readonly PlaceLink[], offset: number): PlaceLink | undefined {
  return links.find((l) => l.span.start <= offset && offset <= l.span.end);
}

export interface LinkTargetContext {
  /** The part of the target already typed, which a completion replaces (up to ')' or a space). */
  replace: Span;
  typed: string;
}

/**
 * Whether `offset` is inside the target of a Markdown link on its line, as
 * after typing `](` or `](../hist`. Never across lines, spaces or a ')'.
 */
export function linkTargetAt(text: string, offset: number): LinkTargetContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = /\]\(([^()\s]*)$/.exec(before);
  if (!m) return undefined;
  const start = offset - m[1].length;
  // What follows the cursor is part of the target only when a ')' closes it on the line.
  const rest = /^[^()\s]*\)/.exec(text.slice(offset, offset + 1000));
  const end = rest ? offset + rest[0].length - 1 : offset;
  return { replace: { start, end }, typed: m[1] };
}
