/**
 * Councils' own papers sometimes misquote the grades they were given
 * (domain.md, "History"). A grade quoted with the month or year of an
 * inspection ("judged inadequate in July 2022") is checked against that
 * inspection's report in the history.
 */
import { formatMonth, MONTHS } from '../core/dates';
import { sameGrade } from '../domain/grades';
import { overallKey } from '../domain/judgements';
import { reportLabel } from './labels';
import { resolveMention } from './resolve';
import type { HistoryIndex } from './store';
import { gradeThen } from './suggest';
import type { GradeQuote, HistoryReport, QuotedGradeProblem } from './types';

function when(q: GradeQuote): string {
  return q.month ? `${MONTHS[q.month - 1]} ${q.year}` : String(q.year);
}

/**
 * Quoted grades that disagree with the inspection they name, or name an
 * inspection the history lacks. Scrutiny reports and letters only.
 */
export function checkQuotedGrades(index: HistoryIndex, report: HistoryReport): QuotedGradeProblem[] {
  const out: QuotedGradeProblem[] = [];
  // Councils' papers and letters quote grades in set phrases ("judged inadequate in July 2022").
  // An inspection report's own account of earlier grades is about parts of services
  // ("adoption services were judged to be good") and is not checked.
  if (report.quotes.length === 0 || report.graded) return out;
  const earlier = index.earlier(report);
  const graded = earlier.filter((r) => r.graded);
  for (const q of report.quotes) {
    const inspection = resolveMention({ kind: 'inspection', span: q.span, line: q.line, text: q.text, year: q.year, month: q.month }, earlier);
    if (!inspection) {
      // Only worth saying when the history has this authority's inspections at all.
      if (graded.length > 0) {
        out.push({
          span: q.span, line: q.line, severity: 'info', quoted: q.grade,
          message: `No inspection of this authority in ${when(q)} is in the history, so the quoted grade '${q.grade}' cannot be checked.`,
        });
      }
      continue;
    }
    // No judgement named: the overall judgement (judgements.yaml, domain/judgements.ts overallKey).
    const judgement = q.judgement ?? overallKey(index.catalogFor(report.uri));
    const then = gradeThen(index, inspection, judgement);
    if (!then) continue;
    if (sameGrade(q.grade, then.grade)) continue;
    const label = reportLabel(inspection);
    const actual = then.grade.toLowerCase();
    const month = inspection.inspection ? formatMonth(inspection.inspection.start) : label;
    out.push({
      span: q.span,
      line: q.line,
      severity: 'warning',
      quoted: q.grade,
      actual: then.grade,
      inspection: { uri: inspection.uri, label },
      message: `The ${label} (${month}) judged ${then.name.charAt(0).toLowerCase()}${then.name.slice(1)} '${actual}', not '${q.grade}'.`,
      fix: { title: `Replace with '${actual}'`, span: q.span, newText: actual },
    });
  }
  return out;
}
