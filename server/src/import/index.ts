/**
 * The importer's entry points. `importText` is pure and synchronous; PDFs
 * go through `./pdf` (the only module that touches a PDF library).
 */
import { buildReport } from './build';
import { layoutToParas } from './layout';
import { readPdf } from './pdf';
import { textToParas } from './plainText';
import type { ImportOptions, ImportResult } from './types';

export type { ImportOptions, ImportResult } from './types';

/** Imports text extracted from a published report. Never throws. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  try {
    if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
    return buildReport(textToParas(text), options);
  } catch (e) {
    return { ok: false, reason: `the importer failed on this file: ${(e as Error).message}` };
  }
}

/** Imports a published PDF. Never throws; bad input gives `{ ok: false, reason }`. */
export async function importPdf(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const read = await readPdf(bytes);
    if (!read.ok) return { ok: false, reason: read.reason };
    const paras = layoutToParas(read.pages);
    if (paras.length === 0) return { ok: false, reason: 'the PDF has no text (a scanned image?)' };
    return buildReport(paras, { ...options, metadataDate: options.metadataDate ?? read.metadataDate });
  } catch (e) {
    return { ok: false, reason: `the importer failed on this file: ${(e as Error).message}` };
  }
}
