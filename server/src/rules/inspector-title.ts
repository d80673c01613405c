import type { Rule } from './types';

// STUB: to be written (see docs/rules/inspector-title.md).
export const inspectorTitle: Rule = {
  id: 'inspector-title',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
