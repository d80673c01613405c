import * as path from 'path';
import { modelToDocx } from '../export/index';
import { describeError, writeNewFile } from '../io/files';
import type { ExportCommandResult } from './protocol';
import type { Session } from './session';

/**
 * "Export to Word": the open document as the editor has it (saved or not),
 * refused when it has errors (the Problems panel's, so the same check as
 * `check` plus the history's) unless `allowErrors`. `force` replaces an
 * existing file: the editor asks first, in its save dialog.
 */
export async function exportCommand(session: Session, uri: unknown, out: unknown, options: unknown): Promise<ExportCommandResult> {
  const none = (message: string): ExportCommandResult => ({ ok: false, errors: [], errorCount: 0, message });
  if (typeof uri !== 'string' || typeof out !== 'string' || !out) return none('Give a report and a file to write.');
  const opts = (options ?? {}) as { allowErrors?: unknown; force?: unknown };
  const a = await session.analyse(uri);
  if (!a) return none('That document is not open.');
  if (!a.model.isReport) return none('This file is not a report: its front matter has no `report:` key.');
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  const listed = errors.slice(0, 50).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId} ${d.message}`);
  const plural = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  if (errors.length > 0 && opts.allowErrors !== true) {
    return { ok: false, refused: true, errors: listed, errorCount: errors.length, message: `Not exported: the report has ${plural}.` };
  }
  try {
    writeNewFile(out, await modelToDocx(a.model), opts.force === true);
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    return { ok: false, errors: listed, errorCount: errors.length, message: exists ? `${path.basename(out)} already exists; not replaced.` : `Could not write ${out}: ${describeError(e)}` };
  }
  return { ok: true, file: out, errors: listed, errorCount: errors.length, message: `Exported to ${path.basename(out)}${errors.length ? ` despite ${plural}` : ''}.` };
}
