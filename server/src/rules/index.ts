import { gradeWording } from './grade-wording';
import { judgementNames } from './judgement-names';
import { judgementConsistency } from './judgement-consistency';
import { paragraphNumbering } from './paragraph-numbering';
import { requiredSections } from './required-sections';
import { ungradedVisits } from './ungraded-visits';
import { inspectorTitle } from './inspector-title';
import { abbreviations } from './abbreviations';
import { dates } from './dates';
import { frontMatter } from './front-matter';
import { focusedSpelling } from './focused-spelling';
import { perCent } from './per-cent';
import { ages } from './ages';
import type { Rule } from './types';

/** Every rule, in the order their findings are listed when they tie. One file per rule, named by its id. */
export const allRules: readonly Rule[] = [
  gradeWording,
  judgementNames,
  judgementConsistency,
  paragraphNumbering,
  requiredSections,
  ungradedVisits,
  inspectorTitle,
  abbreviations,
  dates,
  frontMatter,
  focusedSpelling,
  perCent,
  ages,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
