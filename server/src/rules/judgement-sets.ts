/**
 * Helpers shared by the judgement rules (judgement-names, judgement-consistency,
 * required-sections): which judgements the report's era has, how a written name
 * maps into that era, and how grades compare. Everything here reads the catalog
 * in server/profiles/judgements.yaml; nothing names a judgement in code.
 */
import { eraKeys } from '../domain/eras';
import { normalise } from '../model/text';
import type { JudgementRef } from '../model/types';
import type { Catalog, Era } from '../profiles/types';

// The catalogue's questions live in domain/; the judgement rules import them from here.
export { eraKeys, eraWindow, erasWith } from '../domain/eras';
export { canonicalGrade, gradeRank, gradesFor, headingGrade } from '../domain/grades';

/**
 * The era's key for a matched judgement. The catalog may hold two judgements
 * with the same name in different frameworks ('Overall effectiveness' in the
 * SIF and in ILACS); the parser returns the first, so map it into the era.
 */
export function resolveKey(catalog: Catalog, era: Era | undefined, key: string | undefined): string | undefined {
  if (!key || !era) return key;
  const keys = eraKeys(era);
  if (keys.has(key)) return key;
  const name = catalog.judgements[key]?.name;
  for (const k of keys) if (catalog.judgements[k]?.name === name) return k;
  return key;
}

/** A judgement's exact name, or the key when the catalog lacks it. */
export function nameOf(catalog: Catalog, key: string): string {
  return catalog.judgements[key]?.name ?? key;
}

export function shortOf(catalog: Catalog, key: string): string {
  return catalog.judgements[key]?.short ?? key;
}

/**
 * True when judgement `a` (from another era) stands for `b`, or the other way
 * round: 'children in care and care leavers' covers 'children in care' and
 * 'care leavers'. Used so that one wrong-era judgement is reported once (by
 * judgement-names), not again as the missing judgements it stands for.
 */
export function covers(catalog: Catalog, a: string, b: string): boolean {
  const sa = ` ${normalise(shortOf(catalog, a))} `;
  const sb = ` ${normalise(shortOf(catalog, b))} `;
  return sa.includes(sb) || sb.includes(sa);
}

/** The era's key for a judgement reference (table row or heading), when it has one. */
export function refKey(catalog: Catalog, era: Era | undefined, ref: JudgementRef | undefined): string | undefined {
  return ref ? resolveKey(catalog, era, ref.key) : undefined;
}

/** 'leaders, help and protection, children in care' for a list of keys. */
export function shortList(catalog: Catalog, keys: string[]): string {
  return keys.map((k) => shortOf(catalog, k)).join(', ');
}

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
