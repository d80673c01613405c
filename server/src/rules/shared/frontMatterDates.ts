import { parseBodyDates, type DateRange } from '../../core/dates';
import type { FieldType } from '../../profiles/types';
import { isWholeDate } from './dateText';

/**
 * The SHAPE of a front matter date value, shared by two rules so that each
 * problem is reported once:
 * - front-matter owns presence and shape: is it written `YYYY-MM-DD`, a range
 *   `YYYY-MM-DD to YYYY-MM-DD`, or a list of those, as the field's type needs?
 * - dates owns the values of well-shaped dates: a real day of the calendar,
 *   a range that does not end before it starts, a list in order, and agreement
 *   with the body and with the other dates.
 * Source: ../shared/dialect.md, "Front matter" ("Dates in front matter are ISO").
 */

export type DateFieldType = Extract<FieldType, 'date' | 'date-range' | 'date-list'>;

export function isDateType(t: FieldType): t is DateFieldType {
  return t === 'date' || t === 'date-range' || t === 'date-list';
}

/** A well-shaped date or range: both ends look like YYYY-MM-DD (they may still not be real days). */
export interface ShapedDates {
  start: string;
  end: string;
  /** The part of the value as written ('2022-07-11 to 2022-07-22'), to find it in the document. */
  raw: string;
}

export type ShapeResult =
  | { ok: true; parts: ShapedDates[] }
  | { ok: false; problem: string; suggestion?: string };

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function dateToIso(v: Date): string | undefined {
  return isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
}

/** The ISO form of a body-style date ('11 to 22 July 2022'), when the whole text is one. */
function isoSuggestion(text: string, allowRange: boolean): string | undefined {
  // parseBodyDates reads a prefix; only suggest when the whole value is one date or range.
  if (!isWholeDate(text)) return undefined;
  const parsed = parseBodyDates(text.trim().replace(/\s+/g, ' '));
  if (!parsed) return undefined;
  const r: DateRange = parsed.dates;
  if (r.start === r.end) return r.start;
  if (!allowRange || /\band\b/.test(text)) return undefined;
  return `${r.start} to ${r.end}`;
}

/** One string part: a date or (when allowed) a range. */
function readPart(raw: string, allowRange: boolean): ShapedDates | { problem: string; suggestion?: string } {
  const s = raw.trim();
  if (ISO_SHAPE.test(s)) return { start: s, end: s, raw: s };
  const to = /^(\S+)\s+to\s+(\S+)$/.exec(s);
  if (to && ISO_SHAPE.test(to[1]) && ISO_SHAPE.test(to[2])) {
    if (!allowRange) return { problem: 'is one date, not a range' };
    return { start: to[1], end: to[2], raw: s };
  }
  const dash = /^(\d{4}-\d{2}-\d{2})\s*(?:–|—|\s-\s|\s--\s)\s*(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (dash) {
    if (!allowRange) return { problem: 'is one date, not a range' };
    return { problem: "joins the two dates of a range with a dash: the front matter uses 'to'", suggestion: `${dash[1]} to ${dash[2]}` };
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (loose) {
    return { problem: 'must be written YYYY-MM-DD, with two-digit months and days', suggestion: `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}` };
  }
  const suggestion = isoSuggestion(s, allowRange);
  if (suggestion) return { problem: `is written the way the body writes dates; front matter dates are ISO (${suggestion})`, suggestion };
  return { problem: allowRange ? "is not a date ('YYYY-MM-DD') or a range ('YYYY-MM-DD to YYYY-MM-DD')" : "is not a date written 'YYYY-MM-DD'" };
}

function part(v: unknown, allowRange: boolean): ShapedDates | { problem: string; suggestion?: string } {
  if (v instanceof Date) {
    const d = dateToIso(v);
    return d ? { start: d, end: d, raw: d } : { problem: 'is not a date' };
  }
  if (typeof v === 'string') return readPart(v, allowRange);
  if (typeof v === 'number') return { problem: `is a number (${v}), not a date written 'YYYY-MM-DD'` };
  return { problem: "is not a date written 'YYYY-MM-DD'" };
}

/**
 * Reads a date field's value by its type:
 * - `date`: one date;
 * - `date-range`: a range `A to B`, or one date for a one-day inspection;
 * - `date-list`: a date, a range, or a list of dates and ranges.
 */
export function readDateShape(value: unknown, type: DateFieldType): ShapeResult {
  if (value === null || value === undefined || value === '') return { ok: false, problem: 'has no value' };
  if (Array.isArray(value)) {
    if (type !== 'date-list') return { ok: false, problem: type === 'date' ? 'is one date, not a list' : 'is one range, not a list' };
    if (value.length === 0) return { ok: false, problem: 'is an empty list' };
    const parts: ShapedDates[] = [];
    for (const v of value) {
      const p = part(v, true);
      if ('problem' in p) return { ok: false, problem: `has an entry that ${p.problem}` };
      parts.push(p);
    }
    return { ok: true, parts };
  }
  const p = part(value, type !== 'date');
  if ('problem' in p) return { ok: false, problem: p.problem, suggestion: p.suggestion };
  return { ok: true, parts: [p] };
}
