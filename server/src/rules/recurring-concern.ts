import { recurringConcerns } from '../history/concerns';
import { linkInsertion } from '../history/linkCheck';
import type { Span } from '../core/types';
import type { ReportModel } from '../model/types';
import type { Rule } from './types';

/**
 * Where a recurring concern is underlined: the paragraph's printed number, or,
 * for a finding without one, its first few words (never the whole paragraph).
 */
function markerSpan(model: ReportModel, finding: Span): Span {
  const numbered = model.numbered.find((p) => p.span.start <= finding.start && finding.start < Math.max(p.span.end, p.span.start + 1));
  if (numbered) return numbered.numberSpan;
  const lineEnd = Math.min(finding.end, model.lines.lineEnd(model.lines.lineOf(finding.start)));
  const words = /^\S+(?:\s+\S+){0,3}/.exec(model.text.slice(finding.start, lineEnd));
  return { start: finding.start, end: words ? finding.start + words[0].length : lineEnd };
}

/**
 * A finding that matches an earlier report's improvement item says what
 * progress has been made (domain.md, History). Drafting advice: not given on
 * published records.
 */
export const recurringConcern: Rule = {
  id: 'recurring-concern',
  summary: "A finding that matches an earlier report's improvement item says what progress has been made.",
  defaultSeverity: 'info',
  fixable: true,
  needsHistory: true,
  drafting: true,
  suggestedFixes: true,
  check(ctx) {
    const h = ctx.history;
    if (!h) return;
    const { model } = ctx;
    for (const c of recurringConcerns(h.index, h.report)) {
      const span = markerSpan(model, c.span);
      const edit = linkInsertion(model.text, h.report, c.findingId, c.earlier);
      ctx.report({
        span,
        message: c.message,
        related: [{ message: `${c.earlier.linkText}: ${c.earlier.excerpt}`, uri: c.earlier.target.uri, range: c.earlier.target.range }],
        fix: edit ? { title: `Link to earlier finding: ${c.earlier.linkText}`, edits: [edit] } : undefined,
      });
    }
  },
};
