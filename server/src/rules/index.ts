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
import { findingLinks } from './finding-links';
import { recurringConcern } from './recurring-concern';
import { quotedGrade } from './quoted-grade';
import type { Diagnostic } from '../core/types';
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
  // Rules that need the history of reports (ctx.history); without one they do not run.
  findingLinks,
  recurringConcern,
  quotedGrade,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

/** A diagnostic whose fix "fix all" may apply: it has one, and its rule's fixes are not suggestions to choose from. */
export function hasMechanicalFix(d: Diagnostic): boolean {
  return !!d.fix && !ruleById(d.ruleId)?.suggestedFixes;
}
