/**
 * The rules that need the history of reports (server/src/history): they are not
 * in the core registry (rules/index.ts), because `check` on one file has no
 * history to look at; the language server runs them beside the core rules and
 * `inspection-reports links` reports broken links. Their pages are
 * docs/rules/<id>.md like every other rule's.
 */
import type { Severity } from '../core/types';
import { HISTORY_RULES } from '../history/editor';

export interface HistoryRuleInfo {
  id: string;
  summary: string;
  defaultSeverity: Severity;
  /** What the default severity line of the docs page says. */
  severityNote: string;
}

export const historyRules: readonly HistoryRuleInfo[] = [
  {
    id: HISTORY_RULES.links,
    summary: 'A link to an earlier finding points at a file that exists, is a report, and has that finding.',
    defaultSeverity: 'error',
    severityNote: 'error (a file that is not a report: warning)',
  },
  {
    id: HISTORY_RULES.recurring,
    summary: "A finding that matches an earlier report's improvement item says what progress has been made.",
    defaultSeverity: 'info',
    severityNote: 'info',
  },
  {
    id: HISTORY_RULES.quotedGrade,
    summary: 'A grade quoted with its date in a scrutiny report or letter is the grade that inspection gave.',
    defaultSeverity: 'warning',
    severityNote: 'warning (an inspection the history lacks: info)',
  },
];

export function historyRuleById(id: string): HistoryRuleInfo | undefined {
  return historyRules.find((r) => r.id === id);
}

export function isHistoryRule(id: string): boolean {
  return historyRules.some((r) => r.id === id);
}
