import type { Rule } from './types';

// STUB: to be written (see docs/rules/required-sections.md).
export const requiredSections: Rule = {
  id: 'required-sections',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
