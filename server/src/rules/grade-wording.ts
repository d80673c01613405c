import type { Span } from '../core/types';
import { blockSpan, normalise } from '../model/text';
import type { JudgementRef } from '../model/types';
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
    const year = Number((model.inspection?.start ?? model.documentDate ?? '9999').slice(0, 4));
    for (const s of model.sections) {
      if (!s.judgement || !s.judgement.gradeText) continue;
      const form = s.judgement.form === 'sentence' || year >= 2021 ? 'lower' : 'either';
      checkGrade(ctx, s.judgement, grades, fw, form);
    }
    checkRunningText(ctx, fw);
  },
};

type Place = 'table' | 'lower' | 'either';

function frameworkOf(ctx: RuleContext): string {
  return ctx.model.era?.framework ?? ctx.model.profile?.framework ?? 'ilacs';
}

function gradeSet(ctx: RuleContext): string[] {
  const key = ctx.model.era?.grades ?? (frameworkOf(ctx) === 'sif' ? 'sif' : 'ilacs');
  return ctx.catalog.grades[key] ?? ctx.catalog.grades.ilacs ?? [];
}

/** The phrase the author meant, in sentence case, or undefined when we cannot tell. */
export function intendedGrade(catalog: Catalog, grades: string[], written: string): string | undefined {
  // 'require improvement': the verb of a sentence-form heading agreeing with a plural subject.
  const n = normalise(written).replace(/^['‘"“]+|['’"”]+$/g, '').replace(/^require improvement\b/, 'requires improvement');
  const exact = grades.find((g) => g.toLowerCase() === n);
  if (exact) return exact;
  // 'requires improvement' vs 'requires improvement to be good' across frameworks.
  if (n === 'requires improvement' || n === 'requires improvement to be good') {
    return grades.find((g) => g.toLowerCase().startsWith('requires improvement'));
  }
  if (Object.prototype.hasOwnProperty.call(catalog.notGrades, n)) {
    const meant = catalog.notGrades[n];
    return meant ? grades.find((g) => g.toLowerCase() === meant.toLowerCase()) : undefined;
  }
  return undefined;
}

function checkGrade(ctx: RuleContext, j: JudgementRef, grades: string[], fw: string, place: Place): void {
  const written = j.gradeText;
  const meant = intendedGrade(ctx.catalog, grades, written);
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

/** "judged Inadequate", "graded requires improvement" and the like in prose. */
const RUNNING = /\b(judged|graded|rated|judgement of|grade of|judged to be|found to be)\s+(?:as\s+)?['‘"“]?(outstanding|good|requires improvement(?: to be good)?|inadequate|adequate|exceptional|strong standard|expected standard|needs attention|urgent improvement)\b/gi;

function checkRunningText(ctx: RuleContext, fw: string): void {
  // The grades of every era of the report's framework: a SIF report quotes the
  // earlier inspections' 'adequate' ("the local authority was judged to be adequate").
  const ownGrades = new Set(ctx.catalog.eras.filter((e) => e.framework === fw).flatMap((e) => ctx.catalog.grades[e.grades] ?? []).map((g) => g.toLowerCase()));
  for (const block of ctx.model.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    for (const m of block.text.matchAll(RUNNING)) {
      const at = (m.index ?? 0) + m[0].length - m[2].length;
      const span: Span = blockSpan(block.offsets, at, at + m[2].length);
      const word = m[2];
      const lower = word.toLowerCase();
      if (Object.prototype.hasOwnProperty.call(ctx.catalog.notGrades, lower) && lower !== 'requires improvement' && !ownGrades.has(lower)) {
        const message = fw === 'ilacs'
          ? `'${word}' is not an ILACS grade (grades: outstanding, good, requires improvement to be good, inadequate).`
          : `'${word}' is not a grade (grades: ${gradeSet(ctx).map((g) => g.toLowerCase()).join(', ')}).`;
        ctx.report({ span, severity: 'warning', message });
        continue;
      }
      if (lower === 'requires improvement' && fw === 'ilacs') {
        // May quote an older (SIF) judgement: a warning, with the ILACS phrase offered.
        const want = 'requires improvement to be good';
        ctx.report({
          span,
          severity: 'warning',
          message: "The ILACS grade is 'requires improvement to be good'; 'requires improvement' alone was the earlier framework's grade.",
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
