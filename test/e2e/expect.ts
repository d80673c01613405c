// What the scenarios expect, worked out from the project itself: the planted
// mistakes (test/fixtures/examples-expected.json), the CLI's JSON for a file on
// disk (the editor must show what the command line reports), the core's fixes,
// and the snippets the language server offers.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { SettingsFinder } from '../../server/src/config/find';
import { applyEdits } from '../../server/src/core/edits';
import { expandSnippet, SNIPPETS } from '../../server/src/features/snippets';
import { fixAll } from '../../server/src/fix';
import { loadBuiltinData } from '../../server/src/io/builtinData';
import { nodeSettingsFiles } from '../../server/src/io/files';
import { EXPECTED, ROOT } from './paths';

export interface Planted {
  file: string;
  line: number;
  ruleId: string;
  text: string;
  anyLine?: boolean;
  what: string;
}

export function planted(): Planted[] {
  return JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Planted[];
}

export interface CliDiagnostic {
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
  fix: string | null;
}

/** `inspection-reports check --format json <file>` with the built CLI (dist/cli.js). */
export function cliCheck(file: string): CliDiagnostic[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--exit-zero', file], {
      encoding: 'utf8', timeout: 60_000, cwd: path.dirname(file),
    });
  } catch (e) {
    throw new Error(`the CLI could not check ${file}: ${(e as Error).message}`);
  }
  return JSON.parse(out) as CliDiagnostic[];
}

export const key = (d: { ruleId?: string; code?: string; line: number; column: number; severity: string }) =>
  `${d.line}:${d.column} ${d.severity} ${d.ruleId ?? d.code}`;

const data = loadBuiltinData();
const finder = () => new SettingsFinder(data, nodeSettingsFiles);

function options(file: string) {
  const s = finder().forDocument(file);
  return { data, profiles: s.profiles, config: s.config };
}

/** The text after applying the fix of one diagnostic (rule, 1-based line), as the core makes it. */
export function textAfterFix(file: string, text: string, ruleId: string, line: number): { text: string; title: string } {
  const d = checkText(text, file, options(file)).diagnostics.find((x) => x.ruleId === ruleId && x.range.start.line === line - 1 && x.fix);
  if (!d || !d.fix) throw new Error(`the core offers no ${ruleId} fix at line ${line} of ${file}`);
  return { text: applyEdits(text, d.fix.edits).text, title: d.fix.title };
}

/** The text after fixing everything, as the core's fixAll makes it. */
export function textAfterFixAll(file: string, text: string): string {
  return fixAll(text, file, options(file)).text;
}

/** How many diagnostics the core gives for a text placed at `file` (for plain-Markdown sanity checks). */
export function coreCount(file: string, text: string): number {
  return checkText(text, file, options(file)).diagnostics.length;
}

export interface SnippetInfo {
  name: string;
  prefix: string;
  body: string;
  /** The text the snippet inserts when every tab stop keeps its default (a choice's first option). */
  expanded: string;
}

/**
 * The judgement table snippets: since issue 12 the language server offers the
 * `ir-` snippets (server/src/features/snippets.ts reads snippets/*.json), so the
 * manifest no longer contributes them.
 */
export function tableSnippets(): SnippetInfo[] {
  return SNIPPETS.filter((s) => s.body.startsWith('|') && s.prefixes.some((p) => p.startsWith('ir-table')))
    .map((s) => ({ name: s.name, prefix: s.prefixes.find((p) => p.startsWith('ir-'))!, body: s.body, expanded: expandSnippet(s.body) }));
}
