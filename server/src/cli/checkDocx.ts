/**
 * `inspection-reports check draft.docx`: a Word draft is imported in memory
 * (nothing is written) and the Markdown it imports to is checked. A .docx
 * has no lines, so each problem's place is given as the Word paragraph it
 * came from: `paragraph 14 ("The delays in ...")`.
 */
import * as fs from 'fs';
import { describeLine, importDocx, type DocxDetails } from '../import/docx/index';
import { describeError } from '../io/files';
import { builtinProfiles } from '../io/builtinData';
import { isWordPath } from './wordPath';

export type WordDraft =
  | { ok: true; text: string; details: DocxDetails }
  | { ok: false; reason: string };

export { isWordPath } from './wordPath';

/** Largest Word file `check` reads (the file itself; its parts have their own limits). */
const MAX_DOCX_BYTES = 100 * 1024 * 1024;

/** Imports each Word draft among `files` (absolute paths) in memory. */
export async function loadWordDrafts(files: string[]): Promise<Map<string, WordDraft>> {
  const out = new Map<string, WordDraft>();
  for (const file of files) {
    if (!isWordPath(file) || out.has(file)) continue;
    let bytes: Uint8Array;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) { out.set(file, { ok: false, reason: 'not a regular file' }); continue; }
      if (st.size > MAX_DOCX_BYTES) { out.set(file, { ok: false, reason: `the Word file is over ${MAX_DOCX_BYTES / 1024 / 1024} MB; not checked` }); continue; }
      bytes = fs.readFileSync(file);
    } catch (e) {
      out.set(file, { ok: false, reason: describeError(e) });
      continue;
    }
    const r = await importDocx(bytes, { sourceName: file.split(/[\\/]/).pop(), catalog: builtinProfiles().catalog });
    out.set(file, r.ok ? { ok: true, text: r.markdown, details: r.docx } : { ok: false, reason: `cannot import the Word document: ${r.reason}` });
  }
  return out;
}

/** The place of a 0-based line of the imported Markdown, as a message gives it. */
export function wordPlace(details: DocxDetails): (line: number) => { text: string; paragraph?: number; quote?: string } {
  return (line) => describeLine(details, line);
}
