import { formatOfsted } from '../core/dates';
import type { Span } from '../core/types';
import { looksLikeGrade, similarity } from '../model/judgements';
import { normalise } from '../model/text';
import type { Section } from '../model/types';
import type { Profile, SectionSpec } from '../profiles/types';
import { canonicalGrade, covers, eraKeys, gradesFor, headingGrade, nameOf, outOfOrder, shortOf } from './judgement-sets';
import { closingLine, insertedHeadingIsHeading, insertHeading, sectionEndLine } from './section-insert';
import { rowJudgement, sectionJudgement } from './shared/nearJudgement';
import type { Rule, RuleContext } from './types';

/**
 * The sections each kind of report needs, once each, in order.
 * Source: the kind's profile in server/profiles/*.yaml (`sections`), which
 * follows ../shared/dialect.md (each kind's layout; early focused visit letters'
 * "Areas of strength" / "Areas for improvement"; scrutiny's "## N. Title"
 * sections) and ../shared/domain.md, "Report layout" ("What needs to improve?",
 * no question mark before 2021) and "Frameworks and judgements" (the judgement
 * sections by inspection start date).
 *
 * For graded kinds the `judgements: true` slot stands for the era's judgement
 * sections: a missing one is reported here (with a fix that inserts its heading).
 * Their order, duplicates and grades are judgement-consistency's.
 */
export const requiredSections: Rule = {
  id: 'required-sections',
  summary: "Each section the kind's profile requires is there, once, in order, with its heading worded as the profile says.",
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const profile = ctx.model.profile;
    if (!profile) return;
    const placed = place(ctx, profile);
    checkWording(ctx, placed);
    const duplicates = checkDuplicates(ctx, profile, placed);
    checkOrder(ctx, profile, placed.filter((p) => !duplicates.has(p)));
    checkMissing(ctx, profile, placed);
    checkJudgementSections(ctx, profile, placed);
    checkNumbered(ctx, placed);
  },
};

interface Placed {
  section: Section;
  slot: number;
}

/** Each `##` section with the profile slot it fills; unknown ones are reported in letters. */
function place(ctx: RuleContext, profile: Profile): Placed[] {
  const { model } = ctx;
  const specs = profile.sections;
  const judgementSlot = specs.findIndex((s) => s.judgements);
  const numberedSlot = specs.findIndex((s) => s.numberedSections);
  const out: Placed[] = [];
  for (const s of model.sections) {
    if (s.heading.level !== 2) continue;
    let slot = s.spec ? specs.indexOf(s.spec) : -1;
    if (slot < 0 && (s.judgement || sectionJudgement(ctx, s)) && profile.graded && judgementSlot >= 0) slot = judgementSlot;
    if (slot < 0 && s.number && numberedSlot >= 0) slot = numberedSlot;
    if (slot >= 0) {
      out.push({ section: s, slot });
      continue;
    }
    // A graded judgement heading in a letter is ungraded-visits' to report.
    const graded = !!s.judgement?.gradeText && looksLikeGrade(ctx.catalog, s.judgement.gradeText);
    if (profile.letter && !graded) reportUnknown(ctx, profile, s);
  }
  return out;
}

function reportUnknown(ctx: RuleContext, profile: Profile, s: Section): void {
  const named = profile.sections.filter((sp) => sp.heading);
  let best: { heading: string; score: number } | undefined;
  for (const sp of named) {
    const score = similarity(s.heading.text, sp.heading!);
    if (!best || score > best.score) best = { heading: sp.heading!, score };
  }
  const guess = best && best.score >= 0.5 ? ` Did you mean '${best.heading}'?` : '';
  ctx.report({
    span: s.heading.textSpan,
    severity: 'warning',
    message: `'${s.heading.text}' is not a section of ${article(profile.label)} ${profile.label}.${guess} Its sections are: ${named.map((sp) => `'${sp.heading}'`).join(', ')}.`,
  });
}

function startDate(ctx: RuleContext): string | undefined {
  return ctx.model.inspection?.start ?? ctx.model.documentDate;
}

