/**
 * Reads text extracted from a published report (as in ../shared/seeds) into
 * blocks. Extraction noise is expected: paragraphs broken at page ends, every
 * wrapped line followed by a blank line, bold markers, odd bullets. A block
 * starts at a list marker, a known heading or label, or a blank line after
 * the end of a sentence; otherwise lines join the block before them.
 */
import type { Catalog } from '../profiles/types';
import { importNamesFor } from './names';
import { BULLET, isFurnitureLine, isKnownHeading, isTableLine, NUMBERED, SUB_NUMBERED, TABLE_HEADER, splitTableText } from './patterns';
import type { Para } from './types';

const LABEL = /^(Inspection dates?|Lead inspector|Dear |Yours sincerely|Yours faithfully|Meeting Title|Report Title|Meeting Date|Corporate Director|Portfolio Holder|Report author|Focused visit to|Monitoring visit to|This letter summarises|Inspection of )/i;
const SENTENCE_END = /[.!?:;)”"’']$/;

/** Cleans what extraction leaves: CRLF, form feeds, no-break spaces, Markdown bold markers. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/[ \t]+$/gm, '');
}

interface Shape {
  /** Lines are hard-wrapped (a paragraph spans several lines). */
  wrapped: boolean;
  /** Typical full line length when wrapped. */
  width: number;
}

function shapeOf(lines: string[]): Shape {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return { wrapped: false, width: 0 };
  const long = lengths.filter((n) => n > 120).length;
  const width = lengths[Math.floor(lengths.length * 0.9)];
  return { wrapped: long / lengths.length < 0.05 && width >= 50 && width <= 120, width };
}

function isMarker(line: string): boolean {
  const t = line.replace(/^-\s+(?=\d)/, '');
  return NUMBERED.test(t) || SUB_NUMBERED.test(t) || BULLET.test(t);
}

export function textToParas(input: string, catalog: Catalog): Para[] {
  const nameStart = importNamesFor(catalog).start;
  const raw = normaliseText(input).split('\n');
  const shape = shapeOf(raw);
  // Lines printed on every page (running headers) are dropped after their first use.
  const counts = new Map<string, number>();
  for (const l of raw) {
    const t = l.trim();
    if (t.length >= 10) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const paras: Para[] = [];
  let cur: Para | undefined;
  let curLastLen = 0;
  let blank = true;
  let lastNumber = 0;
  let table: string[] | undefined;
  let afterSignOff = false;

  const close = () => {
    if (cur) paras.push(cur);
    cur = undefined;
  };
  const start = (line: string) => {
    close();
    cur = { lines: [line] };
  };

  for (let i = 0; i < raw.length; i++) {
    const line = raw[i].trim();
    if (!line) {
      blank = true;
      continue;
    }
    if (isFurnitureLine(line)) continue;
    if ((counts.get(line) ?? 0) >= 3 && !isMarker(line)) {
      if (seen.has(line)) continue;
      seen.add(line);
    }
    // The judgement table: the header, then lines made only of judgement names and grades.
    if (TABLE_HEADER.test(line)) {
      close();
      table = [];
      continue;
    }
    if (table) {
      if (isTableLine(line, catalog)) {
        table.push(line.replace(/\t/g, ' '));
        blank = false;
        continue;
      }
      paras.push({ lines: ['Judgement Grade'], table: splitTableText(table.join(' '), catalog) });
      table = undefined;
      blank = true;
    }
    let num = NUMBERED.exec(line.replace(/^-\s+(?=\d)/, ''));
    // "... when they turn" / "21. A significant number ...": a number out of sequence
    // after an unfinished line of a numbered paragraph is running text, not a new paragraph.
    const wrapped = num !== null && cur !== undefined && +num[1] !== lastNumber + 1 && NUMBERED.test(cur.lines[0]) &&
      !SENTENCE_END.test(cur.lines[cur.lines.length - 1]);
    if (wrapped) num = null;
    const noStop = /^(\d{1,3})\s+[A-Z‘“]/.exec(line);
    const startsBlock =
      (isMarker(line) && !wrapped) ||
      isKnownHeading(line) ||
      LABEL.test(line) ||
      (noStop !== null && +noStop[1] === lastNumber + 1) ||
      (nameStart.test(line) && (blank || !cur || SENTENCE_END.test(cur.lines[cur.lines.length - 1])));
    if (num) lastNumber = +num[1];
    else if (noStop && +noStop[1] === lastNumber + 1) lastNumber = +noStop[1];
    if (/^Yours (sincerely|faithfully)/i.test(line)) afterSignOff = true;
    if (!cur || startsBlock) {
      start(line);
    } else {
      const prev = cur.lines[cur.lines.length - 1];
      const prevEnds = SENTENCE_END.test(prev);
      const lower = /^[a-z]/.test(line);
      let join: boolean;
      if (afterSignOff) join = false;
      else if (wrapped) join = true;
      else if (lower || /[-‐,]$/.test(prev)) join = true;
      else if (shape.wrapped) join = !prevEnds || curLastLen >= shape.width * 0.85;
      else join = false;
      // A heading line is never continued by the next line unless it is plainly unfinished.
      if (join && isKnownHeading(prev) && !lower) join = false;
      if (join) cur.lines.push(line);
      else start(line);
    }
    curLastLen = line.length;
    blank = false;
  }
  if (table) paras.push({ lines: ['Judgement Grade'], table: splitTableText(table.join(' '), catalog) });
  close();
  return paras;
}
