/**
 * Resolves what a report names: an explicit mention ("the focused visit in
 * February 2020") to the earlier report it means, and a dialect link to the
 * report and finding it points at.
 */
import { reportLabel } from './labels';
import type { HistoryIndex } from './store';
import type { HistoryFinding, HistoryLink, HistoryReport, Mention, ResolvedMention } from './types';
import { resolveLinkKey } from './uris';

function ym(iso: string | undefined): { y: number; m: number } | undefined {
  if (!iso) return undefined;
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) };
}

function inMonthOrYear(r: HistoryReport, year: number, month?: number): boolean {
  const dates = [r.inspection?.start, r.inspection?.end].map(ym);
  const fits = (d: { y: number; m: number } | undefined) => !!d && d.y === year && (month === undefined || d.m === month);
  if (dates.some(fits)) return true;
  // No inspection dates: fall back to the report's own date.
  return !r.inspection && fits(ym(r.date));
}

function kindFits(r: HistoryReport, m: Mention): boolean {
  switch (m.kind) {
    case 'inspection': return r.graded;
    case 'focused-visit': return r.kind === 'focused-visit';
    case 'monitoring-visit': return r.kind === 'monitoring-visit';
    case 'scrutiny': return r.kind === 'scrutiny';
  }
}

/** The earlier report a mention names, if the history holds it. `earlier` is oldest first. */
export function resolveMention(m: Mention, earlier: readonly HistoryReport[]): HistoryReport | undefined {
  let candidates = earlier.filter((r) => kindFits(r, m));
  if (m.ordinal !== undefined && m.kind === 'monitoring-visit') {
    const numbered = candidates.find((r) => r.visitNumber === m.ordinal);
    if (numbered) return numbered;
    // Unnumbered letters: count the visits since the last graded inspection (the one that started them).
    const graded = earlier.filter((r) => r.graded);
    const lastGraded = graded[graded.length - 1];
    const since = lastGraded ? candidates.filter((r) => (r.date ?? '') > (lastGraded.date ?? '')) : candidates;
    return since[m.ordinal - 1];
  }
  if (m.year !== undefined) {
    const year = m.year;
    candidates = candidates.filter((r) => inMonthOrYear(r, year, m.month));
  }
  if (candidates.length === 0) return undefined;
  if (m.latest || candidates.length === 1 || m.year !== undefined) return candidates[candidates.length - 1];
  return undefined;
}

/** Every mention in a report with the report it names (document links, hovers). */
export function resolveMentions(index: HistoryIndex, report: HistoryReport): ResolvedMention[] {
  const earlier = index.earlier(report);
  return report.mentions.map((mention) => {
    const r = resolveMention(mention, earlier);
    return { mention, report: r ? { uri: r.uri, label: reportLabel(r), date: r.date } : undefined };
  });
}

/** The reports that the mentions inside one finding name. */
export function mentionedReports(report: HistoryReport, findingId: string, earlier: readonly HistoryReport[]): Set<string> {
  const keys = new Set<string>();
  for (const m of report.mentions) {
    if (m.findingId !== findingId) continue;
    const r = resolveMention(m, earlier);
    if (r) keys.add(r.key);
  }
  return keys;
}

export interface LinkTarget {
  link: HistoryLink;
  /** Key of the file the link points at (uriKey form), when it can be resolved. */
  key?: string;
  report?: HistoryReport;
  finding?: HistoryFinding;
}

const FINDING_ID = /^(?:para|wni|finding|rec|priority)-[0-9][0-9.]*$/;

/** Whether a fragment looks like a finding id (so the link is a dialect link to a finding). */
export function isFindingId(fragment: string): boolean {
  return FINDING_ID.test(fragment);
}

/** Where a link of `report` points (go to definition, document links). */
export function resolveLink(index: HistoryIndex, report: HistoryReport, link: HistoryLink): LinkTarget {
  const key = resolveLinkKey(report.uri, link.path);
  if (!key) return { link };
  const target = key === report.key ? report : index.getByKey(key);
  const finding = target && link.fragment ? target.findings.find((f) => f.id === link.fragment) : undefined;
  return { link, key, report: target, finding };
}

/** The earlier findings a finding already links to, as report key + finding id. */
export function linkedFindings(index: HistoryIndex, report: HistoryReport, findingId: string): Set<string> {
  const f = report.findings.find((x) => x.id === findingId);
  const out = new Set<string>();
  if (!f) return out;
  for (const l of report.links) {
    if (l.span.start < f.span.start || l.span.end > f.span.end || !isFindingId(l.fragment)) continue;
    const t = resolveLink(index, report, l);
    if (t.key) out.add(`${t.key}#${l.fragment}`);
  }
  return out;
}
