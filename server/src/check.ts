import { defaultConfig, type Config } from './config/config';
import type { Diagnostic, Severity } from './core/types';
import { parseReport } from './model/parse';
import type { DisableDirective, ReportModel } from './model/types';
import type { BuiltinData } from './profiles/data';
import type { ProfileSet } from './profiles/types';
import { allRules } from './rules/index';
import type { HistoryContext, Report, Rule, RuleContext } from './rules/types';

export interface CheckOptions {
  /** The built-in data, loaded once at the edge (io/builtinData.ts). */
  data: BuiltinData;
  /** The document's profiles: the built-in ones with its settings' `kinds:` merged in. Default: `data.profiles`. */
  profiles?: ProfileSet;
  config?: Config;
  /** Rules to run; all by default. */
  rules?: readonly Rule[];
  /** The history of reports, for the rules that need it; without it they do not run. */
  history?: HistoryContext;
}

export interface CheckResult {
  model: ReportModel;
  diagnostics: Diagnostic[];
}

/** Parses and checks one document's text (see checkDocument). Never throws. */
export function checkText(text: string, uri: string, options: CheckOptions): CheckResult {
  const model = parseReport(text, uri, options.profiles ?? options.data.profiles);
  return { model, diagnostics: checkDocument(model, options) };
}

/** Whether a rule runs on this document: switched on, its history there if it needs one, no drafting advice on a record. */
export function ruleRuns(rule: Rule, config: Config, history: HistoryContext | undefined): boolean {
  if (config.rules[rule.id] === 'off') return false;
  if (rule.needsHistory && !history) return false;
  if (rule.drafting && history?.record) return false;
  return true;
}

/**
 * The one pipeline every front end runs (the CLI's check and links, the
 * editor, the workspace check, fix all): parse problems under their rule ids,
 * every rule that runs here (a throwing rule becomes one `internal-error`
 * diagnostic), severities from settings, disable comments, sort. Never throws.
 */
export function checkDocument(model: ReportModel, options: CheckOptions): Diagnostic[] {
  if (!model.isReport) return [];
  const config = options.config ?? defaultConfig();
  const rules = options.rules ?? allRules;
  const out: Diagnostic[] = [];
  const severityOf = (ruleId: string, wanted: Severity | undefined, fallback: Severity): Severity | undefined => {
    const setting = config.rules[ruleId];
    if (setting === 'off') return undefined;
    return setting ?? wanted ?? fallback;
  };
  const push = (ruleId: string, r: Report, fallback: Severity) => {
    const severity = severityOf(ruleId, r.severity, fallback);
    if (!severity) return;
    const span = clampSpan(r.span, model.text.length);
    out.push({ ruleId, severity, message: r.message, span, range: model.lines.range(span), fix: r.fix, alternatives: r.alternatives, related: r.related });
  };
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const p of model.problems) {
    push(p.ruleId, { span: p.span, message: p.message }, byId.get(p.ruleId)?.defaultSeverity ?? 'error');
  }
  for (const rule of rules) {
    if (!ruleRuns(rule, config, options.history)) continue;
    const ctx: RuleContext = {
      model,
      catalog: (options.profiles ?? options.data.profiles).catalog,
      data: options.data,
      config,
      history: options.history,
      report: (r) => push(rule.id, r, rule.defaultSeverity),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      push('internal-error', { span: { start: 0, end: 0 }, message: `Rule ${rule.id} failed on this file and was skipped: ${(e as Error).message}` }, 'error');
    }
  }
  const kept = filterDisabled(model, out);
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  return kept;
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start, end };
}

/** Applies the dialect's disable / enable / disable-next-line comments. */
export function filterDisabled(model: ReportModel, diagnostics: Diagnostic[]): Diagnostic[] {
  if (model.disables.length === 0) return diagnostics;
  // A disable comment that is the first thing after the front matter covers the front matter too.
  const bodyStart = model.frontMatter ? nextContentLine(model, model.lines.lineOf(model.frontMatter.span.end)) : -1;
  const directives = model.disables
    .map((d) => (d.kind === 'disable' && d.line === bodyStart ? { ...d, line: 0 } : d))
    .sort((a, b) => a.line - b.line);
  return diagnostics.filter((d) => !isDisabled(directives, d.ruleId, d.range.start.line, model));
}

function applies(d: DisableDirective, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

function isDisabled(directives: DisableDirective[], ruleId: string, line: number, model: ReportModel): boolean {
  let off = false;
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      if (applies(d, ruleId) && nextContentLine(model, d.line) === line) return true;
      continue;
    }
    if (d.line > line) break;
    if (!applies(d, ruleId)) continue;
    // A directive on the same line as the finding (an inline comment) covers it too.
    off = d.kind === 'disable';
  }
  return off;
}

/** The line a disable-next-line comment covers: the next line that is not blank. */
function nextContentLine(model: ReportModel, line: number): number {
  let n = line + 1;
  while (n < model.lines.lineCount && model.lines.line(n).trim() === '') n++;
  return n;
}
