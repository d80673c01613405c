import type { Rule } from './types';

// STUB: to be written (see docs/rules/abbreviations.md).
export const abbreviations: Rule = {
  id: 'abbreviations',
  summary: 'TODO',
  defaultSeverity: 'warning',
  fixable: false,
  check() {
    // not yet written
  },
};
