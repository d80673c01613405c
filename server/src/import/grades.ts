/**
 * The grade phrases published reports print, as the importer's patterns, built
 * from the judgement catalogue (server/profiles/judgements.yaml: every grade
 * set, the older ones too, since old reports are imported) once per catalogue.
 *
 * The importer reads no files and keeps no state: the front ends pass the
 * catalogue they loaded (`ImportOptions.catalog`, `ImportFilesOptions.catalog`),
 * and the entry points hand it down, as a parameter, to the layout and table
 * readers and the builder, which look its patterns up here.
 */
import { allGradePhrases, phraseAlternation } from '../domain/grades';
import type { Catalog } from '../profiles/types';

/** Why nothing is imported without a judgement catalogue (a front end's mistake, said plainly rather than thrown). */
export const NO_CATALOG = 'no judgement catalogue was given to the importer (ImportOptions.catalog): the grades and judgement names it reads by come from it';

export interface ImportGrades {
  /** Every grade phrase, longest first, as printed in sentence case. */
  phrases: readonly string[];
  /** The phrases as a RegExp alternation (no group), longest first. */
  alternation: string;
  /** A grade phrase anywhere (case-insensitive), captured in group 1. */
  any: RegExp;
  /** Nothing but a grade phrase. */
  only: RegExp;
  /** The words grade phrases are made of, lower case ('requires', 'to', 'be', 'good', ...). */
  words: ReadonlySet<string>;
  /** Nothing but grade words, one or more ("Requires improvement", "to be good", "Not judged"): a grade, or a grade's line. */
  wordsOnly: RegExp;
  /** The phrases of the grade sets some era uses (what a judgement heading may end with), as an alternation. */
  eraAlternation: string;
}

/**
 * An alternation of grade phrases in which a leading 'requires' may be
 * 'require', agreeing with a plural name ("Children's services require
 * improvement"): grammar, not a grade.
 */
export function agreeing(alternation: string): string {
  return alternation.replace(/\brequires\b/gi, 'requires?');
}

/**
 * Whether a table cell's grade text is a whole grade that the next line does
 * not carry on: 'Requires improvement' is whole, unless the next line starts
 * 'to be good' (a longer phrase of the catalogue goes on with its first word).
 */
export function gradeComplete(catalog: Catalog, text: string, next: string): boolean {
  const t = text.replace(/\.$/, '').toLowerCase();
  const { phrases } = importGradesFor(catalog);
  if (!phrases.some((p) => p.toLowerCase() === t)) return false;
  const word = next.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return !phrases.some((p) => p.toLowerCase().startsWith(`${t} ${word}`));
}

const byFramework = new WeakMap<Catalog, Map<string, string>>();

/**
 * The grades a framework's reports print (judgements.yaml: the grade sets its
 * eras use and the other wordings `gradeForms` accepts for them), as an
 * alternation (no group, longest first, 'requires' or 'require'). Built once
 * per catalogue and framework.
 */
export function frameworkGradeAlternation(catalog: Catalog, framework: string): string {
  let m = byFramework.get(catalog);
  if (!m) byFramework.set(catalog, (m = new Map()));
  let out = m.get(framework);
  if (out === undefined) {
    const sets = [...new Set(catalog.eras.filter((e) => e.framework === framework).map((e) => e.grades))];
    const phrases = sets.flatMap((k) => [...(catalog.grades[k] ?? []), ...Object.keys(catalog.gradeForms?.[k] ?? {})]);
    out = phrases.length > 0 ? agreeing(phraseAlternation([...new Set(phrases)])) : '(?!)';
    m.set(framework, out);
  }
  return out;
}

const built = new WeakMap<Catalog, ImportGrades>();

/** The patterns of a catalogue's grade phrases, built once per catalogue. */
export function importGradesFor(catalog: Catalog): ImportGrades {
  let g = built.get(catalog);
  if (!g) {
    // 'Not judged' (judgements.yaml notJudged) stands in a grade's place in SIF tables of small authorities.
    const phrases = [...allGradePhrases(catalog), ...(catalog.notJudged ?? [])].sort((x, y) => y.length - x.length);
    const alternation = phraseAlternation(phrases);
    const words = new Set(phrases.flatMap((p) => p.toLowerCase().split(/\s+/)));
    const word = phraseAlternation([...words]);
    g = {
      phrases,
      alternation,
      any: new RegExp(`\\b(${alternation})\\b`, 'i'),
      only: new RegExp(`^(?:${alternation})$`, 'i'),
      words,
      wordsOnly: new RegExp(`^(?:${word})(?:\\s+(?:${word}))*$`, 'i'),
      eraAlternation: phraseAlternation([...new Set(catalog.eras.flatMap((e) => catalog.grades[e.grades] ?? []))]),
    };
    built.set(catalog, g);
  }
  return g;
}
