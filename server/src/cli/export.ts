/**
 * `inspection-reports export <report.md> --to docx [--out file] [--force] [--allow-errors]`
 * Checks the report with the same pipeline as `check`, refuses it if it has
 * errors (listing them) unless --allow-errors, and writes a Word document laid
 * out like a published report (docs/word.md). Never replaces a file without --force.
 */
import * as path from 'path';
import { SettingsFinder } from '../config/find';
import { exportDocx } from '../export/index';
import { loadBuiltinData } from '../io/builtinData';
import { describeError, nodeSettingsFiles, readTextFile, writeNewFile } from '../io/files';
import { formatText } from './format';
import { ArgReader } from './args';
import type { Io } from './main';

export const EXPORT_USAGE = `Usage: inspection-reports export <report.md> --to docx [options]

Writes the report as a Word document laid out like a published report: title,
dates, the judgement table as a table, headings, numbered paragraphs with their
printed numbers, bullets, page numbers. The report is checked first, as 'check'
does; a report with errors is not exported unless --allow-errors.

Options:
  --to docx           the format to write (docx is the only one)
  --out <file>        where to write (default: the report's name with .docx, beside it)
  --force             replace the output file if it already exists
  --allow-errors      export even though the check finds errors (they are listed)
  --config <file>     use this settings file instead of the nearest .inspection-reports.yaml
  -h, --help          show this help

Exit codes: 0 written, 1 not written (errors in the report, or the file exists or cannot be written), 2 usage error or the report cannot be read.`;

interface ExportArgs {
  file: string;
  to: string;
  out?: string;
  force: boolean;
  allowErrors: boolean;
  config?: string;
}

function parseArgs(args: string[], io: Io): ExportArgs | undefined {
  const files: string[] = [];
  const out: Omit<ExportArgs, 'file'> = { to: '', force: false, allowErrors: false };
  const r = new ArgReader(args, io);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (r.is('--to')) {
      const v = r.value('--to');
      if (v === undefined) return undefined;
      out.to = v.toLowerCase();
    } else if (r.is('--out', '-o')) {
      const v = r.value('--out');
      if (v === undefined) return undefined;
      out.out = path.resolve(io.cwd, v);
    } else if (r.is('--config')) {
      const v = r.value('--config');
      if (v === undefined) return undefined;
      out.config = path.resolve(io.cwd, v);
    } else if (a === '--force') out.force = true;
    else if (a === '--allow-errors') out.allowErrors = true;
    else if (a.startsWith('-') && a !== '-') {
      io.err(`inspection-reports: unknown option '${a}'\n\n${EXPORT_USAGE}`);
      return undefined;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(`inspection-reports: export needs exactly one report${files.length ? ` (got ${files.length})` : ''}\n\n${EXPORT_USAGE}`);
    return undefined;
  }
  if (!out.to) {
    io.err(`inspection-reports: export needs --to docx\n\n${EXPORT_USAGE}`);
    return undefined;
  }
  if (out.to !== 'docx') {
    io.err(`inspection-reports: cannot export to '${out.to}': docx is the only format`);
    return undefined;
  }
  return { file: path.resolve(io.cwd, files[0]), ...out };
}

/** The default output: the report's path with .docx for .md. */
export function defaultDocxPath(file: string): string {
  return file.replace(/\.(md|markdown)$/i, '') + '.docx';
}

/** Runs `export`; returns the exit code. Never throws for bad input. */
export async function runExport(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, io);
  if (!parsed) return 2;
  const shown = (f: string) => {
    const r = path.relative(io.cwd, f);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : f;
  };
  const data = loadBuiltinData();
  const settings = new SettingsFinder(data, nodeSettingsFiles, parsed.config).forDocument(parsed.file);
  for (const p of settings.problems) io.err(`${shown(p.source)}: settings problem: ${p.message} (defaults used)`);
  const read = readTextFile(parsed.file, settings.config.maxFileSize);
  if (!read.ok) {
    io.err(`${shown(parsed.file)}: cannot export: ${read.reason}`);
    return 2;
  }
  const target = parsed.out ?? defaultDocxPath(parsed.file);
  if (path.resolve(target) === path.resolve(parsed.file)) {
    io.err(`${shown(parsed.file)}: cannot export: the output would replace the report itself; give --out <file>.docx`);
    return 2;
  }
  const result = await exportDocx(read.text, parsed.file, { data, profiles: settings.profiles, config: settings.config, allowErrors: parsed.allowErrors });
  if (result.errors.length > 0) io.err(formatText([{ file: shown(parsed.file), diagnostics: result.errors }]));
  if (!result.ok) {
    io.err(`${shown(parsed.file)}: not exported: ${result.reason}`);
    return result.model.isReport ? 1 : 2;
  }
  try {
    writeNewFile(target, result.bytes, parsed.force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST'
      ? `${shown(target)}: already exists; not replaced (use --force to replace it)`
      : `${shown(target)}: cannot write: ${describeError(e)}`);
    return 1;
  }
  const note = result.errors.length > 0 ? ` despite ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (--allow-errors)` : '';
  io.out(`${shown(parsed.file)} -> ${shown(target)}${note}`);
  return 0;
}
