/**
 * Judgement matching against the catalogue (server/profiles/judgements.yaml):
 * a matched judgement's key in a report's era, names and short names, and
 * which judgement of another era stands for which. Nothing names a judgement
 * in code.
 */
import { normalise } from '../model/text';
import type { JudgementRef } from '../model/types';
import type { Catalog, Era, JudgementSpec } from '../profiles/types';
import { eraKeys, erasWith } from './eras';

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


/** A judgement's names as reports print them: its name, its variants and the headings its section is printed under. */
export function printedNames(spec: JudgementSpec): string[] {
  return [spec.name, ...spec.variants, ...(spec.headings ?? [])];
}

/** The frameworks whose eras use a judgement (in their table or sections). */
export function frameworksOf(catalog: Catalog, key: string): Set<string> {
  return new Set(erasWith(catalog, key).map((e) => e.framework));
}

const mentionPhrases = new WeakMap<Catalog, readonly (readonly [string, string])[]>();

/**
 * The phrases running text names a judgement by ('help and protection',
 * 'children looked after', 'leadership'): the short name and the `mentions`
 * of each judgement of the newest era's framework (judgements.yaml), as
 * `[phrase, key]`, longest phrase first so that the more specific wins.
 * Built once per catalogue.
 */
export function judgementMentions(catalog: Catalog): readonly (readonly [string, string])[] {
  let out = mentionPhrases.get(catalog);
  if (!out) {
    const newest = catalog.eras.reduce<Era | undefined>((a, e) => (!a || e.from > a.from ? e : a), undefined)?.framework;
    const pairs: [string, string][] = [];
    for (const spec of Object.values(catalog.judgements)) {
      if (newest === undefined || !frameworksOf(catalog, spec.key).has(newest)) continue;
      for (const phrase of new Set([spec.short, ...(spec.mentions ?? [])])) pairs.push([phrase, spec.key]);
    }
    out = pairs.sort((a, b) => b[0].length - a[0].length);
    mentionPhrases.set(catalog, out);
  }
  return out;
}
