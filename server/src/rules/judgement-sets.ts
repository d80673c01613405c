/**
 * Helpers shared by the judgement rules (judgement-names, judgement-consistency,
 * required-sections): which judgements the report's era has, how a written name
 * maps into that era, and how grades compare. Everything here reads the catalog
 * in server/profiles/judgements.yaml; nothing names a judgement in code.
 */
import { formatOfsted } from '../core/dates';
import { normalise } from '../model/text';
import type { JudgementRef, ReportModel } from '../model/types';
import type { Catalog, Era } from '../profiles/types';
import { intendedGrade } from './grade-wording';

/** Every judgement key the era knows (table and sections). */
export function eraKeys(era: Era): Set<string> {
  return new Set([...era.table, ...era.sections]);
}

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

/** The grade phrases of the report's framework. */
export function gradesFor(catalog: Catalog, model: ReportModel): string[] {
  const key = model.era?.grades ?? (model.profile?.framework === 'sif' ? 'sif' : 'ilacs');
  return catalog.grades[key] ?? catalog.grades.ilacs ?? [];
}

/** The grade phrase (sentence case) a written grade stands for, if it is one. */
export function canonicalGrade(catalog: Catalog, grades: string[], written: string): string | undefined {
  if (!written.trim()) return undefined;
  return intendedGrade(catalog, grades, written);
}

/** 4 for the best grade down to 1 for the worst (the order of the grade set); 0 when unknown. */
export function gradeRank(grades: string[], canonical: string | undefined): number {
  if (!canonical) return 0;
  const i = grades.indexOf(canonical);
  return i < 0 ? 0 : grades.length - i;
}

/** The year the heading rules go by: inspection start, else the document's date. */
export function reportYear(model: ReportModel): number {
  return Number((model.inspection?.start ?? model.documentDate ?? '9999').slice(0, 4));
}

/** A grade as a section heading writes it: lower case from 2021, sentence case before. */
export function headingGrade(model: ReportModel, canonical: string): string {
  return reportYear(model) >= 2021 ? canonical.toLowerCase() : canonical;
}

/** The era's key for a judgement reference (table row or heading), when it has one. */
export function refKey(catalog: Catalog, era: Era | undefined, ref: JudgementRef | undefined): string | undefined {
  return ref ? resolveKey(catalog, era, ref.key) : undefined;
}

/** 'inspections starting from 16 January 2023' or '... 1 January 2018 to 15 January 2023'. */
export function eraWindow(catalog: Catalog, era: Era): string {
  // The next era of any framework ends this one (the SIF ended when ILACS began).
  const next = catalog.eras.find((e) => e.from > era.from);
  const from = formatOfsted(era.from);
  if (!next) return `inspections starting from ${from}`;
  return `inspections starting ${from} to ${formatOfsted(dayBefore(next.from))}`;
}

/** The eras (any framework) whose judgement sets include a key. */
export function erasWith(catalog: Catalog, key: string): Era[] {
  return catalog.eras.filter((e) => eraKeys(e).has(key));
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
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
