/**
 * SIF reports (2013 to 2017) print each graded section heading in a larger
 * font with its grade in a box to the right, level with the middle line of a
 * heading wrapped over two or three lines. Read line by line, the grade lands
 * inside the heading ("... need help and Inadequate protection"). This pass
 * takes the grade out of the heading's lines and puts it at the end of the
 * heading, after a colon, as the dialect writes a graded heading.
 * Pure: works on the layout's lines, before they are gathered into blocks.
 */
import type { Catalog } from '../profiles/types';
import { frameworkGradeAlternation, importGradesFor } from './grades';
import { importNamesFor } from './names';
import type { PdfItem } from './pdf';

/** The part of a layout line this pass reads and changes. */
export interface HeadingLine {
  page: number;
  y: number;
  size: number;
  text: string;
  items: PdfItem[];
  /** A heading rebuilt here, joined into one line: a block of its own. */
  rebuilt?: boolean;
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

interface GradePart {
  left: PdfItem[];
  right: string;
  /** Where the grade's column starts. */
  x: number;
}

/**
 * The grade part of a heading line, when it is grade words only: the items
 * after a gap of at least MIN_GAP; after a narrower gap when they start in
 * the grade's column (`colX`: the "Judgement grade" header's, or another line
 * of the same heading's) or far to the right of the name (a narrow box); or
 * the whole line when it starts at `boxX` (or the column) or further right.
 * Undefined when the line has none.
 */
function gradePart(line: HeadingLine, catalog: Catalog, boxX: number, colX?: number): GradePart | undefined {
  const gradeWords = importGradesFor(catalog).wordsOnly;
  const items = line.items.filter((it) => it.str.trim());
  if (items.length === 0) return undefined;
  const whole = Math.min(boxX, colX === undefined ? Infinity : colX - 6);
  if (items[0].x >= whole && gradeWords.test(textOf(items))) return { left: [], right: textOf(items), x: items[0].x };
  for (let k = 1; k < items.length; k++) {
    const leftEnd = Math.max(...items.slice(0, k).map((it) => it.x + it.w));
    const gap = items[k].x - leftEnd;
    const inColumn = colX !== undefined && Math.abs(items[k].x - colX) <= 6;
    if (gap < MIN_GAP && !(gap >= 3 && (inColumn || items[k].x >= boxX + 50))) continue;
    const right = textOf(items.slice(k));
    if (gradeWords.test(right)) return { left: items.slice(0, k), right, x: items[k].x };
  }
  return undefined;
}

/** A line made only of grade words, printed well right of `x` (a grade box's line between a heading's lines). */
function gradeOnly(l: HeadingLine, x: number, catalog: Catalog): boolean {
  const items = l.items.filter((it) => it.str.trim());
  return items.length > 0 && items[0].x >= x + 150 && importGradesFor(catalog).wordsOnly.test(textOf(items));
}

/**
 * Runs of heading lines: consecutive, on one page, the same size, a line step
 * apart; a grade box's line printed between two of them (in a smaller font) belongs to the run.
 */
function runs(lines: HeadingLine[], isHeading: (l: HeadingLine) => boolean, catalog: Catalog): [number, number][] {
  const out: [number, number][] = [];
  const next = (a: HeadingLine, b: HeadingLine | undefined, step: number) =>
    b !== undefined && b.page === a.page && isHeading(b) && Math.abs(a.size - b.size) < 0.6 && a.y - b.y <= a.size * step && !KEY_HEADER.test(b.text);
  for (let k = 0; k < lines.length; k++) {
    if (!isHeading(lines[k])) continue;
    let last = k;
    let head = k; // the run's last heading line (not a grade line)
    while (last + 1 < lines.length) {
      const a = lines[head];
      if (next(a, lines[last + 1], 1.6)) {
        head = last = last + 1;
        continue;
      }
      const g = lines[last + 1];
      const x = a.items.find((it) => it.str.trim())?.x ?? 0;
      if (last === head && g.page === a.page && !isHeading(g) && gradeOnly(g, x, catalog) && next(a, lines[last + 2], 2.2)) {
        head = last = last + 2;
        continue;
      }
      break;
    }
    out.push([k, last]);
    k = last;
  }
  return out;
}

/** The words of a heading, for telling whether a box repeats it. */
function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^a-z]+/).filter(Boolean));
}

function sameHeading(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  return wa.size > 0 && both / (wa.size + wb.size - both) >= 0.75;
}

