/**
 * The catalogue's eras: which judgement set applies when, and the dates each
 * era covers. One window for every caller (hover, completion, diagnostics).
 *
 * An era runs from its `from` date to the day before the next era of ANY
 * framework begins, because the frameworks succeed one another: the SIF covers
 * inspections starting 2013 to 2017 and ended when ILACS began in January 2018
 * (../shared/domain.md, "Frameworks and judgements"). Ending an era only at the
 * next era of its own framework would leave the SIF open-ended.
 */
import { formatOfsted } from '../core/dates';
import type { Catalog, Era, JudgementSpec } from '../profiles/types';

/** The day before an ISO date, as ISO. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The first and (when a later era exists) last inspection start dates of an era, ISO. */
export function eraDates(catalog: Catalog, era: Era): { from: string; to?: string } {
  const next = [...catalog.eras].sort((a, b) => a.from.localeCompare(b.from)).find((e) => e.from > era.from);
  return next ? { from: era.from, to: dayBefore(next.from) } : { from: era.from };
}

/** 'inspections starting from 16 January 2023' or '... 1 January 2018 to 15 January 2023'. */
export function eraWindow(catalog: Catalog, era: Era): string {
  const { from, to } = eraDates(catalog, era);
  return to ? `inspections starting ${formatOfsted(from)} to ${formatOfsted(to)}` : `inspections starting from ${formatOfsted(from)}`;
}

/** 'SIF', 'ILACS'. */
export function frameworkName(framework: string): string {
  return framework === 'sif' ? 'SIF' : framework.toUpperCase();
}

/** 'ILACS, inspections starting 16 January 2023 to 31 March 2026'. */
export function describeEra(catalog: Catalog, era: Era): string {
  return `${frameworkName(era.framework)}, ${eraWindow(catalog, era)}`;
}

const keysOf = new WeakMap<Era, ReadonlySet<string>>();

/** Every judgement key the era knows (table and sections), made once per era. */
export function eraKeys(era: Era): ReadonlySet<string> {
  let keys = keysOf.get(era);
  if (!keys) {
    keys = new Set([...era.table, ...era.sections]);
    keysOf.set(era, keys);
  }
  return keys;
}

/** The eras (any framework) whose judgement sets (table or sections) include a key. */
export function erasWith(catalog: Catalog, key: string): Era[] {
  return catalog.eras.filter((e) => eraKeys(e).has(key));
}

/** The eras whose judgement table includes a judgement. */
export function erasWithJudgement(catalog: Catalog, key: string): Era[] {
  return catalog.eras.filter((e) => e.table.includes(key));
}

/** The eras whose grade set includes a grade (case-insensitive). */
export function erasWithGrade(catalog: Catalog, grade: string): Era[] {
  const g = grade.toLowerCase();
  return catalog.eras.filter((e) => (catalog.grades[e.grades] ?? []).some((x) => x.toLowerCase() === g));
}

function specs(catalog: Catalog, keys: readonly string[]): JudgementSpec[] {
  return keys.map((k) => catalog.judgements[k]).filter((j): j is JudgementSpec => j !== undefined);
}

/** The judgements of an era, in table order. */
export function tableJudgements(catalog: Catalog, era: Era | undefined): JudgementSpec[] {
  return era ? specs(catalog, era.table) : [];
}

/** The judgements that have a section in the body, in body order. */
export function sectionJudgements(catalog: Catalog, era: Era | undefined): JudgementSpec[] {
  return era ? specs(catalog, era.sections) : [];
}
