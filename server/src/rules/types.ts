import type { Config } from '../config/config';
import type { Fix, RelatedInfo, Severity, Span } from '../core/types';
import type { HistoryIndex } from '../history/store';
import type { HistoryReport } from '../history/types';
import type { ReportModel } from '../model/types';
import type { BuiltinData } from '../profiles/data';
import type { Catalog } from '../profiles/types';

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (still overridden by settings). */
  severity?: Severity;
  fix?: Fix;
  /** Fixes to choose between (never applied by fix-all); see Diagnostic.alternatives. */
  alternatives?: Fix[];
  related?: RelatedInfo[];
}

/** The history of reports, as the rules that need it see it (absent when there is no history). */
export interface HistoryContext {
  index: HistoryIndex;
  /** This document in the history's terms (indexed or only prepared against it). */
  report: HistoryReport;
  /**
   * The document is a published record (it sits in a history folder): rules that
   * give drafting advice (`drafting: true`) are not run on it.
   */
  record?: boolean;
  /** Whether a file exists (by uriKey), to tell "no such file" from "not a report" in link checks; undefined while not known yet. */
  fileExists?(key: string): boolean | undefined;
}

export interface RuleContext {
  model: ReportModel;
  catalog: Catalog;
  /** The built-in data (abbreviation allow-list, synonyms, ...): read once at the edge, never by a rule. */
  data: BuiltinData;
  config: Config;
  history?: HistoryContext;
  report(r: Report): void;
}

/**
 * A rule lives in rules/<id>.ts with docs/rules/<id>.md. It reads the model and
 * reports; it never throws on odd input (the checker catches it if it does, and
 * reports an internal error instead of crashing).
 */
export interface Rule {
  id: string;
  /** One line: what the rule checks. */
  summary: string;
  defaultSeverity: Severity;
  /** True when at least some of its findings carry a mechanical fix. */
  fixable: boolean;
  /** Runs only where there is a history of reports (`ctx.history`). */
  needsHistory?: boolean;
  /** Drafting advice, not a defect: not run on published records (reports in history folders). */
  drafting?: boolean;
  /** Its fixes are suggestions to pick one at a time, never applied by "fix all". */
  suggestedFixes?: boolean;
  /** The default severity as its docs page states it, when findings may differ from `defaultSeverity`. */
  severityNote?: string;
  check(ctx: RuleContext): void;
}
