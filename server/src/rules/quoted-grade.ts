import { checkQuotedGrades } from '../history/quotedGrades';
import type { Rule } from './types';

/** A grade quoted with its date in a scrutiny report or letter is the grade that inspection gave (domain.md, History). */
export const quotedGrade: Rule = {
  id: 'quoted-grade',
  summary: 'A grade quoted with its date in a scrutiny report or letter is the grade that inspection gave.',
  defaultSeverity: 'warning',
  severityNote: 'warning (an inspection the history lacks: info)',
  fixable: true,
  needsHistory: true,
  suggestedFixes: true,
  check(ctx) {
    const h = ctx.history;
    if (!h) return;
    for (const q of checkQuotedGrades(h.index, h.report)) {
      ctx.report({
        span: q.span,
        message: q.message,
        severity: q.severity,
        fix: q.fix ? { title: q.fix.title, edits: [{ start: q.fix.span.start, end: q.fix.span.end, newText: q.fix.newText }] } : undefined,
        related: q.inspection ? [{ message: q.inspection.label, uri: q.inspection.uri }] : undefined,
      });
    }
  },
};
