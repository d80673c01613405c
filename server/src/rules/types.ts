import type { Config } from '../config/config';
import type { Fix, RelatedInfo, Severity, Span } from '../core/types';
import type { ReportModel } from '../model/types';
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

export interface RuleContext {
  model: ReportModel;
  catalog: Catalog;
  config: Config;
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
  check(ctx: RuleContext): void;
}
