/**
 * SIF reports (2013 to 2017) print each graded section heading in a larger
 * font with its grade in a box to the right, level with the middle line of a
 * heading wrapped over two or three lines. Read line by line, the grade lands
 * inside the heading ("... need help and Inadequate protection"). This pass
 * takes the grade out of the heading's lines and puts it at the end of the
 * heading, after a colon, as the dialect writes a graded heading.
 * Pure: works on the layout's lines, before they are gathered into blocks.
 */
import { GRADES } from './patterns';
import type { PdfItem } from './pdf';

/** The part of a layout line this pass reads and changes. */
export interface HeadingLine {
  page: number;
  y: number;
  size: number;
  text: string;
  items: PdfItem[];
}

const GRADE_ONLY = new RegExp(`^(?:${GRADES.join('|')})$`, 'i');
/** The header row over a judgement heading in 2014 reports. */
const KEY_HEADER = /^Key judgement\s+Judgement grade$/i;
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

/** Splits a line into its text and a grade printed well to its right, if there is one. */
function splitGrade(line: HeadingLine): { left: PdfItem[]; grade: string } | undefined {
  const items = line.items.filter((it) => it.str.trim());
  for (let k = 1; k < items.length; k++) {
    const leftEnd = Math.max(...items.slice(0, k).map((it) => it.x + it.w));
    if (items[k].x - leftEnd < MIN_GAP) continue;
    const grade = textOf(items.slice(k));
    if (GRADE_ONLY.test(grade)) return { left: items.slice(0, k), grade };
  }
  return undefined;
}

/** The heading-size lines next to line `k`, one line step apart: the heading it is part of. */
function run(lines: HeadingLine[], k: number, isHeading: (l: HeadingLine) => boolean): { first: number; last: number } {
  const l = lines[k];
  const near = (a: HeadingLine, b: HeadingLine) =>
    a.page === b.page && isHeading(b) && Math.abs(a.size - b.size) < 0.6 && Math.abs(a.y - b.y) <= l.size * 1.6 && !KEY_HEADER.test(b.text);
  let first = k;
  let last = k;
  while (first > 0 && near(lines[first], lines[first - 1])) first--;
  while (last + 1 < lines.length && near(lines[last], lines[last + 1])) last++;
  return { first, last };
}

/**
 * Rebuilds graded headings: for a heading-size line (bigger than the body
 * text) with a grade in the right-hand box, or a line that is only that grade
 * printed well to the right of the heading beside it, the grade leaves the
 * line and is added, after a colon, to the last line of the heading it
 * belongs to (the run of heading-size lines around it, one line step apart).
 * Returns the lines, without those left empty.
 */
export function rebuildGradedHeadings<L extends HeadingLine>(lines: L[], body: number): L[] {
  // 2014 reports print the judgement in body size under a "Key judgement | Judgement grade" header row.
  const keyed = new Set<HeadingLine>();
  const drop = new Set<number>();
  lines.forEach((l, k) => {
    if (!KEY_HEADER.test(l.text)) return;
    drop.add(k);
    for (let n = k + 1; n < lines.length && lines[n].page === l.page && lines[n - 1].y - lines[n].y <= l.size * 1.6 + (n === k + 1 ? l.size : 0); n++) {
      keyed.add(lines[n]);
    }
  });
  const isHeading = (l: HeadingLine) => l.size >= body * 1.12 || keyed.has(l);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (!isHeading(l)) continue;
    let grade: string | undefined;
    const split = splitGrade(l);
    const { first, last } = run(lines, k, isHeading);
    if (split) {
      grade = split.grade;
      l.items = split.left;
      l.text = textOf(split.left);
    } else if (GRADE_ONLY.test(l.text) && first < last) {
      // A grade alone on its line, right of the heading's lines above and below it.
      const others = lines.slice(first, last + 1).filter((o) => o !== l);
      const leftX = Math.min(...others.map((o) => o.items[0]?.x ?? Infinity));
      if (l.items[0].x - leftX < 150) continue;
      grade = l.text;
      drop.add(k);
    }
    if (!grade) continue;
    let end = last;
    while (drop.has(end) && end > first) end--;
    lines[end].text = `${lines[end].text.replace(/[\s:]+$/, '')}: ${grade}`;
  }
  return lines.filter((_, k) => !drop.has(k));
}
