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
import { escapeRegExp } from './text';

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

/** The framework of the newest era (the one reports are written in now). */
export function newestFramework(catalog: Catalog): string | undefined {
  return catalog.eras.reduce<Era | undefined>((a, e) => (!a || e.from > a.from ? e : a), undefined)?.framework;
}

/**
 * The overall judgement's key as the history reads it: the newest era's that
 * has one ('overall'; ILACS from April 2026 has none). What a grade quoted
 * with no judgement named ("judged inadequate in 2019") is about.
 */
export function overallKey(catalog: Catalog): string | undefined {
  return [...catalog.eras].filter((e) => e.overall !== undefined).sort((a, b) => b.from.localeCompare(a.from))[0]?.overall;
}

/** The phrases running text names the overall judgement by ('overall effectiveness', 'overall'), longest first. */
export function overallMentions(catalog: Catalog): string[] {
  const key = overallKey(catalog);
  return judgementMentions(catalog).filter(([, k]) => k === key).map(([phrase]) => phrase);
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
    const newest = newestFramework(catalog);
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

export interface JudgementFamilies {
  /**
   * Judgement key -> its family: the areas (judgement keys of the newest
   * framework, judgements.yaml) its findings are about. 'in-care' is one
   * area; 'in-care-and-leavers' the two it covers; the SIF's
   * 'sif-looked-after' the newest framework's 'in-care'. None for the overall
   * judgement, which is no area.
   */
  byKey: ReadonlyMap<string, readonly string[]>;
  /** Phrases a section heading names a family by (every judgement's names, short names and mentions), longest first, each as a whole-word pattern. */
  phrases: readonly (readonly [RegExp, readonly string[]])[];
}

const families = new WeakMap<Catalog, JudgementFamilies>();

/** A phrase as whole words, any case and spacing. */
function phrasePattern(phrase: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\w'’])${normalise(phrase).split(' ').map(escapeRegExp).join('\\s+')}(?![\\w'’])`, `i${flags}`);
}

/**
 * The judgement families the history compares findings by, from the
 * catalogue: the practice and leaders judgements of the newest framework's
 * eras are the families; a judgement of another framework joins the one its
 * names say (its short name or a name holding one of that family's phrases:
 * 'children looked after' is children in care), else the one its `partOf`
 * names. A family covering others ('children in care and care leavers')
 * stands for their areas. Built once per catalogue.
 */
export function judgementFamilies(catalog: Catalog): JudgementFamilies {
  let out = families.get(catalog);
  if (out) return out;
  const newest = newestFramework(catalog);
  const heads = new Set(catalog.eras.filter((e) => e.framework === newest).flatMap((e) => [...e.practice, ...(e.leaders ? [e.leaders] : [])]));
  const wordsIn = (text: string, phrase: string) => phrasePattern(phrase).test(text);
  // Areas: families whose short name holds no other family's.
  const areas = [...heads].filter((k) => ![...heads].some((o) => o !== k && wordsIn(shortOf(catalog, k), shortOf(catalog, o))));
  // One array per family, so that findings of one family hold the same one (placePrior compares them first by identity).
  const interned = new Map<string, readonly string[]>();
  const areasOf = (k: string) => {
    const list = areas.includes(k) ? [k] : areas.filter((a) => wordsIn(shortOf(catalog, k), shortOf(catalog, a)));
    const id = list.join('\n');
    if (!interned.has(id)) interned.set(id, list);
    return interned.get(id)!;
  };
  const own = judgementMentions(catalog).filter(([, k]) => heads.has(k));
  const byKey = new Map<string, readonly string[]>();
  const familyOfKey = (key: string, seen: Set<string>): readonly string[] | undefined => {
    if (byKey.has(key)) return byKey.get(key);
    const spec = catalog.judgements[key];
    if (!spec || seen.has(key)) return undefined;
    seen.add(key);
    let fam: readonly string[] | undefined;
    if (heads.has(key)) fam = areasOf(key);
    else {
      for (const text of [spec.short, ...printedNames(spec)]) {
        const hit = own.find(([phrase]) => wordsIn(text, phrase));
        if (hit) { fam = areasOf(hit[1]); break; }
      }
      if (!fam && spec.partOf) fam = familyOfKey(spec.partOf, seen);
    }
    if (fam && fam.length > 0) byKey.set(key, fam);
    return fam;
  };
  for (const key of Object.keys(catalog.judgements)) familyOfKey(key, new Set());
  const phrases = new Map<string, readonly string[]>();
  for (const [phrase, key] of own) phrases.set(normalise(phrase), byKey.get(key) ?? []);
  for (const spec of Object.values(catalog.judgements)) {
    const fam = byKey.get(spec.key);
    if (!fam) continue;
    for (const p of [spec.short, ...printedNames(spec)]) if (!phrases.has(normalise(p))) phrases.set(normalise(p), fam);
  }
  const sorted = [...phrases.entries()].filter(([, f]) => f.length > 0).sort((a, b) => b[0].length - a[0].length);
  out = { byKey, phrases: sorted.map(([p, f]) => [phrasePattern(p, 'g'), f] as const) };
  families.set(catalog, out);
  return out;
}
