/**
 * SIF reports (2013 to 2017) print each graded section heading in a larger
 * font with its grade in a box to the right, level with the middle line of a
 * heading wrapped over two or three lines. Read line by line, the grade lands
 * inside the heading ("... need help and Inadequate protection"). This pass
 * takes the grade out of the heading's lines and puts it at the end of the
 * heading, after a colon, as the dialect writes a graded heading.
 * Pure: works on the layout's lines, before they are gathered into blocks.
 */
import { importGrades } from './grades';
import { JUDGEMENT_START } from './patterns';
import type { PdfItem } from './pdf';

/** The part of a layout line this pass reads and changes. */
export interface HeadingLine {
  page: number;
  y: number;
  size: number;
  text: string;
  items: PdfItem[];
}

/** The header row over a judgement heading in 2014 reports. */
const KEY_HEADER = /^Key judgements?\s+(?:Judgement|Inspection) grade$/i;
/** The right-hand box: this far right of the heading's text, at least. */
const MIN_GAP = 24;

/** "SIF" title page: the single inspection framework's title, on the first page. */
export function isSifLayout(lines: HeadingLine[]): boolean {
  const first = lines.filter((l) => l.page === 1).map((l) => l.text).join(' ');
  return /Inspection of services for children in need of help and\s+protection, children looked after/i.test(first);
}

function textOf(items: PdfItem[]): string {
  let s = '';
  let end = -Infinity;
  for (const it of items) {
    if (s && !/\s$/.test(s) && !/^\s/.test(it.str) && it.x - end > it.size * 0.18) s += ' ';
    s += it.str;
    end = it.x + it.w;
  }
  return s.replace(/\s+/g, ' ').trim();
}

const GRADE_WORDS = /^(?:requires|improvement|to|be|good|outstanding|inadequate)(?:\s+(?:requires|improvement|to|be|good|outstanding|inadequate))*$/i;

/**
 * The grade part of a heading line: the items after a gap of at least
 * MIN_GAP, or the whole line when it starts at `boxX` or further right, when
 * they are grade words only. Undefined when the line has none.
 */
function gradePart(line: HeadingLine, boxX: number): { left: PdfItem[]; right: string } | undefined {
  const items = line.items.filter((it) => it.str.trim());
  if (items.length === 0) return undefined;
  if (items[0].x >= boxX && GRADE_WORDS.test(textOf(items))) return { left: [], right: textOf(items) };
  for (let k = 1; k < items.length; k++) {
    const leftEnd = Math.max(...items.slice(0, k).map((it) => it.x + it.w));
    if (items[k].x - leftEnd < MIN_GAP) continue;
    const right = textOf(items.slice(k));
    if (GRADE_WORDS.test(right)) return { left: items.slice(0, k), right };
  }
  return undefined;
}

/** Runs of heading lines: consecutive, on one page, the same size, a line step apart. */
function runs(lines: HeadingLine[], isHeading: (l: HeadingLine) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!isHeading(lines[k])) continue;
    let last = k;
    while (last + 1 < lines.length) {
      const a = lines[last];
      const b = lines[last + 1];
      if (!(b.page === a.page && isHeading(b) && Math.abs(a.size - b.size) < 0.6 && a.y - b.y <= a.size * 1.6 && !KEY_HEADER.test(b.text))) break;
      last++;
    }
    out.push([k, last]);
    k = last;
  }
  return out;
}

/**
 * Rebuilds graded headings. In each heading (a run of lines bigger than the
 * body text, or under a "Key judgement | Judgement grade" row), the grade
 * words printed well to the right of the heading's text, on any of its lines
 * ("Requires improvement" / "to be good" beside a three-line heading), leave
 * their lines and are added, after a colon, to the heading's last line. A
 * "Key judgement" box that repeats the section heading just above it gives
 * that heading its grade and is dropped. Returns the lines, without those
 * left empty.
 */
export function rebuildGradedHeadings<L extends HeadingLine>(lines: L[], body: number): L[] {
  const keyed = new Set<HeadingLine>();
  const drop = new Set<number>();
  const above = new Map<HeadingLine, number>();
  lines.forEach((l, k) => {
    if (!KEY_HEADER.test(l.text)) return;
    drop.add(k);
    let n = k + 1;
    for (; n < lines.length && lines[n].page === l.page && lines[n - 1].y - lines[n].y <= l.size * (n === k + 1 ? 3.2 : 1.6); n++) keyed.add(lines[n]);
    const prev = lines[k - 1];
    if (prev && prev.page === l.page && prev.y - l.y <= prev.size * 3) above.set(lines[k + 1], k - 1);
  });
  const isHeading = (l: HeadingLine) => l.size >= body * 1.12 || keyed.has(l);
  // Body-size headings too, when they are a judgement's name (bold in print) with the grade beside them.
  const judgementRuns = runs(lines, (l) => !isHeading(l)).flatMap(([a, b]) => judgementHeads(lines, a, b));
  for (const [first, last] of [...runs(lines, isHeading), ...judgementRuns]) {
    const leftX = Math.min(...lines.slice(first, last + 1).map((l) => l.items.find((it) => it.str.trim())?.x ?? Infinity));
    const parts: { k: number; left: PdfItem[]; right: string }[] = [];
    for (let k = first; k <= last; k++) {
      const g = gradePart(lines[k], leftX + 150);
      if (g) parts.push({ k, ...g });
    }
    const grade = parts.map((p) => p.right).join(' ');
    if (parts.length === 0 || !importGrades().only.test(grade)) continue;
    for (const p of parts) {
      lines[p.k].items = p.left;
      lines[p.k].text = textOf(p.left);
      if (!lines[p.k].text) drop.add(p.k);
    }
    let end = last;
    while (drop.has(end) && end > first) end--;
    // A box repeating the heading above it: the grade goes to that heading.
    const target = above.get(lines[first]);
    const name = lines.slice(first, last + 1).map((l) => l.text).filter(Boolean).join(' ');
    if (target !== undefined && norm(lines[target].text) === norm(name)) {
      for (let k = first; k <= last; k++) drop.add(k);
      end = target;
    }
    lines[end].text = `${lines[end].text.replace(/[\s:]+$/, '')}: ${grade.replace(/\s+/g, ' ')}`;
  }
  return lines.filter((_, k) => !drop.has(k));
}

/** Within a run of body lines, the lines of a judgement's name printed with a grade to their right. */
function judgementHeads(lines: HeadingLine[], a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = a; k <= b; k++) {
    const l = lines[k];
    if (k > a && !/[.:;]$/.test(lines[k - 1].text)) continue; // starts a block
    if (!JUDGEMENT_START.test(l.text) || /^\d/.test(l.text)) continue;
    // The name runs on over at most three lines; one of them has the grade beside it.
    const end = Math.min(b, k + 2);
    const x = l.items.find((it) => it.str.trim())?.x ?? 0;
    for (let n = k; n <= end; n++) {
      if (gradePart(lines[n], x + 150)) {
        out.push([k, Math.min(end, lastNameLine(lines, k, end))]);
        break;
      }
    }
  }
  return out;
}

/** The last line of a name that starts at `k`: it stops before a line that ends in a full stop. */
function lastNameLine(lines: HeadingLine[], k: number, end: number): number {
  for (let n = k; n <= end; n++) if (/[.]$/.test(lines[n].text)) return Math.max(k, n - 1);
  return end;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

