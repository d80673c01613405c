import { MONTHS, formatOfsted, parseBodyDates, type DateRange } from '../../core/dates';

/**
 * Dates in running text, and how Ofsted writes them: `5 November 2018`,
 * `11 to 22 July 2022`, `30 November to 2 December 2022`; no ordinals, no
 * leading zero, no comma, 'to' in ranges. Source: ../shared/domain.md,
 * "House style" (Dates) and ../shared/dialect.md, "Front matter".
 */

const D = String.raw`\d{1,2}(?:\s?(?:st|nd|rd|th))?`;
const M = `(?:${MONTHS.join('|')})`;
const Y = String.raw`\d{4}(?!\d)`;
const SEP = String.raw`(?:\s*[-–—]\s*|\s+(?:to|and)\s+)`;
const DMY = String.raw`${D}(?:\s+of)?\s+${M}(?:,?\s+${Y})?`;
/** A day-first date or range, with or without its year. */
export const DATE_EXPR = String.raw`(?<![\w.,£/-])(?:${D}${SEP}(?=\d))?${DMY}(?:${SEP}${DMY})?(?![\w])`;
/** Month first: 'July 26th', 'July 26, 2022', 'July 26 2022' (not 'July 2022', not 'March 10 children'). */
const MONTH_FIRST = String.raw`(?<![\w])(${M})\s+(\d{1,2})(?:(\s?(?:st|nd|rd|th))|(?=,?\s+\d{4}(?!\d)))(?:,?\s+(\d{4}))?(?![\w])`;

export interface TextEdit0 {
  /** Offsets in the scanned text. */
  from: number;
  to: number;
  newText: string;
}

export interface DateStyleFinding {
  from: number;
  to: number;
  written: string;
  /** The date in house style. */
  fixed: string;
  edits: TextEdit0[];
  reasons: string[];
  /** The dates, when the text names a real day or range with its year. */
  dates?: DateRange;
  /** A year is given but the day does not exist, or the range ends before it starts. */
  invalid: boolean;
}

const WHOLE_RE = new RegExp(`^${DATE_EXPR}$`);
const STICKY_RE = new RegExp(DATE_EXPR, 'y');
const EXPR_RE = new RegExp(DATE_EXPR, 'g');
const MONTH_FIRST_RE = new RegExp(MONTH_FIRST, 'g');
/** Cheap test first: most paragraphs name no month at all. */
const ANY_MONTH = new RegExp(M);

/** Whether `text` is, as a whole, one body date or range. */
export function isWholeDate(text: string): boolean {
  return WHOLE_RE.test(text.trim());
}

/** Reads the date expression that starts exactly at `at`, if any (ordinals and the like allowed). */
export function dateAt(text: string, at: number): { from: number; to: number; text: string; dates?: DateRange; exact: boolean } | undefined {
  STICKY_RE.lastIndex = at;
  const m = STICKY_RE.exec(text);
  if (!m) return undefined;
  const house = houseForm(m[0], 0);
  const parsed = parseBodyDates(normaliseSpaces(house.fixed));
  return { from: at, to: at + m[0].length, text: m[0], dates: parsed?.dates, exact: !!parsed && house.edits.length === 0 };
}

function normaliseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The edits that put one matched date into house style, and why. */
function houseForm(w: string, at: number): { fixed: string; edits: TextEdit0[]; reasons: string[] } {
  const edits: TextEdit0[] = [];
  const reasons = new Set<string>();
  for (const o of w.matchAll(/(\d)(\s?(?:st|nd|rd|th))(?![a-z])/g)) {
    const s = (o.index ?? 0) + 1;
    edits.push({ from: at + s, to: at + s + o[2].length, newText: '' });
    reasons.add('no ordinals');
  }
  for (const o of w.matchAll(/(?<!\d)0(?=\d)/g)) {
    edits.push({ from: at + (o.index ?? 0), to: at + (o.index ?? 0) + 1, newText: '' });
    reasons.add('no leading zero');
  }
  for (const o of w.matchAll(/\s+of(?=\s)/g)) {
    edits.push({ from: at + (o.index ?? 0), to: at + (o.index ?? 0) + o[0].length, newText: '' });
    reasons.add("no 'of'");
  }
  for (const o of w.matchAll(/,(\s*)(?=\d{4})/g)) {
    edits.push({ from: at + (o.index ?? 0), to: at + (o.index ?? 0) + 1, newText: o[1].length > 0 ? '' : ' ' });
    reasons.add('no comma before the year');
  }
  for (const o of w.matchAll(/\s*[-–—]\s*/g)) {
    edits.push({ from: at + (o.index ?? 0), to: at + (o.index ?? 0) + o[0].length, newText: ' to ' });
    reasons.add("'to' in ranges, not a dash");
  }
  edits.sort((a, b) => a.from - b.from);
  return { fixed: applyLocal(w, at, edits), edits, reasons: [...reasons] };
}

