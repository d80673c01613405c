/**
 * What a finding's place says about its concern, before its words do. Reports
 * of every era group findings by judgement (help and protection, children in
 * care, care leavers, leaders) and, within a judgement, follow the same order
 * of topics (the front door before assessments, assessments before plans). So
 * an earlier finding under the same judgement is likelier to be about the same
 * concern, the more so at the same place in its section; one under another
 * judgement is less likely. The prior scales the text's similarity.
 */
import { judgementFamilies } from '../domain/judgements';
import type { Catalog } from '../profiles/types';
import type { HistoryFinding, JudgementFamily as Family } from './types';

/** Same judgement family: up to this, by how near the two places are. */
const SAME = 1.3;
/** The largest factor placePrior gives. */
export const MAX_PRIOR = SAME;
/** Either finding's judgement unknown (improvement items, a letter's findings, summaries). */
const UNKNOWN = 0.85;
/** Different judgements (help and protection against care leavers). */
const DIFFERENT = 0.68;
/** Within the same family, how much of the prior the place decides, and over what distance it fades. */
const PLACE_SHARE = 0.3;
const PLACE_SCALE = 0.3;

/**
 * The judgement family of a finding (the areas it is about, judgement keys of
 * the newest framework; domain/judgements.ts `judgementFamilies`): by its
 * judgement, else by the judgement names its section's heading holds (the
 * longest first; a name inside a longer one is the longer one's). extract.ts
 * keeps it as `family`.
 */
export function familyOf(catalog: Catalog, f: Pick<HistoryFinding, 'judgement' | 'section'>): Family | undefined {
  const { byKey, phrases } = judgementFamilies(catalog);
  const byJudgement = f.judgement ? byKey.get(f.judgement) : undefined;
  if (byJudgement) return byJudgement;
  const h = f.section ?? '';
  if (!h) return undefined;
  const named: { start: number; end: number; family: Family }[] = [];
  for (const [re, family] of phrases) {
    for (const m of h.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!named.some((n) => n.start <= start && end <= n.end)) named.push({ start, end, family });
    }
  }
  if (named.length === 0) return undefined;
  // Several ('children looked after ... and care leavers'): the family that is all their areas, else the first named.
  const all = [...new Set(named.flatMap((n) => n.family))];
  const whole = [...byKey.values()].find((fam) => fam.length === all.length && all.every((a) => fam.includes(a)));
  if (whole) return whole;
  return named.sort((a, b) => a.start - b.start)[0].family;
}

/** Two families are compatible when they share an area ('children in care and care leavers' and 'care leavers'). */
function compatible(a: Family, b: Family): boolean {
  return a === b || a.some((x) => b.includes(x));
}

/** The factor a pair's text similarity is multiplied by, 0.68..1.3. */
export function placePrior(q: Pick<HistoryFinding, 'family' | 'position'>, d: Pick<HistoryFinding, 'family' | 'position'>): number {
  const a = q.family;
  const b = d.family;
  if (!a || !b) return UNKNOWN;
  if (!compatible(a, b)) return DIFFERENT;
  const near = q.position !== undefined && d.position !== undefined ? Math.exp(-Math.abs(q.position - d.position) / PLACE_SCALE) : 0.5;
  return SAME * (1 - PLACE_SHARE + PLACE_SHARE * near);
}
