/**
 * What the editor shows from the history, as plain data: the finding under the
 * cursor, code lenses, hover text, quick fixes, diagnostics and the history
 * view's data. The language server converts these at its edge; nothing here
 * knows about the protocol.
 */
import { LineIndex } from '../core/lineIndex';
import type { Diagnostic, Fix, Severity } from '../core/types';
import { recurringConcerns } from './concerns';
import { displayDate, findingLabel, reportLabel } from './labels';
import { checkLinks, linkInsertion, type LinkCheckOptions } from './linkCheck';
import { checkQuotedGrades } from './quotedGrades';
import type { HistoryIndex } from './store';
import { historyOf, suggestionsFor, type SuggestOptions } from './suggest';
import type { HistoryEntry, HistoryFinding, HistoryReport, RecurringConcern } from './types';

/** Rule ids under which the history's diagnostics are reported (and can be switched off). */
export const HISTORY_RULES = {
  links: 'finding-links',
  recurring: 'recurring-concern',
  quotedGrade: 'quoted-grade',
} as const;

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

/** A lens above each finding that has earlier matches. */
export function historyLenses(index: HistoryIndex, report: HistoryReport, options: { minScore?: number } = {}): HistoryLens[] {
  if (index.earlier(report).length === 0) return [];
  const out: HistoryLens[] = [];
  for (const f of report.findings) {
    const entries = historyOf(index, report, f.id, options);
    if (entries.length === 0) continue;
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
    lines.push(`  > ${e.excerpt.replace(/([\\`*_[\]<>])/g, '\\$1')}`);
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

export interface HistoryDiagnosticOptions extends LinkCheckOptions {
  /** Severity by rule id, or 'off' (from the settings' `rules:`). */
  rules?: Record<string, Severity | 'off'>;
  recurringMinScore?: number;
}

/**
 * The history's diagnostics for a report, as core Diagnostics: broken finding
 * links, recurring concerns and quoted grades that disagree with the history.
 * Disable comments are the caller's to apply (check.ts, filterDisabled).
 */
export function historyDiagnostics(index: HistoryIndex, report: HistoryReport, text: string, options: HistoryDiagnosticOptions = {}): Diagnostic[] {
  const lines = new LineIndex(text);
  const out: Diagnostic[] = [];
  const severity = (ruleId: string, wanted: Severity): Severity | undefined => {
    const s = options.rules?.[ruleId];
    return s === 'off' ? undefined : s ?? wanted;
  };
  const push = (ruleId: string, wanted: Severity, d: Omit<Diagnostic, 'ruleId' | 'severity' | 'range'>) => {
    const sev = severity(ruleId, wanted);
    if (sev) out.push({ ...d, ruleId, severity: sev, range: lines.range(d.span) });
  };
  for (const p of checkLinks(index, report, options)) {
    push(HISTORY_RULES.links, p.severity, { message: p.message, span: p.span });
  }
  for (const c of recurringConcerns(index, report, { minScore: options.recurringMinScore })) {
    push(HISTORY_RULES.recurring, c.severity, {
      message: c.message,
      span: firstLine(lines, c),
      related: [{ message: `${c.earlier.linkText}: ${c.earlier.excerpt}`, uri: c.earlier.target.uri, span: c.earlier.target.span }],
      fix: linkFixFor(text, report, c),
    });
  }
  for (const q of checkQuotedGrades(index, report)) {
    push(HISTORY_RULES.quotedGrade, q.severity, {
      message: q.message,
      span: q.span,
      fix: q.fix ? { title: q.fix.title, edits: [{ start: q.fix.span.start, end: q.fix.span.end, newText: q.fix.newText }] } : undefined,
      related: q.inspection ? [{ message: q.inspection.label, uri: q.inspection.uri }] : undefined,
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

/** A recurring concern is shown on the finding's first line, not the whole paragraph. */
function firstLine(lines: LineIndex, c: RecurringConcern) {
  return { start: c.span.start, end: Math.min(c.span.end, lines.lineEnd(c.line)) };
}

function linkFixFor(text: string, report: HistoryReport, c: RecurringConcern): Fix | undefined {
  const edit = linkInsertion(text, report, c.findingId, c.earlier);
  return edit ? { title: `Link to earlier finding: ${c.earlier.linkText}`, edits: [edit] } : undefined;
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
