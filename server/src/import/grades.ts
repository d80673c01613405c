/**
 * The grade phrases published reports print, as the importer's patterns, built
 * from the judgement catalogue (server/profiles/judgements.yaml: every grade
 * set, the older ones too, since old reports are imported) once per catalogue.
 *
 * The importer reads no files: the front ends pass the catalogue they loaded
 * (`ImportOptions.catalog`, `ImportFilesOptions.catalog`), and the entry points
 * make it the one the layout and table readers use (`useImportCatalog`) before
 * they run. Those readers are synchronous once a document is read, so one
 * import's catalogue cannot leak into another's.
 */
import { allGradePhrases, phraseAlternation } from '../domain/grades';
import type { Catalog } from '../profiles/types';

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
  /** The phrases of the grade sets some era uses (what a judgement heading may end with), as an alternation. */
  eraAlternation: string;
}

const built = new WeakMap<Catalog, ImportGrades>();

/** The patterns of a catalogue's grade phrases, built once per catalogue. */
export function importGradesFor(catalog: Catalog): ImportGrades {
  let g = built.get(catalog);
  if (!g) {
    // 'Not judged' (judgements.yaml notJudged) stands in a grade's place in SIF tables of small authorities.
    const phrases = [...allGradePhrases(catalog), ...(catalog.notJudged ?? [])].sort((x, y) => y.length - x.length);
    const alternation = phraseAlternation(phrases);
    g = {
      phrases,
      alternation,
      any: new RegExp(`\\b(${alternation})\\b`, 'i'),
      only: new RegExp(`^(?:${alternation})$`, 'i'),
      words: new Set(phrases.flatMap((p) => p.toLowerCase().split(/\s+/))),
      eraAlternation: phraseAlternation([...new Set(catalog.eras.flatMap((e) => catalog.grades[e.grades] ?? []))]),
    };
    built.set(catalog, g);
  }
  return g;
}

let current: ImportGrades | undefined;

/** Makes a catalogue's grade phrases the ones the importer reads by (the entry points call it with `options.catalog`). */
export function useImportCatalog(catalog: Catalog): void {
  current = importGradesFor(catalog);
}

/** The grade phrases the importer reads by. Throws when no catalogue was given: a front end's bug, caught by the entry points. */
export function importGrades(): ImportGrades {
  if (!current) throw new Error('no judgement catalogue was given to the importer (ImportOptions.catalog)');
  return current;
}
