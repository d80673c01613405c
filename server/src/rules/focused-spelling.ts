import type { Rule } from './types';

// STUB: to be written (see docs/rules/focused-spelling.md).
export const focusedSpelling: Rule = {
  id: 'focused-spelling',
  summary: 'TODO',
  defaultSeverity: 'warning',
  fixable: false,
  check() {
    // not yet written
  },
};
