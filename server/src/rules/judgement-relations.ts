import type { TableRow } from '../model/types';
import { canonicalGrade, gradeRank, gradesFor, nameOf, shortOf } from './judgement-sets';
import type { RuleContext } from './types';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The relations between the grades in the judgement table, part of
 * judgement-consistency. Source: ../shared/domain.md, "How the judgements relate
 * (observed in 307 ILACS reports with an overall grade)". Relations with no
 * exception are errors; the others are warnings, as the facts are observed.
 */
export function checkRelations(ctx: RuleContext, rows: Map<string, TableRow>): void {
  const { model, catalog } = ctx;
  const era = model.era;
  if (!era?.overall) return;
  const overallRow = rows.get(era.overall);
  if (!overallRow?.judgement) return;
  const grades = gradesFor(catalog, model);
  const rank = (key: string) => {
    const g = rows.get(key)?.judgement?.gradeText;
    return g ? gradeRank(grades, canonicalGrade(catalog, grades, g)) : 0;
  };
  const o = rank(era.overall);
  if (o === 0) return;
  const worst = 1;
  const best = grades.length;
  const span = overallRow.judgement.gradeSpan.end > overallRow.judgement.gradeSpan.start ? overallRow.judgement.gradeSpan : overallRow.span;
  const name = (r: number) => grades[grades.length - r] ?? '?';
  // The judgements' names as the catalogue gives them ('Overall effectiveness', 'leaders').
  const overall = nameOf(catalog, era.overall);
  const Overall = capital(overall);
  const lower = overall.toLowerCase();
  const others = era.table.filter((k) => k !== era.overall && rank(k) > 0);
  const practiceInadequate = era.practice.filter((k) => rank(k) === worst);

  // Errors: no exception in the published reports.
  if (practiceInadequate.length > 0 && o !== worst) {
    ctx.report({
      span,
      message: `'${shortOf(catalog, practiceInadequate[0])}' is judged ${name(worst).toLowerCase()}, so ${lower} must be ${name(worst).toLowerCase()} too.`,
    });
    return;
  }
  if (o === worst && others.length > 0 && !others.some((k) => rank(k) === worst)) {
    ctx.report({ span, message: `${Overall} is ${name(worst).toLowerCase()}, but no other judgement is; at least one must be.` });
    return;
  }
  if (others.length > 0) {
    const top = Math.max(...others.map(rank));
    const bottom = Math.min(...others.map(rank));
    if (o > top) {
      ctx.report({ span, message: `${Overall} ('${name(o)}') is better than the best of the other judgements ('${name(top)}').` });
      return;
    }
    if (o < bottom) {
      ctx.report({ span, message: `${Overall} ('${name(o)}') is worse than the worst of the other judgements ('${name(bottom)}').` });
      return;
    }
  }

  // Warnings: what published reports show, with exceptions or too few to be sure.
  if (!era.leaders) return;
  const l = rank(era.leaders);
  const leaders = shortOf(catalog, era.leaders);
  if (l === 0) return;
  if (l === worst && o !== worst) {
    ctx.report({
      span,
      severity: 'warning',
      message: `${capital(leaders)} are judged ${name(worst).toLowerCase()} but ${lower} is not; in published reports ${lower} was ${name(worst).toLowerCase()} in 25 of 28 such cases. Check the grades.`,
    });
    return;
  }
  if (o === best && l !== best) {
    ctx.report({
      span,
      severity: 'warning',
      message: `${Overall} is ${name(best).toLowerCase()} but ${leaders} are not; every published report with an ${name(best).toLowerCase()} overall grade (71 of 71) also judged ${leaders} ${name(best).toLowerCase()}.`,
    });
    return;
  }
  if (o === best - 1 && l < best - 1) {
    ctx.report({
      span,
      severity: 'warning',
      message: `${Overall} is ${name(o).toLowerCase()} but ${leaders} are judged ${name(l).toLowerCase()}; every published report with a ${name(o).toLowerCase()} overall grade (126 of 126) judged ${leaders} ${name(o).toLowerCase()} or better.`,
    });
  }
}
