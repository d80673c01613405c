import { checkLinks } from '../history/linkCheck';
import type { Rule } from './types';

/** Links to earlier findings point at a file that exists, is a report, and has that finding (dialect.md). */
export const findingLinks: Rule = {
  id: 'finding-links',
  summary: 'A link to an earlier finding points at a file that exists, is a report, and has that finding.',
  defaultSeverity: 'error',
  severityNote: 'error (a file that is not a report: warning)',
  fixable: false,
  needsHistory: true,
  check(ctx) {
    const h = ctx.history;
    if (!h) return;
    for (const p of checkLinks(h.index, h.report, { fileExists: h.fileExists })) {
      ctx.report({ span: p.span, message: p.message, severity: p.severity });
    }
  },
};
