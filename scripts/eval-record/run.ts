/**
 * Imports published reports in process and checks each with the pipeline the
 * CLI's `check` uses on a folder with no settings file (built-in profiles,
 * default settings, every rule). Shared by `npm run eval:record` and the test
 * that keeps test/fixtures/record-genuine.yaml honest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { importBytes } from '../../server/src/import/index';
import { defaultConfig } from '../../server/src/config/config';
import type { Severity } from '../../server/src/core/types';
import type { ImportKind } from '../../server/src/import/types';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { data } from '../../test/helpers/data';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'ilacs');

/** The groups the record is counted in. */
export type RecordKind = 'ilacs' | 'sif' | 'letter';
export const KIND_LABELS: Record<RecordKind, string> = {
  ilacs: 'ILACS (2018 to 2026)',
  sif: 'SIF (2013 to 2017)',
  letter: 'letters and other kinds',
};

export function recordKind(kind: ImportKind): RecordKind {
  if (kind === 'ilacs' || kind === 'sif') return kind;
  return 'letter';
}

export interface RecordDiagnostic {
  /** The published report's file name (the PDF). */
  file: string;
  /** 1-based line in the imported Markdown. */
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface RecordReport {
  file: string;
  kind: RecordKind;
  /** The imported kind (ilacs, sif, focused-visit, ...). */
  imported: ImportKind;
  markdown: string;
  diagnostics: RecordDiagnostic[];
}

export interface RecordRun {
  reports: RecordReport[];
  /** Files the importer refused, with its reason. */
  failures: { file: string; reason: string }[];
}

/** The corpus's PDFs, by name; empty when ../shared is absent. */
export function corpusPdfs(corpus = CORPUS): string[] {
  if (!fs.existsSync(corpus)) return [];
  return fs.readdirSync(corpus).filter((f) => /\.pdf$/i.test(f)).sort();
}

/** Imports and checks the named PDFs of the corpus, one after another. */
export async function importAndCheck(files: string[], corpus = CORPUS, onProgress?: (done: number) => void): Promise<RecordRun> {
  const profiles = builtinProfiles();
  const config = defaultConfig();
  const run: RecordRun = { reports: [], failures: [] };
  let done = 0;
  for (const file of files) {
    const r = await importBytes(fs.readFileSync(path.join(corpus, file)), file, { catalog: profiles.catalog });
    onProgress?.(++done);
    if (!r.ok) {
      run.failures.push({ file, reason: r.reason });
      continue;
    }
    const checked = checkText(r.markdown, file, { data, profiles, config });
    run.reports.push({
      file,
      kind: recordKind(r.kind),
      imported: r.kind,
      markdown: r.markdown,
      diagnostics: checked.diagnostics.map((d) => ({
        file, line: d.range.start.line + 1, column: d.range.start.character + 1,
        ruleId: d.ruleId, severity: d.severity, message: d.message,
      })),
    });
  }
  return run;
}
