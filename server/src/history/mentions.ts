/**
 * Explicit mentions of earlier reports ("since the last inspection in 2018",
 * "the focused visit in February 2020", "the fifth monitoring visit", "judged
 * inadequate in July 2022") and grades quoted with the date of the inspection
 * that gave them (domain.md, "History"). Found in the raw text so that spans
 * are document offsets; line breaks inside a phrase are allowed.
 */
import { MONTHS, monthNumber } from '../core/dates';
import { allGradePhrases, phraseAlternation } from '../domain/grades';
import { judgementMentions, overallKey, overallMentions } from '../domain/judgements';
import { escapeRegExp } from '../domain/text';
import type { Catalog } from '../profiles/types';
import type { GradeQuote, Mention, MentionKind } from './types';

const MONTH = `(?:${MONTHS.join('|')})`;
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const ORDINAL = `(?:${ORDINAL_WORDS.join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
const LATEST = '(?:last|previous|most\\s+recent|prior|latest|preceding)';
const KIND = '(monitoring\\s+visit|focused\\s+visit|inspection|ILACS)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DAYS = `(?:${DAY}(?:\\s*(?:to|and|\\u2013|-)\\s*${DAY})?\\s+)`;

/**
 * "[this was] the fifth / last [July 2022 | 2018] [full] monitoring visit|focused visit|inspection [in|of [5 to 9] July 2022]".
 * Found from the kind word outwards: a regex anchored at the kind word's start
 * for what comes before it, and a sticky one for what follows.
 */
const KIND_WORD = new RegExp(KIND, 'gi');
const BEFORE_KIND = new RegExp(
  `(?:\\b(this|that)\\s+(?:was|is)\\s+)?(?:\\b(?:the|its|their)\\s+)?(?:\\b(${ORDINAL})\\s+|\\b(${LATEST})\\s+)?` +
  `(?:\\b(${MONTH})\\s+)?(?:\\b((?:19|20)\\d\\d)\\s+)?(?:\\b(?:full|standard|short|ILACS|SIF|Ofsted|graded)\\s+)*$`,
  'i',
);
const AFTER_KIND = new RegExp(`\\s*\\(?\\s*(?:in|of|on|during|from)\\s+${DAYS}?(?:(${MONTH})\\s+)?((?:19|20)\\d\\d)\\)?`, 'iy');

/** "In February 2020, a focused visit ..." */
const DATE_FIRST = new RegExp(`\\bin\\s+(${MONTH})\\s+((?:19|20)\\d\\d),?\\s+(?:a|an|the)\\s+(?:(?:full|ILACS|Ofsted)\\s+)?$`, 'i');

/** "judged inadequate in July 2022" (a mention of the inspection that judged it). */
/** The catalogue's grade phrases, any white space between their words, as one capturing group. */
function gradeGroup(catalog: Catalog): string {
  return `(${phraseAlternation(allGradePhrases(catalog)).replace(/ /g, '\\s+')})`;
}

/**
 * The words running text names the overall judgement by ('overall'; domain/judgements.ts
 * `overallKey` and `judgementMentions`), as an alternation (no group); one
 * that matches nothing when the catalogue has no overall judgement.
 */
function overallWords(catalog: Catalog): string {
  const phrases = overallMentions(catalog);
  return phrases.length > 0 ? phraseAlternation(phrases).replace(/ /g, '\\s+') : '(?!)';
}

const patterns = new WeakMap<Catalog, { judged: RegExp; inContext: RegExp; overallAfter: RegExp }>();

/** The grade patterns of a catalogue, built once per catalogue. */
function gradePatterns(catalog: Catalog): { judged: RegExp; inContext: RegExp; overallAfter: RegExp } {
  let p = patterns.get(catalog);
  if (!p) {
    const GRADE = gradeGroup(catalog);
    const OVERALL = overallWords(catalog);
    p = { judged: judgedPattern(GRADE, OVERALL), inContext: inContextPattern(GRADE, OVERALL), overallAfter: new RegExp(`^\\s+(?:${OVERALL})\\b`, 'i') };
    patterns.set(catalog, p);
  }
  return p;
}

const judgedPattern = (GRADE: string, OVERALL: string) => new RegExp(
  `\\b(?:judged|rated|graded)\\s+(?:to\\s+be\\s+|as\\s+)?['\\u2018"\\u201c]?${GRADE}['\\u2019"\\u201d]?(?:\\s+(?:${OVERALL}))?\\s+` +
  `(?:in|at\\s+the\\s+inspection\\s+in|following\\s+the\\s+inspection\\s+in)\\s+${DAYS}?(?:(${MONTH})\\s+)?((?:19|20)\\d\\d)`,
  'gi',
);

