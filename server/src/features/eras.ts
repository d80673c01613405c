import { formatOfsted } from '../core/dates';
import type { ReportModel } from '../model/types';
import type { Catalog, Era, JudgementSpec } from '../profiles/types';

/** The day before an ISO date, as ISO. */
function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function frameworkName(framework: string): string {
  return framework === 'sif' ? 'SIF' : framework.toUpperCase();
}

/** 'ILACS, inspections starting 16 January 2023 to 31 March 2026'. */
export function describeEra(catalog: Catalog, era: Era): string {
  const same = catalog.eras.filter((e) => e.framework === era.framework).sort((a, b) => a.from.localeCompare(b.from));
  const next = same.find((e) => e.from > era.from);
  const from = formatOfsted(era.from);
  const span = next ? `${from} to ${formatOfsted(dayBefore(next.from))}` : `from ${from}`;
  return `${frameworkName(era.framework)}, inspections starting ${span}`;
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

/** The grades valid for a report: its era's set, else its framework's, else ILACS. */
export function gradesFor(catalog: Catalog, model: ReportModel): string[] {
  const key = model.era?.grades ?? (model.profile?.framework === 'sif' ? 'sif' : 'ilacs');
  return catalog.grades[key] ?? catalog.grades.ilacs ?? [];
}

/** The judgements of a report's era, in table order. */
export function tableJudgements(catalog: Catalog, era: Era | undefined): JudgementSpec[] {
  if (!era) return [];
  return era.table.map((k) => catalog.judgements[k]).filter((j): j is JudgementSpec => j !== undefined);
}

/** The judgements that have a section in the body, in body order. */
export function sectionJudgements(catalog: Catalog, era: Era | undefined): JudgementSpec[] {
  if (!era) return [];
  return era.sections.map((k) => catalog.judgements[k]).filter((j): j is JudgementSpec => j !== undefined);
}

/**
 * The year whose house style applies to grades in headings: the inspection's
 * start, else the document's date.
 */
export function styleYear(model: ReportModel): number | undefined {
  const d = model.inspection?.start ?? model.documentDate;
  const y = d ? Number(d.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : undefined;
}

/** A grade as a section heading writes it: lower case from 2021, capitalised before. */
export function headingGrade(grade: string, year: number | undefined): string {
  return year !== undefined && year < 2021 ? grade : grade.toLowerCase();
}
