import { looksLikeGrade, similarity } from '../model/judgements';
import { normalise } from '../model/text';
import type { JudgementRef, Section } from '../model/types';
import type { Catalog, Era } from '../profiles/types';
import { modernHeadings } from '../domain/grades';
import {
  canonicalGrade, eraKeys, eraWindow, erasWith, gradesFor, nameOf, resolveKey, shortList,
} from './judgement-sets';
import { reportNearName, rowJudgement, sectionJudgement } from './shared/nearJudgement';
import type { Rule, RuleContext } from './types';

/**
 * Exact judgement names, from the set that applies to the inspection's start date.
 * Source: ../shared/domain.md, "Frameworks and judgements" (the sets by start
 * date, the exact names, and the near-miss variants seen in published reports);
 * ../shared/dialect.md, "ILACS inspection report" (the sentence form of a
 * judgement heading is accepted for reports from before 2021).
 */
export const judgementNames: Rule = {
  id: 'judgement-names',
  summary: "Judgement names in the table and section headings are exact and belong to the set for the inspection's start date.",
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    if (!model.profile?.graded) return;
    for (const row of model.table?.rows ?? []) {
      const near = rowJudgement(ctx, row);
      if (near?.near) reportNearName(ctx, near);
      else if (row.judgement) checkName(ctx, row.judgement, 'table');
    }
    for (const s of model.sections) {
      const near = sectionJudgement(ctx, s);
      if (near?.near) {
        reportNearName(ctx, near);
        if (s.judgement) checkSentenceForm(ctx, s, s.judgement);
      } else if (s.judgement) {
        checkName(ctx, s.judgement, 'heading');
        checkSentenceForm(ctx, s, s.judgement);
      } else if (!s.spec) {
        checkUnknownHeading(ctx, s);
      }
    }
  },
};

type Place = 'table' | 'heading';

/** The keys to suggest from: the era's, else every era of the report's framework. */
function candidates(ctx: RuleContext, place: Place): string[] {
  const era = ctx.model.era;
  if (era) return place === 'table' ? era.table : era.sections;
  const fw = ctx.model.profile?.framework;
  const keys = new Set<string>();
  for (const e of ctx.catalog.eras) {
    if (!fw || e.framework === fw) for (const k of place === 'table' ? e.table : e.sections) keys.add(k);
  }
  return [...keys];
}

function closest(catalog: Catalog, keys: string[], written: string): { name: string; score: number } | undefined {
  let best: { name: string; score: number } | undefined;
  for (const k of keys) {
    const name = nameOf(catalog, k);
    const score = similarity(written, name);
    if (!best || score > best.score) best = { name, score };
  }
  return best;
}

function unknownMessage(ctx: RuleContext, written: string, place: Place): string {
  const keys = candidates(ctx, place);
  const best = closest(ctx.catalog, keys, written);
  const head = `'${written}' is not a judgement name.`;
  if (best && best.score >= 0.25) return `${head} Did you mean '${best.name}'?`;
  if (keys.length === 0) return head;
  return `${head} The judgements are: ${keys.map((k) => `'${nameOf(ctx.catalog, k)}'`).join(', ')}.`;
}

function checkName(ctx: RuleContext, j: JudgementRef, place: Place): void {
  const { catalog, model } = ctx;
  const era = model.era;
  if (!j.key) {
    ctx.report({ span: j.nameSpan, message: unknownMessage(ctx, j.nameText, place) });
    return;
  }
  const key = resolveKey(catalog, era, j.key) ?? j.key;
  if (era && !eraKeys(era).has(key)) {
    ctx.report({ span: j.nameSpan, message: wrongEraMessage(catalog, era, key, j.nameText) });
    return;
  }
  if (j.exact) return;
  const exact = nameOf(catalog, key);
  if (j.nameText === exact) return;
  ctx.report({
    span: j.nameSpan,
    severity: 'warning',
    message: `Write the judgement's exact name: '${exact}'${hint(j.nameText, exact)}.`,
    fix: { title: `Replace with '${exact}'`, edits: [{ ...j.nameSpan, newText: exact }] },
  });
}

/** What differs, in words, for the variants domain.md lists. */
function hint(written: string, exact: string): string {
  const w = normalise(written);
  const e = normalise(exact);
  if (/\s(is|are)$/.test(w)) return ' (no verb before the colon)';
  if (/\bexperience\b/.test(w) && /\bexperiences\b/.test(e)) return " ('experiences', plural)";
  if (e.includes('social work practice') && !w.includes('social work practice')) return " ('social work practice')";
  if (w === e) return ' (capitals as shown)';
  return '';
}

function wrongEraMessage(catalog: Catalog, era: Era, key: string, written: string): string {
  const all = erasWith(catalog, key);
  const same = all.filter((e) => e.framework === era.framework);
  const used = same.length > 0 ? same : all;
  let when = '';
  if (used.length > 0) {
    const fw = used[0].framework === era.framework ? '' : `${used[0].framework.toUpperCase()} `;
    const windows = used.filter((e) => e.framework === used[0].framework).map((e) => eraWindow(catalog, e));
    when = ` (it belongs to ${fw}${windows.length === 1 ? windows[0] : mergeWindows(windows)})`;
  }
  return `'${written}' is not a judgement for ${eraWindow(catalog, era)}${when}. `
    + `The judgements for this inspection are: ${shortList(catalog, era.table)}.`;
}

/** 'inspections starting 1 January 2018 to 15 January 2023' + '... 16 January 2023 to 31 March 2026' -> one window. */
function mergeWindows(windows: string[]): string {
  const first = /^inspections starting (?:from )?(.+?)(?: to .+)?$/.exec(windows[0]);
  const last = / to (.+)$/.exec(windows[windows.length - 1]);
  if (!first) return windows.join(' and ');
  return last ? `inspections starting ${first[1]} to ${last[1]}` : `inspections starting from ${first[1]}`;
}

/** `## <name>: <grade>` where the name is unknown but the grade is a grade. */
function checkUnknownHeading(ctx: RuleContext, s: Section): void {
  if (s.heading.level < 2) return;
  const text = s.heading.text;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return;
  const grade = text.slice(colon + 1).trim();
  if (!grade || !looksLikeGrade(ctx.catalog, grade)) return;
  const raw = text.slice(0, colon);
  const name = raw.trim();
  if (!name) return;
  const start = s.heading.textSpan.start + (raw.length - raw.trimStart().length);
  ctx.report({ span: { start, end: start + name.length }, message: unknownMessage(ctx, name, 'heading') });
}

/** From 2021 a judgement heading is `<name>: <grade>`, not the older sentence. */
function checkSentenceForm(ctx: RuleContext, s: Section, j: JudgementRef): void {
  if (j.form !== 'sentence' || !modernHeadings(ctx.model)) return;
  const grade = canonicalGrade(ctx.catalog, gradesFor(ctx.catalog, ctx.model), j.gradeText);
  const message = 'From 2021 a judgement section heading is written \'<judgement>: <grade>\', not as a sentence.';
  if (!grade) {
    ctx.report({ span: s.heading.textSpan, severity: 'warning', message });
    return;
  }
  const newText = `${j.nameText}: ${grade.toLowerCase()}`;
  ctx.report({
    span: s.heading.textSpan,
    severity: 'warning',
    message,
    fix: { title: `Rewrite as '${newText}'`, edits: [{ ...s.heading.textSpan, newText }] },
  });
}