/**
 * "that inspectors found in 2022", "identified at the inspection in May 2022"'s
 * shorter form "identified in May 2022": what an inspection found, named by its
 * date (issue 12: such a finding already speaks to progress).
 */
const FOUND = new RegExp(
  `\\b(?:inspectors\\s+(?:had\\s+)?)?(?:found|identified|raised|highlighted|reported|noted)\\s+(?:by\\s+inspectors\\s+)?` +
  `(?:in|during)\\s+${DAYS}?(?:(${MONTH})\\s+)?((?:19|20)\\d\\d)\\b`,
  'gi',
);

function kindOf(word: string): MentionKind {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'monitoring visit') return 'monitoring-visit';
  if (w === 'focused visit') return 'focused-visit';
  return 'inspection';
}

function ordinalOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const i = ORDINAL_WORDS.indexOf(s.toLowerCase());
  if (i >= 0) return i + 1;
  const n = parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Every mention in text[from..]. `lineOf` maps an offset to its 0-based line. */
export function findMentions(text: string, from: number, lineOf: (offset: number) => number, catalog: Catalog): Mention[] {
  const body = text.slice(from);
  const out: Mention[] = [];
  const push = (m: Omit<Mention, 'line'>) => {
    if (out.some((o) => o.span.start < m.span.end && m.span.start < o.span.end)) return;
    out.push({ ...m, line: lineOf(m.span.start) });
  };
  // indexOf is far cheaper than a regex scan, and most reports quote no judgement.
  const judgedWords = /[Jj]udged|[Rr]ated|[Gg]raded/.test(body);
  for (const m of judgedWords ? body.matchAll(gradePatterns(catalog).judged) : []) {
    const start = from + (m.index ?? 0);
    push({
      kind: 'inspection', span: { start, end: start + m[0].length }, text: flat(m[0]),
      month: m[2] ? monthNumber(m[2]) : undefined, year: Number(m[3]),
    });
  }
  const foundWords = /found|identified|raised|highlighted|reported|noted/.test(body);
  for (const m of foundWords ? body.matchAll(FOUND) : []) {
    const start = from + (m.index ?? 0);
    push({
      kind: 'inspection', span: { start, end: start + m[0].length }, text: flat(m[0]),
      month: m[1] ? monthNumber(m[1]) : undefined, year: Number(m[2]),
    });
  }
  for (const k of body.matchAll(KIND_WORD)) {
    const at = k.index ?? 0;
    const lookBack = body.slice(Math.max(0, at - 90), at);
    // "In February 2020, a focused visit ..."
    const dateFirst = DATE_FIRST.exec(lookBack);
    if (dateFirst) {
      const start = from + at - dateFirst[0].length;
      push({ kind: kindOf(k[0]), span: { start, end: from + at + k[0].length }, text: flat(dateFirst[0] + k[0]), month: monthNumber(dateFirst[1]), year: Number(dateFirst[2]) });
      continue;
    }
    const before = BEFORE_KIND.exec(lookBack);
    AFTER_KIND.lastIndex = at + k[0].length;
    const after = AFTER_KIND.exec(body);
    const [, self, ord, latest, monthBefore, yearBefore] = before ?? [];
    if (self) continue; // "This was the fifth monitoring visit": the letter itself
    const ordinal = ordinalOf(ord);
    const month = monthNumber(monthBefore ?? after?.[1] ?? '');
    const year = Number(yearBefore ?? after?.[2]) || undefined;
    if (ordinal === undefined && !latest && !year) continue; // "the inspection": names nothing
    const startRel = before && before[0].length > 0 ? at - before[0].length : at;
    const start = from + startRel;
    const end = from + (after ? after.index + after[0].length : at + k[0].length);
    push({
      kind: kindOf(k[0]), span: { start, end }, text: flat(body.slice(startRel, end - from)),
      ordinal, latest: latest ? true : undefined, month: year ? month : undefined, year,
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A sentence ends at a full stop before anything but a lower-case word (imported text has bullet glyphs), or at a blank line. */
const SENTENCE_END = /[.!?](?=\s+[^a-z\s])|\n\s*\n/g;
/** A quoted grade and the date it goes with are this close, at most. */
const MAX_DATE_DISTANCE = 120;
const inContextPattern = (GRADE: string, OVERALL: string) => new RegExp(
  `\\b(?:judged|rated|graded)\\s+(?:to\\s+be\\s+|as\\s+)?['\\u2018"\\u201c]?${GRADE}\\b|` +
  `\\b(?:an?|its|the|their)\\s+['\\u2018"\\u201c]?${GRADE}['\\u2019"\\u201d]?\\s+(?:(?:${OVERALL})\\s+)?(?:judgement|grade|rating)\\b`,
  'gi',
);
const DATE_IN_SENTENCE = new RegExp(`\\b(?:(${MONTH})\\s+)?((?:19|20)\\d\\d)\\b`, 'gi');

const mentionPatterns = new WeakMap<Catalog, [RegExp, string][]>();

/**
 * Judgement names as running text says them (domain/judgements.ts
 * `judgementMentions`: short names and `mentions` in judgements.yaml), most
 * specific first, any white space between their words, from a word's start
 * ('help and protections' counts). Built once per catalogue.
 */
function judgementWords(catalog: Catalog): [RegExp, string][] {
  let out = mentionPatterns.get(catalog);
  if (!out) {
    out = judgementMentions(catalog).map(([phrase, key]): [RegExp, string] => [new RegExp(`\\b${escapeRegExp(phrase).replace(/\s+/g, '\\s+')}`, 'gi'), key]);
    mentionPatterns.set(catalog, out);
  }
  return out;
}

/** Grades quoted with a date in the same sentence. */
export function findGradeQuotes(text: string, from: number, lineOf: (offset: number) => number, catalog: Catalog): GradeQuote[] {
  const GRADE_IN_CONTEXT = gradePatterns(catalog).inContext;
  const out: GradeQuote[] = [];
  const body = text.slice(from);
  // Most reports quote no grade: a cheap look for the words first, then the regex, then the sentence split.
  if (!/[Jj]udge|[Rr]ated|[Rr]ating|[Gg]rade/.test(body)) return out;
  GRADE_IN_CONTEXT.lastIndex = 0;
  if (!GRADE_IN_CONTEXT.test(body)) return out;
  GRADE_IN_CONTEXT.lastIndex = 0;
  let sentenceStart = 0;
  const ends = [...body.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1);
  ends.push(body.length);
  for (const end of ends) {
    const sentence = body.slice(sentenceStart, end);
    const base = from + sentenceStart;
    sentenceStart = end;
    if (!/judged|rated|graded|judgement|grade|rating/i.test(sentence)) continue;
    const dates = [...sentence.matchAll(DATE_IN_SENTENCE)];
    if (dates.length === 0) continue;
    for (const g of sentence.matchAll(GRADE_IN_CONTEXT)) {
      const gradeText = g[1] ?? g[2];
      const at = (g.index ?? 0) + g[0].toLowerCase().indexOf(gradeText.toLowerCase());
      // The nearest date, preferring one with a month.
      let best: RegExpMatchArray | undefined;
      let bestDistance = Infinity;
      for (const d of dates) {
        const distance = Math.abs((d.index ?? 0) - at) - (d[1] ? 1000 : 0);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = d;
        }
      }
      if (!best || Math.abs((best.index ?? 0) - at) > MAX_DATE_DISTANCE) continue;
      let judgement: string | undefined;
      let judgementAt = -1;
      const before = sentence.slice(0, at);
      const after = sentence.slice(at + gradeText.length, at + gradeText.length + 12);
      // The judgement named last before the grade; a name inside a longer one ('care leavers' in 'children in care and care leavers') is that one's.
      const named: [number, number][] = [];
      for (const [re, key] of judgementWords(catalog)) {
        for (const j of before.matchAll(re)) {
          const start = j.index ?? 0;
          const end = start + j[0].length;
          if (named.some(([s, e]) => s <= start && end <= e)) continue;
          named.push([start, end]);
          if (start > judgementAt) {
            judgementAt = start;
            judgement = key;
          }
        }
      }
      if (gradePatterns(catalog).overallAfter.test(after)) judgement = overallKey(catalog);
      const span = { start: base + at, end: base + at + gradeText.length };
      const quoteStart = Math.min(g.index ?? 0, best.index ?? 0);
      const quoteEnd = Math.max((g.index ?? 0) + g[0].length, (best.index ?? 0) + best[0].length);
      out.push({
        grade: gradeText.replace(/\s+/g, ' '),
        span,
        line: lineOf(span.start),
        text: flat(sentence.slice(quoteStart, quoteEnd)),
        year: Number(best[2]),
        month: best[1] ? monthNumber(best[1]) : undefined,
        judgement,
      });
    }
  }
  return out;
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
