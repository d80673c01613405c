import type { Rule } from './types';

// STUB: to be written (see docs/rules/judgement-consistency.md).
export const judgementConsistency: Rule = {
  id: 'judgement-consistency',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
