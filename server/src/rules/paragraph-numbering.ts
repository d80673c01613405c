import type { Rule } from './types';

// STUB: to be written (see docs/rules/paragraph-numbering.md).
export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
