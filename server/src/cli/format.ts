import type { Diagnostic, Severity } from '../core/types';
import { allRules } from '../rules/index';

export interface FileResult {
  /** Path as the user should see it (relative to the working folder). */
  file: string;
  diagnostics: Diagnostic[];
  /** For a Word draft: where a line of the Markdown it imports to came from (a paragraph, quoted). */
  place?: (line: number) => { text: string; paragraph?: number; quote?: string };
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
  reports: number;
  files: number;
}

export function countTotals(results: FileResult[], files: number): Totals {
  const t: Totals = { error: 0, warning: 0, info: 0, reports: results.length, files };
  for (const r of results) for (const d of r.diagnostics) t[d.severity]++;
  return t;
}

/** `path:line:column severity rule-id message`, 1-based; a Word draft: `path: paragraph 14 ("...") severity rule-id message`. */
export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (r.place) lines.push(`${r.file}: ${r.place(d.range.start.line).text} ${d.severity} ${d.ruleId} ${d.message}`);
      else lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`);
    }
  }
  return lines.join('\n');
}

export function summaryLine(t: Totals): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info in ${plural(t.reports, 'report')} (${plural(t.files, 'file')} read)`;
}

export function formatJson(results: FileResult[]): string {
  const out = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      out.push({
        file: r.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
        fix: d.fix ? d.fix.title : null,
        // A Word draft: line and column are in the Markdown it imports to; the paragraph is in the document.
        ...(r.place ? (({ paragraph, quote }) => ({ paragraph: paragraph ?? null, quote: quote ?? null }))(r.place(d.range.start.line)) : {}),
      });
    }
  }
  return JSON.stringify(out, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as code-scanning tools read it. */
export function formatSarif(results: FileResult[], version: string): string {
  const rules = allRules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    helpUri: `docs/rules/${r.id}.md`,
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      sarifResults.push({
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
        level: SARIF_LEVEL[d.severity],
        // A Word draft has no lines: the paragraph goes in the message and the region is left out.
        message: { text: r.place ? `${r.place(d.range.start.line).text}: ${d.message}` : d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.file.split('\\').join('/') },
            ...(r.place ? {} : {
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            }),
          },
        }],
      });
    }
  }
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'inspection-reports', version, informationUri: 'README.md', rules } }, results: sarifResults }],
  }, null, 2);
}
