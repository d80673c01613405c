/**
 * Earlier findings about the same concern as a finding of the open report:
 * ranked by the TF-IDF cosine of their terms (similarity.ts), scaled by where
 * the two findings sit (prior.ts), and raised where the finding names the
 * earlier report ("since the focused visit in February 2020"). Plain data out:
 * the editor turns it into hovers, code lenses and quick fixes; the CLI into
 * text or JSON.
 */
import { overallKey } from '../domain/judgements';
import { excerpt, linkText, reportLabel } from './labels';
import { MAX_PRIOR, placePrior } from './prior';
import { linkedFindings, mentionedReports } from './resolve';
import { similarityTo } from './expand';
import { SUGGESTION, thresholdFor } from './thresholds';
import { sharedTerms } from './similarity';
import type { HistoryIndex } from './store';
import type { GradeThen, HistoryEntry, HistoryFinding, HistoryReport, Suggestion, TermVector } from './types';
import { relativeHref } from './uris';

export interface SuggestOptions {
  /** How many suggestions per finding (default 3). */
  topN?: number;
  /** Scores below this are not suggested (default 0.2). */
  minScore?: number;
}

export const DEFAULT_TOP_N = 3;
/** The suggestion threshold with full associates (the eval's and a large history's); see thresholds.ts. */
export const DEFAULT_MIN_SCORE = SUGGESTION.full;
/** How much naming the earlier report raises its findings' scores. */
const MENTION_BOOST = 1.5;

/** A finding of an earlier report with its score. */
export interface Scored {
  report: HistoryReport;
  finding: HistoryFinding;
  score: number;
  mentioned: boolean;
  linked: boolean;
}

/** What a scorer needs of a finding. */
export type Comparable = Pick<HistoryFinding, 'vector' | 'family' | 'position'>;

/** How far one finding is about the same thing as any other, 0..1 (see scorerFor). */
export type Scorer = (d: Comparable) => number;

/**
 * How far two findings are about the same thing, 0..1: the cosine of their
 * terms, each widened with its words' associates (expand.ts), times the place
 * prior over its largest value (so 0.52..1), spread as 1 - (1 - x)^3 so that
 * the scale reads like a share: word-for-word copies score near 1. Made once
 * per finding, called once per candidate.
 */
export function scorerFor(index: HistoryIndex, q: Comparable): Scorer {
  const similarity = similarityTo(index.expansion(), q.vector);
  return (d) => {
    const c = similarity(d.vector);
    if (c === 0) return 0;
    return spread(Math.min(1, (c * placePrior(q, d)) / MAX_PRIOR));
  };
}

function spread(x: number): number {
  return 1 - (1 - x) ** 3;
}

function unspread(s: number): number {
  return 1 - Math.cbrt(1 - s);
}

/** Naming the report multiplies the underlying similarity, not the spread score, so that scores stay apart. */
function boosted(score: number): number {
  return spread(Math.min(1, unspread(score) * MENTION_BOOST));
}

