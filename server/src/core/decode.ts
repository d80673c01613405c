/**
 * Bytes to text, refusing what is not text: binary (a NUL byte) or not valid
 * UTF-8. A leading byte-order mark is dropped. Pure: io/files.ts reads the
 * bytes, the importer decodes what it was given.
 */
export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: string };

export function decodeText(buf: Uint8Array): ReadResult {
  if (buf.indexOf(0) >= 0) return { ok: false, reason: 'binary file (contains NUL bytes); not checked' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text; save it as UTF-8 and check again' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
