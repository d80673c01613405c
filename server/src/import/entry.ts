/**
 * The importer's entry points for one document (index.ts re-exports them). `importText` is pure and synchronous; PDFs
 * go through `./pdf` (the only module that touches a PDF library).
 */
import { decodeText } from '../core/decode';
import { buildReport } from './build';
import { layoutToParas } from './layout';
import { importDocx, isWordFile } from './docx/index';
import { readPdf } from './pdf';
import { textToParas } from './plainText';
import { NO_CATALOG } from './grades';
import type { ImportOptions, ImportResult } from './types';


/** Imports text extracted from a published report. Never throws. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  try {
    const { catalog } = options;
    if (!catalog) return { ok: false, reason: NO_CATALOG };
    if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
    return buildReport(textToParas(text, catalog), catalog, options);
  } catch (e) {
    return { ok: false, reason: `the importer failed on this file: ${(e as Error).message}` };
  }
}

/** Imports a published PDF. Never throws; bad input gives `{ ok: false, reason }`. */
export async function importPdf(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const { catalog } = options;
    if (!catalog) return { ok: false, reason: NO_CATALOG };
    const read = await readPdf(bytes);
    if (!read.ok) return { ok: false, reason: read.reason };
    const paras = layoutToParas(read.pages, catalog);
    if (paras.length === 0) return { ok: false, reason: 'the PDF has no text (a scanned image?)' };
    return buildReport(paras, catalog, { ...options, metadataDate: options.metadataDate ?? read.metadataDate });
  } catch (e) {
    return { ok: false, reason: `the importer failed on this file: ${(e as Error).message}` };
  }
}

/** Imports one file's bytes, choosing the reader by content (a .pdf name alone proves nothing). Never throws. */
export async function importBytes(bytes: Uint8Array, name: string, options: Omit<ImportOptions, 'sourceName'> = {}): Promise<ImportResult> {
  const opts = { ...options, sourceName: name };
  let head = '';
  for (let k = 0; k < Math.min(bytes.length, 1024); k++) head += String.fromCharCode(bytes[k]);
  if (/\.pdf$/i.test(name) || head.includes('%PDF-')) return importPdf(bytes, opts);
  if (isWordFile(name, bytes)) return importDocx(bytes, opts);
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const text = decodeText(bytes);
  if (!text.ok) return { ok: false, reason: `${text.reason.replace(/; not checked$/, '')}: neither a PDF nor text` };
  return importText(text.text, opts);
}
