import * as path from 'path';
import { runImport } from '../cli/import';
import type { ImportCommandResult } from './protocol';

/**
 * Imports published reports into dialect files for the editor's "Import
 * published report…" command: the same importer as `inspection-reports import`,
 * writing only where the user chose, never over an existing file.
 */
export async function importCommand(files: unknown, out: unknown): Promise<ImportCommandResult> {
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string') || typeof out !== 'string' || !out) {
    return { ok: false, code: 2, imported: [], messages: [], message: 'Choose one or more files to import and a folder to write to.' };
  }
  const lines: string[] = [];
  const sink = (s: string) => lines.push(...s.split('\n').filter(Boolean));
  const code = await runImport([...files, '--out', out], { out: sink, err: sink, cwd: out });
  const imported = lines.filter((l) => l.includes(' -> ')).map((l) => l.slice(l.indexOf(' -> ') + 4).replace(/ \([a-z-]+\)$/, '')).map((rel) => path.resolve(out, rel));
  const summary = lines.find((l) => /imported, \d+ could not be imported/.test(l)) ?? `${imported.length} imported`;
  return { ok: code === 0, code, imported, messages: lines, message: summary };
}
