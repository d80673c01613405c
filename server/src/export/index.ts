/**
 * Export a report as a Word document (docs/word.md, "Word out"): check it with
 * the same pipeline as `check`, refuse it if it has errors (unless allowed),
 * lay it out from the report model and write the .docx bytes. Pure: the
 * caller (cli/export.ts, lsp/exportCommand.ts) writes the file.
 */
import { checkText, type CheckOptions } from '../check';
import type { Diagnostic } from '../core/types';
import type { ReportModel } from '../model/types';
import { buildDocx } from './docx';
import { layoutReport } from './layout';

export { FRONT_MATTER_PROPERTY, KIND_PROPERTY } from './docx';
export { layoutReport, type Block, type PrintedReport, type Run } from './layout';

export type ExportResult =
  | { ok: true; bytes: Uint8Array; model: ReportModel; errors: Diagnostic[]; warnings: number }
  | { ok: false; reason: string; model: ReportModel; errors: Diagnostic[] };

export interface ExportOptions extends CheckOptions {
  /** Export even when the check finds errors (they are still returned). */
  allowErrors?: boolean;
}

export async function exportDocx(text: string, uri: string, options: ExportOptions): Promise<ExportResult> {
  const { model, diagnostics } = checkText(text, uri, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model.isReport) return { ok: false, reason: 'not a report: its front matter has no `report:` key', model, errors };
  if (errors.length > 0 && !options.allowErrors) {
    return { ok: false, reason: `the report has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} or export anyway with --allow-errors`, model, errors };
  }
  const bytes = await modelToDocx(model);
  return { ok: true, bytes, model, errors, warnings: diagnostics.length - errors.length };
}

/** The Word document for a parsed report, without checking it. */
export function modelToDocx(model: ReportModel): Promise<Uint8Array> {
  const fm = model.frontMatter;
  return buildDocx({
    printed: layoutReport(model),
    frontMatter: fm ? model.text.slice(fm.contentSpan.start, fm.contentSpan.end) : undefined,
    kindLabel: model.profile?.label,
  });
}