/**
 * The heading just above a grade box (lines first..), with a "Key judgement"
 * row between them or not, when the box repeats it: its first and last line.
 */
function headingAbove(lines: HeadingLine[], first: number, name: string, drop: Set<number>): [number, number] | undefined {
  let p = first - 1;
  if (p >= 0 && KEY_HEADER.test(lines[p].text)) p--;
  if (p < 0 || lines[p].page !== lines[first].page || drop.has(p)) return undefined;
  const to = KEY_HEADER.test(lines[first - 1].text) ? lines[first - 1] : lines[first];
  if (lines[p].y - to.y > lines[p].size * 3) return undefined;
  for (let s = p; s >= Math.max(0, p - 3); s--) {
    if (s < p && (lines[s].page !== lines[p].page || Math.abs(lines[s].size - lines[p].size) >= 0.6 || lines[s].y - lines[s + 1].y > lines[s].size * 1.6 || drop.has(s))) break;
    const text = lines.slice(s, p + 1).map((l) => l.text).join(' ');
    if (sameHeading(text, name)) return [s, p];
  }
  return undefined;
}

/** Joins lines a..b into line a, marked rebuilt, with `text`; the rest are dropped. */
function join(lines: HeadingLine[], a: number, b: number, text: string, drop: Set<number>): void {
  lines[a].text = text;
  lines[a].rebuilt = true;
  for (let k = a + 1; k <= b; k++) drop.add(k);
}

/**
 * Rebuilds graded headings. In each heading (a run of lines bigger than the
 * body text, or under a "Key judgement | Judgement grade" row, or a
 * judgement's name in body text with a grade beside it), the grade words
 * printed well to the right of the heading's text, on any of its lines
 * ("Requires improvement" / "to be good" beside a three-line heading), leave
 * their lines and are added, after a colon, to the heading, joined into one
 * line. A box that repeats the section heading just above it (with or
 * without a "Key judgement" row) gives that heading its grade and is dropped.
 * A judgement's name followed by its grade as a short sentence on lines of
 * its own ("Leadership, management and governance requires improvement")
 * becomes one line too. Returns the lines, without those left empty.
 */
export function rebuildGradedHeadings<L extends HeadingLine>(lines: L[], body: number, catalog: Catalog): L[] {
  const nameStart = importNamesFor(catalog).start;
  const keyed = new Map<HeadingLine, number | undefined>();
  const drop = new Set<number>();
  lines.forEach((l, k) => {
    if (!KEY_HEADER.test(l.text)) return;
    drop.add(k);
    const visible = l.items.filter((it) => it.str.trim());
    const col = visible.length > 1 ? visible[visible.length - 1].x : undefined;
    for (let n = k + 1; n < lines.length && lines[n].page === l.page && lines[n - 1].y - lines[n].y <= l.size * (n === k + 1 ? 3.2 : 1.6); n++) keyed.set(lines[n], col);
  });
  const isHeading = (l: HeadingLine) => l.size >= body * 1.12 || keyed.has(l);
  // Body-size headings too, when they are a judgement's name (bold in print) with the grade beside them.
  const judgementRuns = runs(lines, (l) => !isHeading(l), catalog).flatMap(([a, b]) => judgementHeads(lines, a, b, catalog));
  for (const [first, last] of [...runs(lines, isHeading, catalog), ...judgementRuns]) {
    if (drop.has(first)) continue;
    const leftX = Math.min(...lines.slice(first, last + 1).map((l) => l.items.find((it) => it.str.trim())?.x ?? Infinity));
    let colX = keyed.get(lines[first]);
    const partOf = (k: number) => gradePart(lines[k], catalog, leftX + 150, colX);
    let parts: ({ k: number } & GradePart)[] = [];
    for (let k = first; k <= last; k++) {
      const g = partOf(k);
      if (g) parts.push({ k, ...g });
    }
    if (parts.length === 0) continue;
    // The other lines of the same box: the grade's column is now known.
    if (colX === undefined) {
      colX = Math.min(...parts.map((p) => p.x));
      parts = [];
      for (let k = first; k <= last; k++) {
        const g = partOf(k);
        if (g) parts.push({ k, ...g });
      }
    }
    const grade = parts.map((p) => p.right).join(' ').replace(/\s+/g, ' ');
    if (!importGradesFor(catalog).only.test(grade)) continue;
    for (const p of parts) {
      lines[p.k].items = p.left;
      lines[p.k].text = textOf(p.left);
      if (!lines[p.k].text) drop.add(p.k);
    }
    const kept = [];
    for (let k = first; k <= last; k++) if (!drop.has(k)) kept.push(k);
    if (kept.length === 0) continue;
    const name = kept.map((k) => lines[k].text).join(' ').replace(/[\s:]+$/, '');
    // A box repeating the heading above it: the grade goes to that heading.
    const above = headingAbove(lines, first, name, drop);
    if (above) {
      for (let k = first; k <= last; k++) drop.add(k);
      const text = lines.slice(above[0], above[1] + 1).map((l) => l.text).join(' ').replace(/[\s:]+$/, '');
      join(lines, above[0], above[1], `${text}: ${grade}`, drop);
      continue;
    }
    // The heading starts where the judgement's name does (a title above it in the same font stays apart).
    const at = kept.find((k) => nameStart.test(lines[k].text)) ?? kept[0];
    const from = kept.filter((k) => k >= at);
    const text = from.map((k) => lines[k].text).join(' ').replace(/[\s:]+$/, '');
    join(lines, at, last, `${text}: ${grade}`, drop);
    for (const k of from) if (k !== at) drop.add(k);
  }
  sentenceHeads(lines, body, drop, nameStart, catalog);
  return lines.filter((_, k) => !drop.has(k));
}