/** Every date in the text that is not written the Ofsted way, with the edits that make it so. */
export function findDateStyle(text: string): DateStyleFinding[] {
  const out: DateStyleFinding[] = [];
  if (!ANY_MONTH.test(text)) return out;
  for (const m of text.matchAll(EXPR_RE)) {
    const at = m.index ?? 0;
    const w = m[0];
    const { fixed, edits, reasons } = houseForm(w, at);
    const hasYear = /\d{4}/.test(w);
    // A date already in house style needs parsing only to catch a day that does not exist.
    const parsed = hasYear ? parseBodyDates(normaliseSpaces(fixed)) : undefined;
    const invalid = hasYear && !parsed;
    if (edits.length === 0 && !invalid) continue;
    out.push({ from: at, to: at + w.length, written: w, fixed: normaliseSpaces(fixed), edits, reasons, dates: parsed?.dates, invalid });
  }
  for (const m of text.matchAll(MONTH_FIRST_RE)) {
    const at = m.index ?? 0;
    if (out.some((f) => f.from < at + m[0].length && at < f.to)) continue;
    const day = String(Number(m[2]));
    const fixed = m[4] ? `${day} ${m[1]} ${m[4]}` : `${day} ${m[1]}`;
    const reasons = ['day before month'];
    if (m[3]) reasons.push('no ordinals');
    if (/,/.test(m[0])) reasons.push('no comma before the year');
    const parsed = m[4] ? parseBodyDates(fixed) : undefined;
    out.push({
      from: at, to: at + m[0].length, written: m[0], fixed,
      edits: [{ from: at, to: at + m[0].length, newText: fixed }], reasons, dates: parsed?.dates, invalid: !!m[4] && !parsed,
    });
  }
  out.sort((a, b) => a.from - b.from);
  return out;
}

function applyLocal(w: string, at: number, edits: TextEdit0[]): string {
  let s = '';
  let pos = 0;
  for (const e of edits) {
    s += w.slice(pos, e.from - at) + e.newText;
    pos = e.to - at;
  }
  return s + w.slice(pos);
}

/** A range the Ofsted way: '11 to 22 July 2022', '30 November to 2 December 2022', '9 January 2019'. */
export function formatOfstedRange(r: DateRange): string {
  if (r.start === r.end) return formatOfsted(r.start);
  const [y1, m1, d1] = r.start.split('-').map(Number);
  const [y2, m2] = r.end.split('-').map(Number);
  if (y1 !== y2) return `${formatOfsted(r.start)} to ${formatOfsted(r.end)}`;
  if (m1 !== m2) return `${d1} ${MONTHS[m1 - 1]} to ${formatOfsted(r.end)}`;
  return `${d1} to ${formatOfsted(r.end)}`;
}

const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
];

/** 'fifth' -> 5, '5th' -> 5, 'twenty-first' -> 21; undefined when it is not an ordinal. */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, '-');
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  const i = ORDINALS.indexOf(w);
  if (i >= 0) return i + 1;
  const twenty = /^twenty-(.+)$/.exec(w);
  if (twenty) {
    const j = ORDINALS.indexOf(twenty[1]);
    if (j >= 0 && j < 9) return 21 + j;
  }
  return undefined;
}

export function ordinalWord(n: number): string {
  if (n >= 1 && n <= 20) return ORDINALS[n - 1];
  if (n > 20 && n < 30) return `twenty-${ORDINALS[n - 21]}`;
  return `${n}th`;
}
