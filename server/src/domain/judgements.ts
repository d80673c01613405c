/**
 * Judgement matching against the catalogue (server/profiles/judgements.yaml):
 * a matched judgement's key in a report's era, names and short names, and
 * which judgement of another era stands for which. Nothing names a judgement
 * in code.
 */
import { normalise } from '../model/text';
import type { JudgementRef } from '../model/types';
import type { Catalog, Era } from '../profiles/types';
import { eraKeys } from './eras';

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