/** Headings matched only through older or looser wording. */
function checkWording(ctx: RuleContext, placed: Placed[]): void {
  const start = startDate(ctx);
  for (const { section: s } of placed) {
    const spec = s.spec;
    if (!spec?.heading || !s.acceptedWording) continue;
    const text = s.heading.text.trim();
    if (text === spec.heading) continue;
    const olderAllowed = !spec.acceptBefore || !start || start < spec.acceptBefore;
    if (spec.accept.includes(text)) {
      if (olderAllowed) continue;
      ctx.report({
        span: s.heading.textSpan,
        severity: 'warning',
        message: `From ${formatOfsted(spec.acceptBefore!)} this heading is written '${spec.heading}'.`,
        fix: { title: `Replace with '${spec.heading}'`, edits: [{ ...s.heading.textSpan, newText: spec.heading }] },
      });
      continue;
    }
    // Same words, other capitals or punctuation: offer the wording the profile uses.
    const n = normalise(text);
    const allowed = [spec.heading, ...(olderAllowed ? spec.accept : [])];
    const target = allowed.find((a) => normalise(a) === n) ?? spec.heading;
    ctx.report({
      span: s.heading.textSpan,
      severity: 'warning',
      message: `Write this heading as '${target}'.`,
      fix: { title: `Replace with '${target}'`, edits: [{ ...s.heading.textSpan, newText: target }] },
    });
  }
}

function headingOf(spec: SectionSpec): string {
  return spec.heading ?? spec.id;
}

/** Reports second and later sections of a kind; returns them so that they are not also reported as out of order. */
function checkDuplicates(ctx: RuleContext, profile: Profile, placed: Placed[]): Set<Placed> {
  const out = new Set<Placed>();
  const first = new Map<number, Section>();
  for (const p of placed) {
    const spec = profile.sections[p.slot];
    if (spec.judgements || spec.numberedSections) continue; // many sections by design; judgement duplicates: judgement-consistency
    const earlier = first.get(p.slot);
    if (earlier) {
      out.add(p);
      ctx.report({
        span: p.section.heading.textSpan,
        message: `A second '${headingOf(spec)}' section; ${article(profile.label)} ${profile.label} has one (the first is on line ${earlier.heading.line + 1}).`,
      });
    } else first.set(p.slot, p.section);
  }
  return out;
}

function article(word: string): string {
  return /^(?:[aeiou]|ILACS|SIF)/i.test(word) ? 'an' : 'a';
}

/** Ids that other sections are alternatives to: early wording, whose relative order varied. */
function alternativeTargets(profile: Profile): Set<string> {
  return new Set(profile.sections.map((s) => s.alternativeTo).filter((x): x is string => !!x));
}

function checkOrder(ctx: RuleContext, profile: Profile, placed: Placed[]): void {
  // Early letters' alternative headings ('Areas of strength', 'Areas for improvement') came in either order.
  const alt = alternativeTargets(profile);
  const firstAlt = profile.sections.findIndex((s) => alt.has(s.id));
  const orders = placed.map((p) => (alt.has(profile.sections[p.slot].id) ? firstAlt : p.slot));
  const wrong = outOfOrder(orders);
  placed.forEach((p, i) => {
    if (!wrong.has(i)) return;
    ctx.report({
      span: p.section.heading.textSpan,
      message: `${which(profile.sections[p.slot])} is out of place; the order is: ${profile.sections.map(describe).join(', ')}.`,
    });
  });
}

function which(spec: SectionSpec): string {
  if (spec.judgements) return 'This judgement section';
  if (spec.numberedSections) return 'This numbered section';
  return `The '${headingOf(spec)}' section`;
}

function describe(spec: SectionSpec): string {
  if (spec.judgements) return 'the judgement sections';
  if (spec.numberedSections) return 'the numbered sections';
  return `'${headingOf(spec)}'`;
}

/**
 * Where to show a missing section's finding: the line it goes before, or, at the
 * end of the document, the heading of the section it follows (or the title).
 */
function anchor(ctx: RuleContext, line: number, placed: Placed[], span: Span): Span {
  const { model } = ctx;
  if (line < model.lines.lineCount && model.lines.line(line).trim() !== '') return span;
  const before = [...model.sections].reverse().find((s) => s.startLine < line && s.heading.level === 2);
  if (before) return before.heading.textSpan;
  if (placed.length > 0) return placed[placed.length - 1].section.heading.textSpan;
  return model.title?.textSpan ?? span;
}

/** The line where a section for profile slot `slot` belongs. */
function lineFor(ctx: RuleContext, placed: Placed[], slot: number): number {
  const { model } = ctx;
  const later = placed.find((p) => p.slot > slot);
  if (later) return later.section.startLine;
  const earlier = [...placed].reverse().find((p) => p.slot < slot);
  if (earlier) return sectionEndLine(model, earlier.section);
  const closing = closingLine(model, model.title?.line ?? -1);
  return closing ?? model.lines.lineCount;
}

