/**
 * `inspection-reports import <files...> --out <dir> [--force] [--set key=value]`
 * Turns published reports (PDF, or text extracted from them) into dialect
 * files at <out>/<authority-slug>/<yyyy-mm>-<kind>.md. A file that cannot be
 * imported is reported and skipped; the rest are still imported.
 */
import * as path from 'path';
import { describeResult, importFiles } from '../import/index';
import { builtinAuthorities, nodeImportFs } from '../io/importFs';
import { builtinProfiles } from '../io/builtinData';
import { ArgReader } from './args';
import type { Io } from './main';

export const IMPORT_USAGE = `Usage: inspection-reports import <file>... --out <folder> [options]

Imports published reports (PDF, or text extracted from one) and Word drafts
(.docx) as report dialect
files named <folder>/<authority>/<yyyy-mm>-<kind>.md.

Paths are printed relative to the current folder (absolute when outside it).

Options:
  --out <folder>        where to write (required)
  --force               overwrite files that already exist
  --set <key>=<value>   fill or replace a front matter value in every imported file
                        (authority, inspection-dates, published, lead-inspector,
                        inspectors, inspection-type, visit-number, meeting, meeting-date)
                        or the title (--set title='Inspection of ...')
  -h, --help            show this help

Exit codes: 0 all imported, 1 some files could not be imported, 2 usage error.`;

interface ImportArgs {
  files: string[];
  out: string;
  force: boolean;
  overrides: Record<string, string>;
}

function parseArgs(args: string[], io: Io): ImportArgs | undefined {
  const out: ImportArgs = { files: [], out: '', force: false, overrides: {} };
  const r = new ArgReader(args, io);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (r.is('--out')) {
      const v = r.value('--out');
      if (v === undefined) return undefined;
      out.out = path.resolve(io.cwd, v);
    } else if (a === '--force') out.force = true;
    else if (r.is('--set')) {
      const v = r.value('--set');
      if (v === undefined) return undefined;
      const eq = v.indexOf('=');
      if (eq <= 0) {
        io.err(`inspection-reports: --set needs key=value, not '${v}'`);
        return undefined;
      }
      out.overrides[v.slice(0, eq).trim()] = v.slice(eq + 1);
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`inspection-reports: unknown option '${a}'\n\n${IMPORT_USAGE}`);
      return undefined;
    } else out.files.push(a);
  }
  if (!out.out) {
    io.err(`inspection-reports: import needs --out <folder>\n\n${IMPORT_USAGE}`);
    return undefined;
  }
  if (out.files.length === 0) {
    io.err(`inspection-reports: import needs at least one file\n\n${IMPORT_USAGE}`);
    return undefined;
  }
  return out;
}

/** Runs `import`; returns the exit code. Never throws for bad input. */
export async function runImport(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, io);
  if (!parsed) return 2;
  const summary = await importFiles(parsed.files, { out: parsed.out, cwd: io.cwd, force: parsed.force, overrides: parsed.overrides, authorities: builtinAuthorities(), catalog: builtinProfiles().catalog }, nodeImportFs);
  for (const r of summary.results) {
    const lines = describeResult(r, io.cwd);
    for (const l of lines.out) io.out(l);
    for (const l of lines.err) io.err(l);
  }
  io.out(`${summary.imported} imported, ${summary.failed} could not be imported`);
  return summary.failed > 0 ? 1 : 0;
}
