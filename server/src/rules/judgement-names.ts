import type { Rule } from './types';

// STUB: to be written (see docs/rules/judgement-names.md).
export const judgementNames: Rule = {
  id: 'judgement-names',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
