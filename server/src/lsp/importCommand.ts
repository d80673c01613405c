import * as path from 'path';
import { describeResult, importFiles } from '../import/index';
import { builtinAuthorities, nodeImportFs } from '../io/importFs';
import { builtinProfiles } from '../io/builtinData';
import type { ImportCommandResult } from './protocol';

/**
 * Imports published reports into dialect files for the editor's "Import
 * published report…" command: the importer's own API (as the CLI uses it),
 * writing only where the user chose, never over an existing file. Paths in
 * the messages are relative to `base` (the workspace folder) when inside it.
 */
export async function importCommand(files: unknown, out: unknown, base?: string): Promise<ImportCommandResult> {
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string') || typeof out !== 'string' || !out) {
    return { ok: false, code: 2, imported: [], messages: [], message: 'Choose one or more files to import and a folder to write to.' };
  }
  const shownFrom = base ?? path.dirname(path.resolve(out));
  const summary = await importFiles(files, { out, cwd: shownFrom, authorities: builtinAuthorities(), catalog: builtinProfiles().catalog }, nodeImportFs);
  const messages = summary.results.flatMap((r) => {
    const d = describeResult(r, shownFrom);
    return [...d.out, ...d.err];
  });
  const code = summary.failed > 0 ? 1 : 0;
  return {
    ok: code === 0,
    code,
    imported: summary.results.flatMap((r) => (r.output ? [r.output] : [])),
    messages,
    message: `${summary.imported} imported, ${summary.failed} could not be imported`,
  };
}
