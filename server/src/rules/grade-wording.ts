import type { Span } from '../core/types';
import { blockSpan, normalise } from '../model/text';
import type { JudgementRef } from '../model/types';
import { frameworkName } from '../domain/eras';
import { gradeSetKey, gradeWords, gradesFor, intendedGrade, modernHeadings, phraseAlternation } from '../domain/grades';
import type { Catalog } from '../profiles/types';
import type { Rule, RuleContext } from './types';

/**
 * The four grade phrases, exactly, in the form each place needs.
 * Source: ../shared/domain.md, "Grades" (table, heading by era, running text).
 */
export const gradeWording: Rule = {
  id: 'grade-wording',
  summary: 'Grades use one of the four grade phrases exactly, in the form their place needs.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    if (!model.profile?.graded) return;
    const fw = frameworkOf(ctx);
    // SIF: 'Not judged' (a judgement not made, judgements.yaml notJudged) is no grade, but is worded and cased like one.
    const grades = fw === 'sif' ? [...gradeSet(ctx), ...(ctx.catalog.notJudged ?? [])] : gradeSet(ctx);
    for (const row of model.table?.rows ?? []) {
      if (row.judgement && row.judgement.gradeText) checkGrade(ctx, row.judgement, grades, fw, 'table');
    }
    // Headings from 2021 write the grade in lower case; 2018 to 2020 either case.
    const modern = modernHeadings(model);
    for (const s of model.sections) {
      if (!s.judgement || !s.judgement.gradeText) continue;
      const form = s.judgement.form === 'sentence' || modern ? 'lower' : 'either';
      checkGrade(ctx, s.judgement, grades, fw, form);
    }
    checkRunningText(ctx, fw);
  },
};

/**
 * The wording of `meant` that `written` uses: another wording the framework's own
 * reports printed for it (judgements.yaml, gradeForms: late SIF reports print
 * 'Requires improvement to be good'), in sentence case; else `meant` itself.
 */
function acceptedWording(ctx: RuleContext, written: string, meant: string): string {
  const n = normalise(written).replace(/[.]$/, '');
  const forms = ctx.catalog.gradeForms?.[gradeSetKey(ctx.model)] ?? {};
  return forms[n] === meant ? n.charAt(0).toUpperCase() + n.slice(1) : meant;
}

type Place = 'table' | 'lower' | 'either';

function frameworkOf(ctx: RuleContext): string {
  return ctx.model.era?.framework ?? ctx.model.profile?.framework ?? 'ilacs';
}

function gradeSet(ctx: RuleContext): string[] {
  return gradesFor(ctx.catalog, ctx.model);
}

