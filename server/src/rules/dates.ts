import type { Rule } from './types';

// STUB: to be written (see docs/rules/dates.md).
export const dates: Rule = {
  id: 'dates',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
