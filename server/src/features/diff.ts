import type { TextEdit } from '../core/types';

/** Lines with their line breaks kept, so that joining them gives the text back. */
function splitKeep(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Myers' O(ND) diff on lines, giving the changed line ranges. Gives up (undefined)
 * when the work would be large, so the caller can fall back to one edit.
 */
function myers(a: string[], b: string[], maxCost: number): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the frontier before step d, for k in [-d-1, d+1], at index k + d + 1.
  const trace: Int32Array[] = [];
  let cost = 0;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    cost += 2 * d + 3;
    if (cost > maxCost) return undefined;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number): Hunk[] {
  const steps: { ax: number; by: number; del: boolean }[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const vd = trace[d];
    const at = (k: number) => vd[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // down: b[prevY] is inserted before a[prevX]; right: a[prevX] is deleted.
    steps.push({ ax: prevX, by: prevY, del: !down });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  const hunks: Hunk[] = [];
  for (const s of steps) {
    const h = hunks[hunks.length - 1];
    const aEnd = s.del ? s.ax + 1 : s.ax;
    const bEnd = s.del ? s.by : s.by + 1;
    if (h && h.aEnd === s.ax && h.bEnd === s.by) {
      h.aEnd = aEnd;
      h.bEnd = bEnd;
    } else hunks.push({ aStart: s.ax, aEnd, bStart: s.by, bEnd });
  }
  return hunks;
}

/**
 * The edits that turn `before` into `after`, line by line, each trimmed to the
 * characters that change, so that applying a fix-all moves as little of the
 * document (and the cursor) as possible. Falls back to one edit over the changed
 * middle when the difference is large.
 */
export function textEdits(before: string, after: string, maxCost = 2_000_000): TextEdit[] {
  if (before === after) return [];
  const a = splitKeep(before);
  const b = splitKeep(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const hunks = myers(am, bm, maxCost) ?? [{ aStart: 0, aEnd: am.length, bStart: 0, bEnd: bm.length }];
  const aOffsets: number[] = [0];
  for (const l of a) aOffsets.push(aOffsets[aOffsets.length - 1] + l.length);
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    const start = aOffsets[pre + h.aStart];
    const end = aOffsets[pre + h.aEnd];
    const oldText = before.slice(start, end);
    const newText = bm.slice(h.bStart, h.bEnd).join('');
    edits.push(trim(start, oldText, newText));
  }
  return edits;
}

/** Drops the characters an edit's old and new text share at both ends. */
function trim(start: number, oldText: string, newText: string): TextEdit {
  let p = 0;
  while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
  let s = 0;
  while (s < oldText.length - p && s < newText.length - p && oldText[oldText.length - 1 - s] === newText[newText.length - 1 - s]) s++;
  // Keep surrogate pairs whole.
  if (p > 0 && isLowSurrogate(oldText.charCodeAt(p))) p--;
  if (s > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - s))) s--;
  return { start: start + p, end: start + oldText.length - s, newText: newText.slice(p, newText.length - s) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
