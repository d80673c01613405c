/**
 * Improvement items carried forward: a finding that matches an earlier
 * report's "What needs to improve?" item is a recurring concern (the draft
 * should say what progress has been made), and the last earlier report's items
 * can be followed up one by one against the draft.
 */
import { excerpt, findingLabel, linkText, reportLabel } from './labels';
import type { HistoryIndex } from './store';
import { scoreFinding, scorerFor, toSuggestion } from './suggest';
import { CONCERN, FOLLOW_UP, SUGGESTION, thresholdFor } from './thresholds';
import type { FollowUp, FollowUpItem, HistoryFinding, HistoryReport, RecurringConcern } from './types';
import { relativeHref } from './uris';

/** Earlier findings that are improvement items. */
const ITEM_KINDS = new Set(['wni', 'priority']);
/** Findings of the open report that report on practice (not its own improvement items). */
const PRACTICE_KINDS = new Set(['para', 'finding']);

/** An earlier item scoring at least this share of the best one may be the one named. */
const NAMED_SHARE = 0.6;

function itemWord(f: HistoryFinding): string {
  return f.kind === 'priority' ? 'an area for priority action' : 'an improvement item';
}

/**
 * Findings of `report` that match an earlier report's improvement item. One per
 * finding: the most recent earlier item it matches. A finding that already
 * links to the item or names that report is left alone: it speaks to progress.
 * Only inspection reports and letters are looked at: a council's own paper
 * repeats the items it reports on, and that is no recurring concern.
 */
export function recurringConcerns(index: HistoryIndex, report: HistoryReport, options: { minScore?: number } = {}): RecurringConcern[] {
  const min = options.minScore ?? thresholdFor(index, CONCERN);
  // Inspection reports and letters only: a council's paper repeats the items it reports on.
  if (!report.graded && !report.letter) return [];
  const earlier = index.earlier(report);
  if (!earlier.some((r) => r.findings.some((f) => ITEM_KINDS.has(f.kind)))) return [];
  const out: RecurringConcern[] = [];
  const suggestionFloor = thresholdFor(index, SUGGESTION);
  for (const f of report.findings) {
    if (!PRACTICE_KINDS.has(f.kind)) continue;
    // The best item decides whether the finding repeats one; the report named is
    // the latest whose item is a fair match too (an item restated in later words).
    const items = scoreFinding(index, report, f.id, earlier).filter((s) => ITEM_KINDS.has(s.finding.kind));
    if (items.length === 0 || items[0].score < min) continue;
    const floor = Math.max(suggestionFloor, items[0].score * NAMED_SHARE);
    const matches = items.filter((s) => s.score >= floor);
    if (matches.some((s) => s.linked || s.mentioned)) continue;
    // Most recent report first, then best score.
    matches.sort((a, b) => (b.report.date ?? '').localeCompare(a.report.date ?? '') || b.score - a.score);
    const m = matches[0];
    const label = reportLabel(m.report);
    out.push({
      findingId: f.id,
      span: f.span,
      line: f.line,
      severity: 'info',
      message: `This concern was ${itemWord(m.finding)} in the ${label} ("${excerpt(m.finding.text, 80)}"). Say what progress has been made since then.`,
      earlier: { ...toSuggestion(index, report, f.vector, m), reportLabel: label },
    });
  }
  return out;
}

/** The last earlier report that has improvement items, or the one asked for. */
function previousWithItems(index: HistoryIndex, report: HistoryReport, uri?: string): HistoryReport | undefined {
  if (uri) return index.get(uri);
  const earlier = index.earlier(report);
  for (let i = earlier.length - 1; i >= 0; i--) {
    if (earlier[i].findings.some((f) => ITEM_KINDS.has(f.kind))) return earlier[i];
  }
  return undefined;
}

/**
 * "Follow up previous improvement items": each item of the last earlier report
 * with improvement items, the draft's findings that address it, and the items
 * nothing in the draft addresses.
 */
export function followUp(index: HistoryIndex, report: HistoryReport, options: { minScore?: number; previous?: string; perItem?: number } = {}): FollowUp {
  const min = options.minScore ?? thresholdFor(index, FOLLOW_UP);
  const perItem = options.perItem ?? 5;
  const prev = previousWithItems(index, report, options.previous);
  if (!prev) return { items: [], unaddressed: [] };
  const items: FollowUpItem[] = [];
  for (const item of prev.findings) {
    if (!ITEM_KINDS.has(item.kind)) continue;
    const score = scorerFor(index, item);
    const addressedBy = report.findings
      .map((f) => ({ f, score: score(f) }))
      .filter((x) => x.score >= min)
      .sort((a, b) => b.score - a.score)
      .slice(0, perItem)
      .map(({ f, score }) => ({ findingId: f.id, span: f.span, line: f.line, score: Math.round(score * 100) / 100, excerpt: excerpt(f.text) }));
    items.push({
      item: {
        uri: prev.uri,
        findingId: item.id,
        span: item.span,
        range: item.range,
        line: item.line,
        text: item.text,
        excerpt: excerpt(item.text),
        linkText: linkText(prev, item.id),
        href: relativeHref(report.uri, prev.uri, item.id),
      },
      addressedBy,
    });
  }
  return {
    report: { uri: prev.uri, label: reportLabel(prev), date: prev.date },
    items,
    unaddressed: items.filter((i) => i.addressedBy.length === 0),
  };
}

/** "improvement item 2 of the 2018 inspection" (for messages). */
export function describeItem(prev: HistoryReport, id: string): string {
  return `${findingLabel(id)} of the ${reportLabel(prev)}`;
}
