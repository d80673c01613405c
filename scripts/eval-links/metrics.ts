/**
 * The figures of `npm run eval:links`, from plain data: for each finding of a
 * later report, its gold links and the earlier findings the matcher ranked.
 *
 * Definitions (docs/history.md, "Measured"):
 * - shown: the suggestions a user sees, the top `topN` (3) with score >= the
 *   minimum score (0.25), as in the editor and `inspection-reports links`.
 * - recall@3: over later findings with at least one gold link,
 *   sum |gold ∩ shown| / sum min(3, |gold|). A finding with five gold links can
 *   have only three shown, so it counts three. `recall@3 (all gold)` divides by
 *   sum |gold| instead; `recall@3 (ranked)` ignores the minimum score.
 * - precision@1: over later findings with at least one gold link AND a shown
 *   suggestion, the share whose top suggestion is a gold link.
 *   `precision@1 (every suggestion)` also counts findings with no gold link that
 *   get a suggestion (their top suggestion is then wrong by definition).
 * - coverage: the share of findings with gold links that get a suggestion.
 */

export interface Ranked {
  id: string;
  score: number;
}

export interface FindingResult {
  pair: string;
  later: string;
  gold: readonly string[];
  /** Best first, scores as the matcher gave them (none filtered). */
  ranked: readonly Ranked[];
}

export interface Tally {
  findings: number;
  withGold: number;
  goldLinks: number;
  /** sum min(topN, |gold|) */
  goldCapped: number;
  hitsShown: number;
  hitsRanked: number;
  /** Findings with gold links and a shown suggestion. */
  suggested: number;
  top1Right: number;
  /** Findings without gold links that get a suggestion anyway. */
  spurious: number;
}

export interface Figures {
  recall3: number;
  recall3AllGold: number;
  recall3Ranked: number;
  precision1: number;
  precision1Every: number;
  coverage: number;
}

export interface EvalOptions {
  topN: number;
  minScore: number;
}

export function emptyTally(): Tally {
  return { findings: 0, withGold: 0, goldLinks: 0, goldCapped: 0, hitsShown: 0, hitsRanked: 0, suggested: 0, top1Right: 0, spurious: 0 };
}

export function shownOf(r: FindingResult, o: EvalOptions): Ranked[] {
  return r.ranked.filter((s) => s.score >= o.minScore).slice(0, o.topN);
}

/** Adds one finding's result to a tally; returns the gold links it missed (not shown). */
export function add(t: Tally, r: FindingResult, o: EvalOptions): string[] {
  const gold = new Set(r.gold);
  const shown = shownOf(r, o);
  t.findings++;
  if (gold.size === 0) {
    if (shown.length > 0) t.spurious++;
    return [];
  }
  t.withGold++;
  t.goldLinks += gold.size;
  t.goldCapped += Math.min(o.topN, gold.size);
  const hits = shown.filter((s) => gold.has(s.id)).length;
  t.hitsShown += hits;
  t.hitsRanked += r.ranked.slice(0, o.topN).filter((s) => gold.has(s.id)).length;
  if (shown.length > 0) {
    t.suggested++;
    if (gold.has(shown[0].id)) t.top1Right++;
  }
  // Missed: fewer hits than could be shown.
  if (hits >= Math.min(o.topN, gold.size)) return [];
  const seen = new Set(shown.map((s) => s.id));
  return [...gold].filter((g) => !seen.has(g));
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

export function figures(t: Tally): Figures {
  return {
    recall3: ratio(t.hitsShown, t.goldCapped),
    recall3AllGold: ratio(t.hitsShown, t.goldLinks),
    recall3Ranked: ratio(t.hitsRanked, t.goldCapped),
    precision1: ratio(t.top1Right, t.suggested),
    precision1Every: ratio(t.top1Right, t.suggested + t.spurious),
    coverage: ratio(t.suggested, t.withGold),
  };
}

export function merge(a: Tally, b: Tally): Tally {
  const out = emptyTally();
  for (const k of Object.keys(out) as (keyof Tally)[]) out[k] = a[k] + b[k];
  return out;
}
