import { formatOfsted, isValidIso, parseNumericRange, toIso, type DateRange } from '../core/dates';
import type { Span, TextEdit } from '../core/types';
import { blockSpan } from '../model/text';
import type { FrontMatterEntry, ReportModel, TextBlock } from '../model/types';
import { dateAt, findDateStyle, formatOfstedRange, isWholeDate, ordinalValue, ordinalWord } from './shared/dateText';
import { isDateType, readDateShape, type ShapedDates } from './shared/frontMatterDates';
import type { Rule, RuleContext } from './types';

/**
 * Dates: written the Ofsted way in the body, real and in order in the front
 * matter, and agreeing with each other. Sources: ../shared/domain.md "House
 * style" (dates, observed: warnings) and ../shared/dialect.md "Front matter"
 * (ISO dates; `visit-number` agrees with the opening sentence).
 * The front-matter rule owns whether a date key is present and written in the
 * right SHAPE; this rule owns the VALUES of well-shaped dates.
 */
export const dates: Rule = {
  id: 'dates',
  summary: 'Dates are real, agree with the front matter and each other, and are written the Ofsted way (11 to 22 July 2022).',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    checkFrontMatterValues(ctx);
    checkBodyStyle(ctx);
    checkInspectionLine(ctx);
    if (ctx.model.profile?.letter) checkLetterOpening(ctx);
    checkPublishedAfterVisit(ctx);
    if (ctx.model.kind === 'monitoring-visit') checkVisitNumber(ctx);
  },
};

function spanIn(model: ReportModel, entry: FrontMatterEntry, raw: string): Span {
  const src = model.text.slice(entry.valueSpan.start, entry.valueSpan.end);
  const at = src.indexOf(raw);
  return at >= 0 ? { start: entry.valueSpan.start + at, end: entry.valueSpan.start + at + raw.length } : entry.valueSpan;
}

/** Well-shaped date values: real days, ranges that do not end before they start, lists in order. */
function checkFrontMatterValues(ctx: RuleContext): void {
  const { model } = ctx;
  const fm = model.frontMatter;
  const profile = model.profile;
  if (!fm || !fm.valid || !profile) return;
  for (const [key, spec] of Object.entries(profile.frontMatter)) {
    if (!isDateType(spec.type)) continue;
    const entry = fm.entries.get(key);
    if (!entry) continue;
    const shape = readDateShape(entry.value, spec.type);
    if (!shape.ok) continue; // the front-matter rule reports the shape
    let previous: ShapedDates | undefined;
    for (const part of shape.parts) {
      const bad = [part.start, part.end].filter((d, i, all) => !isValidIso(d) && all.indexOf(d) === i);
      for (const d of bad) {
        ctx.report({ span: spanIn(model, entry, d), message: `'${key}': ${d} is not a day of the calendar.` });
      }
      if (bad.length > 0) continue;
      if (part.end < part.start) {
        ctx.report({
          span: spanIn(model, entry, part.raw),
          message: `'${key}': the range ends (${formatOfsted(part.end)}) before it starts (${formatOfsted(part.start)}).`,
        });
        continue;
      }
      if (previous && part.start <= previous.end) {
        ctx.report({
          span: spanIn(model, entry, part.raw),
          severity: 'warning',
          message: part.start === previous.start && part.end === previous.end
            ? `'${key}': ${part.raw} is listed twice.`
            : `'${key}': ${part.raw} is out of order or overlaps the date before it; list the visit's dates in order.`,
        });
      }
      previous = part;
    }
  }
}

function docSpan(block: TextBlock, from: number, to: number): Span {
  return blockSpan(block.offsets, from, to);
}