/** Every earlier finding scored against one finding, best first. */
export function scoreFinding(index: HistoryIndex, report: HistoryReport, findingId: string, earlier = index.earlier(report)): Scored[] {
  const finding = report.findings.find((f) => f.id === findingId);
  if (!finding || earlier.length === 0) return [];
  const mentioned = mentionedReports(report, findingId, earlier);
  const linked = linkedFindings(index, report, findingId);
  const out: Scored[] = [];
  const score1 = scorerFor(index, finding);
  for (const r of earlier) {
    const isMentioned = mentioned.has(r.key);
    for (const f of r.findings) {
      let score = score1(f);
      const isLinked = linked.has(`${r.key}#${f.id}`);
      if (score === 0 && !isLinked) continue;
      if (isMentioned && score > 0) score = boosted(score);
      out.push({ report: r, finding: f, score, mentioned: isMentioned, linked: isLinked });
    }
  }
  return out.sort((a, b) => b.score - a.score || (a.report.date ?? '') .localeCompare(b.report.date ?? ''));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Words (as written in the earlier finding where possible) both findings share, most telling first. */
function shared(index: HistoryIndex, a: TermVector, b: HistoryFinding, max = 5): string[] {
  const ids = sharedTerms(a, b.vector).sort((x, y) => index.idf(y) - index.idf(x)).slice(0, max);
  const byStem = new Map<string, string>();
  for (const w of b.text.match(/[A-Za-z0-9][A-Za-z0-9-]*/g) ?? []) {
    const s = index.analyser.stem(w.toLowerCase());
    if (!byStem.has(s)) byStem.set(s, w.toLowerCase());
  }
  return ids.map((id) => byStem.get(index.term(id)) ?? index.analyser.wordFor(index.term(id)));
}

export function toSuggestion(index: HistoryIndex, from: HistoryReport, query: TermVector, s: Scored): Suggestion {
  const r = s.report;
  return {
    target: { uri: r.uri, findingId: s.finding.id, span: s.finding.span, line: s.finding.line, range: s.finding.range },
    score: round(s.score),
    kind: r.kind,
    kindLabel: r.kindLabel,
    date: r.date,
    published: r.published,
    inspection: r.inspection,
    excerpt: excerpt(s.finding.text),
    linkText: linkText(r, s.finding.id),
    href: relativeHref(from.uri, r.uri, s.finding.id),
    mentioned: s.mentioned,
    linked: s.linked,
    sharedTerms: shared(index, query, s.finding),
  };
}

/** The best earlier findings for one finding of `report`, best first. */
export function suggestionsFor(index: HistoryIndex, report: HistoryReport, findingId: string, options: SuggestOptions = {}): Suggestion[] {
  const topN = options.topN ?? DEFAULT_TOP_N;
  const min = options.minScore ?? thresholdFor(index, SUGGESTION);
  const finding = report.findings.find((f) => f.id === findingId);
  if (!finding) return [];
  return scoreFinding(index, report, findingId)
    .filter((s) => s.score >= min)
    .slice(0, topN)
    .map((s) => toSuggestion(index, report, finding.vector, s));
}

export interface FindingSuggestions {
  findingId: string;
  line: number;
  span: HistoryFinding['span'];
  suggestions: Suggestion[];
}

/** Suggestions for every finding of a report (the CLI, code lenses); findings with none are left out. */
export function suggestionsForReport(index: HistoryIndex, report: HistoryReport, options: SuggestOptions = {}): FindingSuggestions[] {
  const earlier = index.earlier(report);
  if (earlier.length === 0) return [];
  const topN = options.topN ?? DEFAULT_TOP_N;
  const min = options.minScore ?? thresholdFor(index, SUGGESTION);
  const out: FindingSuggestions[] = [];
  for (const f of report.findings) {
    const best = scoreFinding(index, report, f.id, earlier).filter((s) => s.score >= min).slice(0, topN);
    if (best.length === 0) continue;
    out.push({ findingId: f.id, line: f.line, span: f.span, suggestions: best.map((s) => toSuggestion(index, report, f.vector, s)) });
  }
  return out;
}

/** The grade an earlier report gave a judgement, or the judgement that stood for it then. */
export function gradeThen(index: HistoryIndex, r: HistoryReport, judgement: string | undefined): GradeThen | undefined {
  if (!judgement || r.grades.length === 0) return undefined;
  const keys = [judgement, ...(index.synonyms.judgements.get(judgement) ?? [])];
  for (const k of keys) {
    const g = r.grades.find((x) => x.judgement === k);
    if (g) return { judgement: k, name: g.name, grade: g.grade };
  }
  return undefined;
}

/**
 * A finding's history, oldest first: for each earlier report, its best
 * matching finding (or the one the finding links to), with the grade that
 * report gave the judgement the finding sits under.
 */
export function historyOf(index: HistoryIndex, report: HistoryReport, findingId: string, options: { minScore?: number } = {}): HistoryEntry[] {
  const finding = report.findings.find((f) => f.id === findingId);
  if (!finding) return [];
  const min = options.minScore ?? thresholdFor(index, SUGGESTION);
  const bestPerReport = new Map<string, Scored>();
  for (const s of scoreFinding(index, report, findingId)) {
    if (s.score < min && !s.linked) continue;
    const held = bestPerReport.get(s.report.key);
    // A link the author wrote wins over a better score.
    if (!held || (s.linked && !held.linked)) bestPerReport.set(s.report.key, s);
  }
  const entries: HistoryEntry[] = [];
  // A finding outside the judgement sections: the overall judgement's grade (judgements.yaml).
  const overall = overallKey(index.catalogFor(report.uri));
  for (const s of bestPerReport.values()) {
    const judgement = finding.judgement ?? s.finding.judgement ?? overall;
    entries.push({
      ...toSuggestion(index, report, finding.vector, s),
      reportLabel: reportLabel(s.report),
      grade: gradeThen(index, s.report, judgement),
    });
  }
  return entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}
