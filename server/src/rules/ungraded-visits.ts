import type { Rule } from './types';

// STUB: to be written (see docs/rules/ungraded-visits.md).
export const ungradedVisits: Rule = {
  id: 'ungraded-visits',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