/** 'Ofsted style' findings in running text, each with one fix for the whole date. */
function checkBodyStyle(ctx: RuleContext): void {
  for (const block of ctx.model.blocks) {
    for (const f of findDateStyle(block.text)) {
      const span = docSpan(block, f.from, f.to);
      if (f.invalid) {
        ctx.report({ span, message: `'${oneLine(f.written)}' is not a real date: the day does not exist, or the range ends before it starts.` });
        continue;
      }
      const edits: TextEdit[] = f.edits.map((e) => ({ ...docSpan(block, e.from, e.to), newText: e.newText }));
      ctx.report({
        span,
        severity: 'warning',
        message: `Write '${oneLine(f.written)}' the Ofsted way: '${f.fixed}' (${f.reasons.join('; ')}).`,
        fix: { title: `Write '${f.fixed}'`, edits },
      });
    }
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function sameRange(a: DateRange, b: DateRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The body's 'Inspection dates:' line agrees with inspection-dates in the front matter. */
function checkInspectionLine(ctx: RuleContext): void {
  const { model } = ctx;
  checkMeetingDateLine(ctx);
  const line = model.inspectionLine;
  if (!line || !model.inspection) return;
  const want = formatOfstedRange(model.inspection);
  // Read the value from its paragraph, so that a date broken over two lines is read whole.
  const block = model.blocks.find((b) => b.kind === 'paragraph' && b.offsets[0] <= line.valueSpan.start && line.valueSpan.start <= b.offsets[b.offsets.length - 1]);
  const at = block ? block.offsets.indexOf(line.valueSpan.start) : -1;
  const d = block && at >= 0 ? dateAt(block.text, at) : undefined;
  if (d && !d.dates) return; // not a real date: reported with the body's dates
  const whole = d && block ? withLaterParts(block.text, d) : undefined;
  const dates = whole?.dates ?? line.dates;
  if (!dates) {
    const figures = parseNumericRange(line.text);
    if (figures && sameRange(figures, model.inspection)) {
      // In figures, day first, as some SIF reports print them: the right dates, not the house way.
      ctx.report({
        span: line.valueSpan,
        severity: 'warning',
        message: `Write the inspection dates in words, the Ofsted way: '${want}'.`,
        fix: { title: `Write '${want}'`, edits: [{ ...line.valueSpan, newText: want }] },
      });
      return;
    }
    ctx.report({
      span: line.valueSpan,
      message: `The inspection dates here cannot be read as dates; inspection-dates in the front matter says ${want}.`,
      fix: { title: `Write '${want}'`, edits: [{ ...line.valueSpan, newText: want }] },
    });
    return;
  }
  if (!sameRange(dates, model.inspection)) {
    ctx.report({
      span: whole && block ? docSpan(block, whole.from, whole.to) : line.valueSpan,
      message: `These inspection dates (${formatOfstedRange(dates)}) do not agree with inspection-dates in the front matter (${want}).`,
    });
  }
}

/**
 * An inspection held in parts ("30 September to 11 October 2024 and 13 to 16
 * January 2025": a revisit after a pause) runs from the first part's start to
 * the last part's end, which is what inspection-dates holds.
 */
function withLaterParts(text: string, first: { from: number; to: number; dates?: DateRange }): { from: number; to: number; dates?: DateRange } {
  let whole = first;
  for (;;) {
    if (!whole.dates) return whole;
    const joint = /^,?\s+and\s+|^,\s*/.exec(text.slice(whole.to));
    if (!joint) return whole;
    const next = dateAt(text, whole.to + joint[0].length);
    if (!next?.dates || next.dates.start < whole.dates.end) return whole;
    whole = { from: whole.from, to: next.to, dates: { start: whole.dates.start, end: next.dates.end } };
  }
}

/** A scrutiny report's header line 'Meeting date: 11 September 2024' agrees with meeting-date. */
function checkMeetingDateLine(ctx: RuleContext): void {
  const { model } = ctx;
  const want = toIso(model.frontMatter?.entries.get('meeting-date')?.value);
  if (!want) return;
  for (const block of model.blocks) {
    if (block.kind !== 'paragraph') continue;
    const label = /^meeting date\s*:?\s*/i.exec(block.text);
    if (!label) continue;
    const d = dateAt(block.text, label[0].length);
    if (d?.dates && !(d.dates.start === want && d.dates.end === want)) {
      ctx.report({
        span: docSpan(block, d.from, d.to),
        message: `The meeting date here (${oneLine(d.text)}) does not agree with meeting-date in the front matter (${formatOfsted(want)}).`,
      });
    }
    return;
  }
}

const OPENING = /\bvisits?\b[^.]*?\bon\s+(?=\d)/gi;

/**
 * A letter's opening names the visit's dates ('... children's services on 9 January 2019')
 * and may carry its own date line before 'Dear ...'.
 */
function checkLetterOpening(ctx: RuleContext): void {
  const { model } = ctx;
  const before = model.blocks.filter((b) => b.kind === 'paragraph' && b.sectionIndex < 0);
  const published = model.frontMatter?.entries.get('published');
  const letterDate = toIso(published?.value);
  let seenDear = false;
  let openingDone = false;
  for (const block of before) {
    if (/^\s*Dear\b/.test(block.text)) seenDear = true;
    if (!seenDear && letterDate && isWholeDate(block.text)) {
      const d = dateAt(block.text.trim(), 0);
      if (d?.dates && !(d.dates.start === letterDate && d.dates.end === letterDate)) {
        const lead = block.text.length - block.text.trimStart().length;
        ctx.report({
          span: docSpan(block, lead, lead + d.text.length),
          message: `The letter is dated ${oneLine(d.text)} here but ${formatOfsted(letterDate)} in the front matter ('published').`,
        });
      }
      continue;
    }
    if (openingDone || !model.inspection) continue;
    OPENING.lastIndex = 0;
    const m = OPENING.exec(block.text);
    if (!m) continue;
    const d = dateAt(block.text, m.index + m[0].length);
    if (!d?.dates) continue;
    openingDone = true;
    if (!sameRange(d.dates, model.inspection)) {
      ctx.report({
        span: docSpan(block, d.from, d.to),
        message: `The letter says the visit was on ${oneLine(d.text)}, but inspection-dates in the front matter says ${formatOfstedRange(model.inspection)}.`,
      });
    }
  }
}

/** A report or letter is dated after its inspection or visit ended. */
function checkPublishedAfterVisit(ctx: RuleContext): void {
  const { model } = ctx;
  const entry = model.frontMatter?.entries.get('published');
  if (!entry || !model.inspection) return;
  const published = toIso(entry.value);
  if (!published) return;
  if (published < model.inspection.end) {
    const what = model.profile?.letter ? 'letter' : 'report';
    ctx.report({
      span: entry.valueSpan,
      message: `The ${what} is dated ${formatOfsted(published)}, before the ${model.profile?.letter ? 'visit' : 'inspection'} ended on ${formatOfsted(model.inspection.end)}.`,
    });
  }
}

const ORDINAL_SENTENCE = /\b((?:this|it)\s+(?:was|is)\s+the\s+)([a-z]+(?:-[a-z]+)?|\d{1,2}(?:st|nd|rd|th))\s+monitoring\s+visit\b/i;

/** 'This was the fifth monitoring visit ...' agrees with visit-number. */
function checkVisitNumber(ctx: RuleContext): void {
  const { model } = ctx;
  const entry = model.frontMatter?.entries.get('visit-number');
  const n = entry?.value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return; // absent, or a type problem for front-matter
  for (const block of model.blocks) {
    if (block.kind !== 'paragraph') continue;
    const m = ORDINAL_SENTENCE.exec(block.text);
    if (!m) continue;
    const written = ordinalValue(m[2]);
    if (written === undefined) return;
    if (written !== n) {
      const at = m.index + m[1].length;
      ctx.report({
        span: docSpan(block, at, at + m[2].length),
        message: `The letter calls this the ${m[2]} monitoring visit, but visit-number in the front matter is ${n} (the ${ordinalWord(n)}).`,
      });
    }
    return;
  }
}
