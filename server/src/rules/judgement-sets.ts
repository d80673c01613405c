/**
 * Helpers shared by the judgement rules (judgement-names, judgement-consistency,
 * required-sections). Which judgements the report's era has, how a written name
 * maps into that era and how grades compare are the catalogue's questions, in
 * domain/ (re-exported here); what is left is the rules' own.
 */
// The catalogue's questions live in domain/; the judgement rules import them from here.
export { eraKeys, eraWindow, erasWith } from '../domain/eras';
export { canonicalGrade, gradeRank, gradesFor, headingGrade } from '../domain/grades';
export { covers, nameOf, refKey, resolveKey, shortList, shortOf } from '../domain/judgements';

/**
 * Indices of the items that are out of order: those outside one longest
 * non-decreasing run through `orders`. Moving just these puts the rest in order,
 * so one misplaced section is one finding, not one per section after it.
 */
export function outOfOrder(orders: number[]): Set<number> {
  const n = orders.length;
  const tails: number[] = []; // index of the last item of the best run of each length
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orders[tails[mid]] <= orders[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.add(i);
  return out;
}
