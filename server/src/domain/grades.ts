/**
 * Grades, read from the catalogue (server/profiles/judgements.yaml `grades`
 * and `notGrades`): the set a report uses, what a written grade stands for,
 * ranks, the form a section heading needs, and the grade phrases as patterns.
 * Nothing here names a grade; every list comes from the catalogue.
 * Source: ../shared/domain.md, "Grades".
 */
import { normalise } from '../model/text';
import type { ReportModel } from '../model/types';
import type { Catalog } from '../profiles/types';
import { eraWindow, frameworkName } from './eras';
import { escapeRegExp } from './text';

/** The key of a report's grade set (judgements.yaml `grades:`): its era's, else its framework's, else ILACS. */
export function gradeSetKey(model: ReportModel): string {
  return model.era?.grades ?? (model.profile?.framework === 'sif' ? 'sif' : 'ilacs');
}

/** The grade phrases (sentence case, best first) of a report: its era's set, else its framework's, else ILACS. */
export function gradesFor(catalog: Catalog, model: ReportModel): string[] {
  return catalog.grades[gradeSetKey(model)] ?? catalog.grades.ilacs ?? [];
}

/** The phrase the author meant, in sentence case, or undefined when we cannot tell. */
export function intendedGrade(catalog: Catalog, grades: readonly string[], written: string): string | undefined {
  // 'require improvement': the verb of a sentence-form heading agreeing with a plural subject (grammar, not a grade).
  const n = normalise(written).replace(/^['‘"“]+|['’"”]+$/g, '').replace(/^require\b/, 'requires');
  const exact = grades.find((g) => g.toLowerCase() === n);
  if (exact) return exact;
  // A grade of another framework that this set writes longer or shorter
  // ('requires improvement' vs 'requires improvement to be good').
  const related = grades.find((g) => relatedForms(catalog, g).has(n));
  if (related) return related;
  if (Object.prototype.hasOwnProperty.call(catalog.notGrades, n)) {
    const meant = catalog.notGrades[n];
    return meant ? grades.find((g) => g.toLowerCase() === meant.toLowerCase()) : undefined;
  }
  return undefined;
}

/** The grade phrase (sentence case) a written grade stands for, if it is one. */
export function canonicalGrade(catalog: Catalog, grades: readonly string[], written: string): string | undefined {
  if (!written.trim()) return undefined;
  return intendedGrade(catalog, grades, written);
}

/** 4 for the best grade down to 1 for the worst (the order of the grade set); 0 when unknown. */
export function gradeRank(grades: readonly string[], canonical: string | undefined): number {
  if (!canonical) return 0;
  const i = grades.indexOf(canonical);
  return i < 0 ? 0 : grades.length - i;
}

/** The grade sets some era uses (ILACS, SIF), each with its key. */
function usedSets(catalog: Catalog): { key: string; grades: string[] }[] {
  const keys = [...new Set(catalog.eras.map((e) => e.grades))];
  return keys.map((key) => ({ key, grades: catalog.grades[key] ?? [] })).filter((s) => s.grades.length > 0);
}

/**
 * Other frameworks' forms (lower case) of the grade at the same rank where one
 * phrase extends the other: 'requires improvement' for 'Requires improvement
 * to be good', and the other way round.
 */
function relatedForms(catalog: Catalog, grade: string): Set<string> {
  const out = new Set<string>();
  const g = grade.toLowerCase();
  for (const level of gradeScale(catalog)) {
    const forms = level.grades.map((x) => x.toLowerCase());
    if (!forms.includes(g)) continue;
    for (const f of forms) if (f !== g && sameGrade(f, g)) out.add(f);
  }
  return out;
}

/**
 * Whether two written grades are one grade: the same phrase (any case,
 * spacing or final full stop), or one framework's phrase extending another's ('requires
 * improvement' and 'requires improvement to be good').
 */
export function sameGrade(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x === y || (x !== '' && y !== '' && (x.startsWith(`${y} `) || y.startsWith(`${x} `)));
}

export interface GradeLevel {
  /** 4 for the best, down to 1. */
  level: number;
  /** The phrases at this level across the frameworks the eras use, in catalogue order. */
  grades: string[];
}

const scales = new WeakMap<Catalog, GradeLevel[]>();

/**
 * One scale across frameworks, best first: the grades at each rank of the
 * sets the eras use ('Requires improvement' and 'Requires improvement to be
 * good' share a level).
 */
export function gradeScale(catalog: Catalog): GradeLevel[] {
  const cached = scales.get(catalog);
  if (cached) return cached;
  const byLevel = new Map<number, string[]>();
  for (const set of usedSets(catalog)) {
    set.grades.forEach((g, i) => {
      const level = set.grades.length - i;
      const list = byLevel.get(level) ?? [];
      if (!list.includes(g)) list.push(g);
      byLevel.set(level, list);
    });
  }
  const out = [...byLevel.entries()].sort((a, b) => b[0] - a[0]).map(([level, grades]) => ({ level, grades }));
  scales.set(catalog, out);
  return out;
}

/** The level of a written grade on the scale (any framework's phrase, any case, a final full stop allowed); undefined for anything else. */
export function gradeLevel(catalog: Catalog, grade: string | undefined): number | undefined {
  const g = normalise(grade ?? '');
  if (!g) return undefined;
  return gradeScale(catalog).find((l) => l.grades.some((x) => x.toLowerCase() === g))?.level;
}

/**
 * A level's label in lines: each phrase, except that a phrase another one
 * extends gives one line and the rest in brackets ('Requires improvement',
 * '(to be good)').
 */
export function levelLabel(level: GradeLevel): string[] {
  const lines: string[] = [];
  const done = new Set<string>();
  for (const g of [...level.grades].sort((a, b) => a.length - b.length)) {
    if (done.has(g)) continue;
    const longer = level.grades.filter((x) => x !== g && !done.has(x) && x.toLowerCase().startsWith(`${g.toLowerCase()} `));
    lines.push(g);
    if (longer.length > 0) lines.push(...longer.map((x) => `(${x.slice(g.length).trim()})`));
    for (const x of [g, ...longer]) done.add(x);
  }
  return lines;
}

/** Every grade phrase of every grade set in the catalogue (older sets too), longest first so a pattern prefers the full phrase. */
export function allGradePhrases(catalog: Catalog): string[] {
  const seen = new Map<string, string>();
  for (const set of Object.values(catalog.grades)) for (const g of set) if (!seen.has(g.toLowerCase())) seen.set(g.toLowerCase(), g);
  return [...seen.values()].sort((a, b) => b.length - a.length);
}

/** A regex alternation (no group) of phrases, longest first so the full phrase wins, each escaped. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** All grade words the catalogue knows, right or wrong (every set's phrases and the not-grades), lower case, longest first. */
export function gradeWords(catalog: Catalog): string[] {
  const all = new Set<string>();
  for (const set of Object.values(catalog.grades)) for (const g of set) all.add(g.toLowerCase());
  for (const g of Object.keys(catalog.notGrades)) all.add(g.toLowerCase());
  return [...all].sort((a, b) => b.length - a.length);
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const COUNT = ['none', 'one', 'two', 'three', 'four', 'five', 'six'];

/**
 * What a grade phrase is, for the hover: 'the highest of the four grades',
 * 'the third of the four ILACS grades', or undefined when it is no grade of
 * any era's set.
 */
export function gradeMeaning(catalog: Catalog, written: string): string | undefined {
  const n = normalise(written).replace(/^['‘"“]+|['’"”]+$/g, '');
  const sets = usedSets(catalog);
  const having = sets.filter((s) => s.grades.some((g) => g.toLowerCase() === n));
  if (having.length === 0) return undefined;
  const { grades } = having[0];
  const i = grades.findIndex((g) => g.toLowerCase() === n);
  const eras = catalog.eras.filter((e) => having.some((x) => x.key === e.grades));
  const frameworks = [...new Set(eras.map((e) => e.framework))];
  let whose = '';
  let when = '';
  if (having.length < sets.length) {
    whose = `${frameworks.map(frameworkName).join(' and ')} `;
    // A framework whose eras graded differently: say which of its eras.
    const mixed = catalog.eras.some((e) => frameworks.includes(e.framework) && !having.some((x) => x.key === e.grades));
    if (mixed) when = ` (${eras.map((e) => eraWindow(catalog, e)).join('; ')})`;
  }
  const count = COUNT[grades.length] ?? String(grades.length);
  const place = i === 0 ? 'highest' : i === grades.length - 1 ? 'lowest' : (ORDINAL[i] ?? `number ${i + 1}`);
  let text = `the ${place} of the ${count} ${whose}grades${when}`;
  // What the other frameworks write instead (notGrades: 'requires improvement' -> the ILACS phrase).
  const instead = catalog.notGrades[n];
  if (instead) {
    const others = [...new Set(catalog.eras.filter((e) => (catalog.grades[e.grades] ?? []).includes(instead)).map((e) => frameworkName(e.framework)))];
    if (others.length > 0) text += `; ${others.join(' and ')} writes “${instead}”`;
  }
  return text;
}

/** Whether a phrase is a grade of some set the catalogue holds that no era uses (older wording, such as 'adequate'). */
export function isOlderGrade(catalog: Catalog, written: string): boolean {
  const n = normalise(written).replace(/^['‘"“]+|['’"”]+$/g, '');
  const used = new Set(usedSets(catalog).flatMap((s) => s.grades.map((g) => g.toLowerCase())));
  return !used.has(n) && Object.values(catalog.grades).some((set) => set.some((g) => g.toLowerCase() === n));
}

// ---------------------------------------------------------------------------
// The heading-year rule. Source: domain.md, "Grades": a section heading's
// grade is lower case after the colon in reports from 2021; capitalised was
// usual from 2018 to 2020, and before 2021 the older sentence form
// (`<name> requires improvement to be good.`) was still written.

const MODERN_HEADINGS_FROM = 2021;

/** The year the heading style goes by: the inspection's start, else the document's date. */
export function headingStyleYear(model: ReportModel): number | undefined {
  const d = model.inspection?.start ?? model.documentDate;
  const y = d ? Number(d.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : undefined;
}

/**
 * Whether the report follows the 2021 heading style (`<name>: <grade>`, the
 * grade in lower case). A report with no date is held to it too.
 */
export function modernHeadings(model: ReportModel): boolean {
  const y = headingStyleYear(model);
  return y === undefined || y >= MODERN_HEADINGS_FROM;
}

/** A grade as a section heading writes it: lower case from 2021, as given (sentence case) before. */
export function headingGrade(model: ReportModel, grade: string): string {
  return modernHeadings(model) ? grade.toLowerCase() : grade;
}
