/**
 * Dates as ISO strings ('YYYY-MM-DD'): they compare correctly as strings and
 * print without time zones getting in the way.
 */

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function isValidIso(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // The Gregorian calendar, as Date.UTC reckons it (year 0 and earlier included), without making a Date.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A YAML value (string or Date, as the yaml package may give either) as ISO, if valid. */
export function toIso(v: unknown): string | undefined {
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && isValidIso(v.trim())) return v.trim();
  return undefined;
}

export interface DateRange {
  start: string;
  end: string;
}

/**
 * Front matter dates: 'YYYY-MM-DD', 'YYYY-MM-DD to YYYY-MM-DD', or a list of
 * either. Returns undefined when any part is not a valid date.
 */
export function parseIsoDates(v: unknown): DateRange[] | undefined {
  const parts: unknown[] = Array.isArray(v) ? v : [v];
  const out: DateRange[] = [];
  for (const p of parts) {
    if (p instanceof Date) {
      const d = toIso(p);
      if (!d) return undefined;
      out.push({ start: d, end: d });
      continue;
    }
    if (typeof p !== 'string') return undefined;
    const m = /^\s*(\S+)\s*(?:(?:to|–|—)\s*(\S+)\s*)?$/.exec(p);
    if (!m) return undefined;
    const start = toIso(m[1]);
    const end = m[2] === undefined ? start : toIso(m[2]);
    if (!start || !end || end < start) return undefined;
    out.push({ start, end });
  }
  return out.length > 0 ? out : undefined;
}

/** '5 November 2018' for an ISO date. */
export function formatOfsted(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 'July 2022' for an ISO date. */
export function formatMonth(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** Month number (1-12) for a month name, full or three-letter, any case. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  for (let i = 0; i < 12; i++) {
    const full = MONTHS[i].toLowerCase();
    if (n === full || (n.length >= 3 && full.startsWith(n) && (n.length === 3 || n === full))) return i + 1;
  }
  if (n === 'sept') return 9;
  return undefined;
}

const MONTH_ALT = MONTHS.join('|');

let BODY_PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => DateRange | undefined }[] | undefined;

/** The patterns parseBodyDates tries, compiled once. */
function bodyPatterns(): { re: RegExp; build: (m: RegExpExecArray) => DateRange | undefined }[] {
  if (BODY_PATTERNS) return BODY_PATTERNS;
  const day = '(\\d{1,2})(?:st|nd|rd|th)?';
  const sep = '\\s*(to|and|–|—|-)\\s*';
  BODY_PATTERNS = [
    {
      // 11 to 22 July 2022 / 30 and 31 January 2018
      re: new RegExp(`^${day}${sep}${day} (${MONTH_ALT}),? (\\d{4})\\b`, 'i'),
      build: (m) => range(+m[5], monthNumber(m[4]), +m[1], +m[5], monthNumber(m[4]), +m[3]),
    },
    {
      // 30 November to 2 December 2022
      re: new RegExp(`^${day} (${MONTH_ALT})${sep}${day} (${MONTH_ALT}),? (\\d{4})\\b`, 'i'),
      build: (m) => range(+m[6], monthNumber(m[2]), +m[1], +m[6], monthNumber(m[5]), +m[4]),
    },
    {
      // 5 November 2018 to 16 November 2018 / 30 December 2019 to 3 January 2020
      re: new RegExp(`^${day} (${MONTH_ALT}),? (\\d{4})${sep}${day} (${MONTH_ALT}),? (\\d{4})\\b`, 'i'),
      build: (m) => range(+m[3], monthNumber(m[2]), +m[1], +m[7], monthNumber(m[6]), +m[5]),
    },
    {
      // 9 January 2019
      re: new RegExp(`^${day} (${MONTH_ALT}),? (\\d{4})\\b`, 'i'),
      build: (m) => range(+m[3], monthNumber(m[2]), +m[1], +m[3], monthNumber(m[2]), +m[1]),
    },
  ];
  return BODY_PATTERNS;
}

/**
 * Body date ranges written the Ofsted way, and their near misses:
 * '11 to 22 July 2022', '5 November 2018 to 16 November 2018',
 * '30 November to 2 December 2022', '30 and 31 January 2018', '9 January 2019'.
 * Returns the dates and whether the wording was the house style.
 */
export function parseBodyDates(text: string): { dates: DateRange; exact: boolean } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const patterns = bodyPatterns();
  for (const p of patterns) {
    const m = p.re.exec(t);
    if (!m) continue;
    const dates = p.build(m);
    if (!dates) return undefined;
    const exact = !/\d(st|nd|rd|th)\b/i.test(m[0]) && !/,/.test(m[0]) && !/[–—-]/.test(m[0]) && !/\b0\d/.test(m[0]);
    return { dates, exact };
  }
  return undefined;
}

function range(y1: number, m1: number | undefined, d1: number, y2: number, m2: number | undefined, d2: number): DateRange | undefined {
  if (!m1 || !m2) return undefined;
  const start = iso(y1, m1, d1);
  const end = iso(y2, m2, d2);
  if (!isValidIso(start) || !isValidIso(end) || end < start) return undefined;
  return { start, end };
}

/**
 * A range printed in figures, day first ("12/09/2016 to 06/10/2016",
 * "1/06/2015 – 25/06/2015"), as some SIF reports print their inspection
 * dates. Undefined when the text holds no such range of real dates.
 */
export function parseNumericRange(text: string): DateRange | undefined {
  const m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:to|–|—|-)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (!m) return undefined;
  const start = iso(+m[3], +m[2], +m[1]);
  const end = iso(+m[6], +m[5], +m[4]);
  return isValidIso(start) && isValidIso(end) && start <= end ? { start, end } : undefined;
}
