import type { TextEdit } from './types';

/**
 * Applies non-overlapping edits to a text. Overlapping edits (two fixes that
 * touch the same characters) keep the first by start offset and drop the rest;
 * the dropped ones are returned so a caller can re-check and try again.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) {
      skipped.push(e);
      continue;
    }
    if (e.start < lastEnd || (e.start === lastEnd && e.start === e.end && kept.length > 0 && kept[kept.length - 1].start === e.start)) {
      skipped.push(e);
      continue;
    }
    kept.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of kept) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, skipped };
}
