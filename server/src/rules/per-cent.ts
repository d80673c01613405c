import type { Rule } from './types';

// STUB: to be written (see docs/rules/per-cent.md).
export const perCent: Rule = {
  id: 'per-cent',
  summary: 'TODO',
  defaultSeverity: 'warning',
  fixable: false,
  check() {
    // not yet written
  },
};