function checkMissing(ctx: RuleContext, profile: Profile, placed: Placed[]): void {
  const start = startDate(ctx);
  profile.sections.forEach((spec, i) => {
    if (!spec.required || !spec.heading) return;
    if (placed.some((p) => p.slot === i)) return;
    const alt = spec.alternativeTo;
    if (alt && placed.some((p) => profile.sections[p.slot].id === alt)) return;
    if (spec.notRequiredWhenAll && allGraded(ctx, spec.notRequiredWhenAll)) return;
    // The heading as the report's date writes it.
    const older = spec.acceptBefore && start && start < spec.acceptBefore ? spec.accept[0] : undefined;
    const heading = older ?? spec.heading;
    const line = lineFor(ctx, placed, i);
    const { edit, span } = insertHeading(ctx.model, line, heading);
    const also = alt ? ` (or '${headingOf(profile.sections.find((s) => s.id === alt) ?? spec)}')` : '';
    ctx.report({
      span: anchor(ctx, line, placed, span),
      message: `${article(profile.label) === 'an' ? 'An' : 'A'} ${profile.label} needs a '${heading}' section${also}.`,
      fix: insertedHeadingIsHeading(ctx.model, edit) ? { title: `Insert the heading '## ${heading}'`, edits: [edit] } : undefined,
    });
  });
}

/** True when the judgement table has rows and every one gives this grade. */
function allGraded(ctx: RuleContext, grade: string): boolean {
  const rows = ctx.model.table?.rows.filter((r) => r.judgement) ?? [];
  if (rows.length === 0) return false;
  const grades = gradesFor(ctx.catalog, ctx.model);
  const want = canonicalGrade(ctx.catalog, grades, grade);
  return !!want && rows.every((r) => canonicalGrade(ctx.catalog, grades, r.judgement!.gradeText) === want);
}

/** The era's judgement sections, for graded kinds. */
function checkJudgementSections(ctx: RuleContext, profile: Profile, placed: Placed[]): void {
  const { model, catalog } = ctx;
  const era = model.era;
  const slot = profile.sections.findIndex((s) => s.judgements);
  if (!profile.graded || !era || slot < 0) return;
  const present = new Map<string, Section>();
  const others: string[] = [];
  for (const s of model.sections) {
    const key = sectionJudgement(ctx, s)?.key;
    if (!key) continue;
    if (eraKeys(era).has(key)) {
      if (!present.has(key)) present.set(key, s);
    } else others.push(key);
  }
  const grades = gradesFor(catalog, model);
  era.sections.forEach((key, order) => {
    if (present.has(key) || era.optional.includes(key)) return;
    if (others.some((o) => covers(catalog, o, key))) return; // a judgement from another era: judgement-names
    const line = judgementLine(ctx, placed, slot, era.sections, present, order);
    const name = nameOf(catalog, key);
    const row = model.table?.rows.find((r) => rowJudgement(ctx, r)?.key === key);
    const grade = row?.judgement ? canonicalGrade(catalog, grades, row.judgement.gradeText) : undefined;
    const heading = grade ? `${name}: ${headingGrade(model, grade)}` : undefined;
    const { edit, span } = insertHeading(model, line, heading ?? name);
    ctx.report({
      // On the judgement's table row when there is one: it reads well there, and stays put.
      span: row ? row.span : anchor(ctx, line, placed, span),
      message: `The section on '${shortOf(catalog, key)}' is missing: '## ${name}: <grade>'${heading ? '' : ' (the table gives no grade to copy)'}.`,
      fix: heading && insertedHeadingIsHeading(model, edit) ? { title: `Insert the heading '## ${heading}'`, edits: [edit] } : undefined,
    });
  });
}

/** Where a missing judgement section goes: before the next one in the era's order, else after the previous. */
function judgementLine(
  ctx: RuleContext, placed: Placed[], slot: number, order: string[], present: Map<string, Section>, index: number,
): number {
  let next: Section | undefined;
  let prev: Section | undefined;
  for (let k = index + 1; k < order.length && !next; k++) next = present.get(order[k]);
  for (let k = index - 1; k >= 0 && !prev; k--) prev = present.get(order[k]);
  // When the body has them the wrong way round, go after the previous one: before the next would put it out of order too.
  if (next && !(prev && prev.startLine > next.startLine)) return next.startLine;
  if (prev) return sectionEndLine(ctx.model, prev);
  return lineFor(ctx, placed, slot);
}

/** Scrutiny: `## N. Title` sections run 1, 2, 3 ... */
function checkNumbered(ctx: RuleContext, placed: Placed[]): void {
  const profile = ctx.model.profile!;
  const slot = profile.sections.findIndex((s) => s.numberedSections);
  if (slot < 0) return;
  let expected = 1;
  for (const p of placed) {
    if (p.slot !== slot || !p.section.number) continue;
    const n = p.section.number.value;
    if (n !== expected) {
      const what = n < expected ? 'repeats or goes back' : 'skips a number';
      ctx.report({ span: p.section.number.span, message: `Section number ${n} ${what}: the numbered sections run 1, 2, 3 ... and this one should be ${expected}.` });
    }
    expected = n + 1;
  }
}
