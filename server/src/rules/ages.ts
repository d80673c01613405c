import type { Rule } from './types';

// STUB: to be written (see docs/rules/ages.md).
export const ages: Rule = {
  id: 'ages',
  summary: 'TODO',
  defaultSeverity: 'warning',
  fixable: false,
  check() {
    // not yet written
  },
};
