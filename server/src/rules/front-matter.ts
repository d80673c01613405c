import type { Rule } from './types';

// STUB: to be written (see docs/rules/front-matter.md).
export const frontMatter: Rule = {
  id: 'front-matter',
  summary: 'TODO',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    // not yet written
  },
};