/** Within a run of body lines, the lines of a judgement's name printed with a grade to their right. */
function judgementHeads(lines: HeadingLine[], a: number, b: number, catalog: Catalog): [number, number][] {
  const out: [number, number][] = [];
  for (let k = a; k <= b; k++) {
    const l = lines[k];
    if (k > a && !/[.:;]$/.test(lines[k - 1].text)) continue; // starts a block
    if (!importNamesFor(catalog).start.test(l.text) || /^\d/.test(l.text)) continue;
    // The name runs on over at most three lines; one of them has the grade beside it.
    const end = Math.min(b, k + 2);
    const x = l.items.find((it) => it.str.trim())?.x ?? 0;
    for (let n = k; n <= end; n++) {
      if (gradePart(lines[n], catalog, x + 150)) {
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

/** A judgement's name, then its grade (a SIF grade, judgements.yaml), as a sentence ("... permanence requires improvement."). Once per catalogue. */
const sentenceHeadings = new WeakMap<Catalog, RegExp>();
export function sentenceHeading(catalog: Catalog): RegExp {
  let re = sentenceHeadings.get(catalog);
  if (!re) {
    const grade = frameworkGradeAlternation(catalog, 'sif').replace(/ /g, '\\s+');
    re = new RegExp(`^[^.;:]{10,150}\\s(?:(?:is|are)\\s+)?(?:${grade})\\.?$`, 'i');
    sentenceHeadings.set(catalog, re);
  }
  return re;
}
const ENDS = /[.!?:;)”"’]$/;

/**
 * A judgement's name and its grade as a sentence on one to three body-size
 * lines of their own (after a finished line or at the top of a page, and
 * before a numbered paragraph, a bullet or a paragraph break): one heading line.
 */
function sentenceHeads(lines: HeadingLine[], body: number, drop: Set<number>, startsName: RegExp, catalog: Catalog): void {
  const SENTENCE_HEADING = sentenceHeading(catalog);
  const step = (a: HeadingLine, b: HeadingLine) => a.page === b.page && a.y - b.y > 0 && a.y - b.y <= a.size * 1.6;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (drop.has(k) || l.rebuilt || l.size >= body * 1.12 || !/^[A-Z]/.test(l.text) || !startsName.test(l.text) || /^\d/.test(l.text)) continue;
    const prev = lines[k - 1];
    if (prev && step(prev, l) && !ENDS.test(prev.text)) continue;
    for (let n = k; n <= k + 2 && n < lines.length; n++) {
      if (n > k && (drop.has(n) || !step(lines[n - 1], lines[n]) || Math.abs(lines[n].size - l.size) > 0.6)) break;
      const text = lines.slice(k, n + 1).map((x) => x.text).join(' ');
      if (!SENTENCE_HEADING.test(text)) {
        if (/[.;:]$/.test(lines[n].text)) break;
        continue;
      }
      const after = lines[n + 1];
      const breaks = !after || !step(lines[n], after) || /^(?:\d{1,3}[.)]?\s|[^\w\s‘'“"(])/.test(after.text) || (after.items[0] !== undefined && !after.items[0].str.trim());
      if (breaks) {
        join(lines, k, n, text, drop);
        k = n;
      }
      break;
    }
  }
}
