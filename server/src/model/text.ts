import type { LineIndex } from '../core/lineIndex';
import type { Span } from '../core/types';

/**
 * Rebuilds the offsets of an inline block's content. markdown-it gives the
 * content of lines [first, last) with each line's indentation and block markers
 * stripped; each content line is a substring of its source line, so we find it
 * there. Falls back to the first non-blank character; never throws.
 */
export function mapInline(lines: LineIndex, content: string, first: number, last: number): Int32Array {
  const offsets = new Int32Array(content.length + 1);
  const contentLines = content.split('\n');
  const stop = Math.min(Math.max(last, first + 1), lines.lineCount);
  let k = 0;
  let line = first;
  let lastOffset = lines.lineStart(first);
  for (let i = 0; i < contentLines.length; i++) {
    const cl = contentLines[i];
    let base = -1;
    let floor = 0;
    while (line < stop && base < 0) {
      // markdown-it reads NUL as U+FFFD (same length): compare with the source read the same way.
      const raw = lines.line(line);
      const src = raw.includes('\0') ? raw.replace(/\0/g, '\uFFFD') : raw;
      const start = lines.lineStart(line);
      line++;
      if (cl.length === 0) {
        base = start;
        break;
      }
      // Content is the end of its source line, less trailing blanks.
      const at = src.trimEnd().length - cl.trimEnd().length;
      floor = start;
      if (at >= 0 && src.startsWith(cl, at)) base = start + at;
      else {
        const found = src.indexOf(cl);
        // A tab that is partly indentation becomes spaces in the content: find the rest, and put those spaces on the tab.
        const lead = /^ */.exec(cl)![0].length;
        const rest = cl.slice(lead);
        const inRest = lead > 0 && rest ? src.lastIndexOf(rest) : -1;
        if (found >= 0) base = start + found;
        else if (inRest >= 0) base = start + inRest - lead;
        else if (src.trim().length > 0) base = start + (src.length - src.trimStart().length);
      }
    }
    if (base < 0) base = lastOffset;
    for (let j = 0; j < cl.length; j++) offsets[k++] = Math.min(Math.max(base + j, floor), lines.text.length);
    lastOffset = Math.min(base + cl.length, lines.text.length);
    if (i < contentLines.length - 1) offsets[k++] = lastOffset; // the '\n'
  }
  offsets[k] = lastOffset;
  return offsets;
}

/** Span in the document of [from, to) in an inline block's text. */
export function blockSpan(offsets: Int32Array, from: number, to: number): Span {
  const a = offsets[Math.max(0, Math.min(from, offsets.length - 1))];
  const endIdx = Math.max(0, Math.min(to, offsets.length - 1));
  // End at the character after the last one covered.
  const b = to > from ? offsets[Math.max(0, endIdx - 1)] + 1 : a;
  return { start: a, end: Math.max(a, b) };
}

/** Splits a table row's source line into cells, honouring '\|' escapes. */
export function splitTableRow(src: string, lineStart: number): { text: string; span: Span }[] {
  const cells: { text: string; span: Span }[] = [];
  let i = 0;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  if (src[i] === '|') i++;
  let cellStart = i;
  const push = (end: number) => {
    const raw = src.slice(cellStart, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, span: { start: lineStart + cellStart + lead, end: lineStart + cellStart + lead + text.length } });
  };
  for (; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] === '|') {
      push(i);
      cellStart = i + 1;
    }
  }
  if (src.slice(cellStart).trim().length > 0) push(src.length);
  return cells;
}

/** Recent results of `normalise` for short texts: the same names (the catalogue's, a report's headings) are compared again and again. */
const normalised = new Map<string, string>();

/** Lower case, straight apostrophes, single spaces, no trailing full stop or colon. */
export function normalise(s: string): string {
  if (s.length > 200) return normaliseText(s);
  let n = normalised.get(s);
  if (n === undefined) {
    if (normalised.size >= 4096) normalised.clear();
    n = normaliseText(s);
    normalised.set(s, n);
  }
  return n;
}

function normaliseText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\u200b\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:?]+$/, '')
    .trim()
    .toLowerCase();
}
