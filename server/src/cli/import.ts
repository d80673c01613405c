/**
 * `inspection-reports import <files...> --out <dir> [--force] [--set key=value]`
 * Turns published reports (PDF, or text extracted from them) into dialect
 * files at <out>/<authority-slug>/<yyyy-mm>-<kind>.md. A file that cannot be
 * imported is reported and skipped; the rest are still imported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importPdf, importText, type ImportResult } from '../import/index';
import { decodeText, describeError, writeNewFile } from '../io/files';
import type { Io } from './main';

export const IMPORT_USAGE = `Usage: inspection-reports import <file>... --out <folder> [options]

Imports published reports (PDF, or text extracted from one) as report dialect
files named <folder>/<authority>/<yyyy-mm>-<kind>.md.

Options:
  --out <folder>        where to write (required)
  --force               overwrite files that already exist
  --set <key>=<value>   fill or replace a front matter value in every imported file
                        (authority, inspection-dates, published, lead-inspector,
                        inspectors, inspection-type, visit-number, meeting, meeting-date)
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
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string): string | undefined => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) io.err(`inspection-reports: ${name} needs a value`);
      return v;
    };
    if (a === '--out' || a.startsWith('--out=')) {
      const v = value('--out');
      if (v === undefined) return undefined;
      out.out = path.resolve(io.cwd, v);
    } else if (a === '--force') out.force = true;
    else if (a === '--set' || a.startsWith('--set=')) {
      const v = value('--set');
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

/** Imports one file's bytes, choosing the reader by content (a .pdf name alone proves nothing). */
export async function importBytes(bytes: Uint8Array, name: string, overrides?: Record<string, string>): Promise<ImportResult> {
  const options = { sourceName: name, overrides };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (/\.pdf$/i.test(name) || head.includes('%PDF-')) return importPdf(bytes, options);
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const text = decodeText(bytes);
  if (!text.ok) return { ok: false, reason: `${text.reason.replace(/; not checked$/, '')}: neither a PDF nor text` };
  return importText(text.text, options);
}

/** Writes a new file atomically; refuses to replace one unless `force` (io/files.ts writeNewFile). */
export function writeOutput(file: string, text: string, force: boolean): void {
  writeNewFile(file, text, force);
}

/** Runs `import`; returns the exit code. Never throws for bad input. */
export async function runImport(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, io);
  if (!parsed) return 2;
  let failed = 0;
  let written = 0;
  const writtenBy = new Map<string, string>();
  for (const f of parsed.files) {
    const file = path.resolve(io.cwd, f);
    let bytes: Uint8Array;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: st.isDirectory() ? 'EISDIR' : undefined });
      bytes = fs.readFileSync(file);
    } catch (e) {
      io.err(`${f}: cannot import: ${describeError(e)}`);
      failed++;
      continue;
    }
    const r = await importBytes(bytes, path.basename(file), parsed.overrides);
    if (!r.ok) {
      io.err(`${f}: cannot import: ${r.reason}`);
      failed++;
      continue;
    }
    const target = path.join(parsed.out, r.relativePath);
    const shown = path.relative(io.cwd, target) || target;
    const earlier = writtenBy.get(target);
    if (earlier) {
      io.err(`${f}: cannot import: ${shown} was already written from ${earlier} in this run`);
      failed++;
      continue;
    }
    try {
      writeOutput(target, r.markdown, parsed.force);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`${f}: cannot import: ${code === 'EEXIST' ? `${shown} already exists (use --force to overwrite)` : describeError(e)}`);
      failed++;
      continue;
    }
    writtenBy.set(target, f);
    written++;
    io.out(`${f} -> ${shown} (${r.kind})`);
    for (const w of r.warnings) io.err(`${f}: warning: ${w}`);
  }
  io.out(`${written} imported, ${failed} could not be imported`);
  return failed > 0 ? 1 : 0;
}