function checkGrade(ctx: RuleContext, j: JudgementRef, grades: string[], fw: string, place: Place): void {
  const written = j.gradeText;
  const grade = intendedGrade(ctx.catalog, grades, written);
  const meant = grade && acceptedWording(ctx, written, grade);
  const where = place === 'table' ? 'in the judgement table' : 'in a section heading';
  if (!meant) {
    const n = normalise(written);
    const why = Object.prototype.hasOwnProperty.call(ctx.catalog.notGrades, n)
      ? `'${written}' is not a${fw === 'sif' ? '' : 'n ILACS'} grade`
      : `'${written}' is not a grade`;
    ctx.report({ span: j.gradeSpan, message: `${why}. Use one of: ${grades.join(', ')}.` });
    return;
  }
  const want = place === 'lower' ? meant.toLowerCase() : meant;
  if (j.form === 'sentence' && written.replace(/^require\b/, 'requires') === want) return;
  if (written === want || (place === 'either' && (written === meant || written === meant.toLowerCase()))) return;
  let message: string;
  // The case after a heading's colon is observed house style (domain.md, "Grades"), not a rule: a warning.
  let severity: 'warning' | undefined;
  if (normalise(written) !== meant.toLowerCase()) {
    message = `'${written}' is not a${fw === 'sif' ? '' : 'n ILACS'} grade; the grade is '${want}'.`;
  } else if (/[.]$/.test(written.trim())) {
    message = `A grade ${where} has no full stop: write '${want}'.`;
    // After a heading's colon, like the case there, punctuation is observed house style: a warning.
    if (place !== 'table' && j.form === 'colon') severity = 'warning';
  } else if (place === 'table') {
    message = `Grades in the judgement table are in sentence case: write '${want}'.`;
    // An era whose tables printed several cases (the SIF's): observed style, not a rule.
    if (ctx.model.era?.tableCase === 'observed') {
      message = `Grades in the judgement table are usually in sentence case (observed style of the ${fw.toUpperCase()} tables, which vary): write '${want}'.`;
      severity = 'warning';
    }
  } else if (place === 'either') {
    // Before 2021 either case was usual after the colon; anything else (title case) is not.
    message = `A grade after a heading's colon is in sentence case or lower case (observed house style): write '${meant}'.`;
    severity = 'warning';
  } else {
    message = `Grades in section headings from 2021 are lower case after the colon (observed house style): write '${want}'.`;
    severity = 'warning';
  }
  ctx.report({ span: j.gradeSpan, severity, message, fix: { title: `Replace with '${want}'`, edits: [{ ...j.gradeSpan, newText: want }] } });
}

/** "judged Inadequate", "graded requires improvement" and the like in prose: every grade phrase and not-grade word of the catalogue. */
const running = new WeakMap<Catalog, RegExp>();
function runningPattern(catalog: Catalog): RegExp {
  let re = running.get(catalog);
  if (!re) {
    re = new RegExp(String.raw`\b(judged|graded|rated|judgement of|grade of|judged to be|found to be)\s+(?:as\s+)?['‘"“]?(${phraseAlternation(gradeWords(catalog))})\b`, 'gi');
    running.set(catalog, re);
  }
  return re;
}

function checkRunningText(ctx: RuleContext, fw: string): void {
  const grades = gradesFor(ctx.catalog, ctx.model);
  const re = runningPattern(ctx.catalog);
  // The grades of every era of the report's framework: a SIF report quotes the
  // earlier inspections' 'adequate' ("the local authority was judged to be adequate").
  const ownGrades = new Set(ctx.catalog.eras.filter((e) => e.framework === fw).flatMap((e) => ctx.catalog.grades[e.grades] ?? []).map((g) => g.toLowerCase()));
  for (const block of ctx.model.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    for (const m of block.text.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length - m[2].length;
      const span: Span = blockSpan(block.offsets, at, at + m[2].length);
      const word = m[2];
      const lower = word.toLowerCase();
      const inSet = grades.some((g) => g.toLowerCase() === lower) || ownGrades.has(lower);
      if (!inSet && Object.prototype.hasOwnProperty.call(ctx.catalog.notGrades, lower)) {
        const meant = intendedGrade(ctx.catalog, grades, lower);
        if (!meant) {
          ctx.report({ span, severity: 'warning', message: `'${word}' is not a${fw === 'sif' ? '' : 'n ILACS'} grade (grades: ${grades.map((g) => g.toLowerCase()).join(', ')}).` });
          continue;
        }
        // May quote an older (SIF) judgement: a warning, with this framework's phrase offered.
        const want = meant.toLowerCase();
        ctx.report({
          span,
          severity: 'warning',
          message: `The ${frameworkName(fw)} grade is '${want}'; '${lower}' alone was the earlier framework's grade.`,
          fix: { title: `Replace with '${want}'`, edits: [{ ...span, newText: want }] },
        });
        continue;
      }
      if (word !== lower) {
        ctx.report({
          span,
          severity: 'warning',
          message: `Grades in running text are lower case: write '${lower}'.`,
          fix: { title: `Replace with '${lower}'`, edits: [{ ...span, newText: lower }] },
        });
      }
    }
  }
}
