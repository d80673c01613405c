// What the scenarios expect, worked out from the project itself: the planted
// mistakes (test/fixtures/examples-expected.json), the CLI's JSON for a file on
// disk (the editor must show what the command line reports), the core's fixes,
// and the snippets the manifest contributes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { SettingsFinder } from '../../server/src/config/find';
import { applyEdits } from '../../server/src/core/edits';
import { fixAll } from '../../server/src/fix';
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

const finder = () => new SettingsFinder();

function options(file: string) {
  const s = finder().forDocument(file);
  return { profiles: s.profiles, config: s.config };
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

/** Expands a snippet body with each placeholder's default and each choice's first option. */
export function expandSnippet(body: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (from: number): [string, number] => {
    let depth = 1;
    let j = from;
    let s = '';
    while (j < body.length && depth > 0) {
      const c = body[j];
      if (c === '\\' && j + 1 < body.length) { s += c + body[j + 1]; j += 2; continue; }
      if (c === '{' && body[j - 1] === '$') depth++;
      if (c === '}') { depth--; if (depth === 0) break; }
      s += c;
      j++;
    }
    return [s, j + 1];
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\|,'.includes(body[i + 1])) { out += body[i + 1]; i += 2; continue; }
    if (c === '$') {
      const m = /^\$(\d+)/.exec(body.slice(i));
      if (m) { i += m[0].length; continue; }
      if (body[i + 1] === '{') {
        const [inner, next] = readUntilClose(i + 2);
        i = next;
        const choice = /^\d+\|((?:\\.|[^,|])*)/.exec(inner);
        const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
        if (choice) out += choice[1].replace(/\\(.)/g, '$1');
        else if (placeholder) out += expandSnippet(placeholder[1]);
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** The judgement table snippets package.json contributes for Markdown. */
export function tableSnippets(manifest: Record<string, unknown>): SnippetInfo[] {
  const contributes = (manifest.contributes ?? {}) as { snippets?: { language?: string; path: string }[] };
  const out: SnippetInfo[] = [];
  for (const s of contributes.snippets ?? []) {
    if (s.language && s.language !== 'markdown') continue;
    const file = path.join(ROOT, s.path);
    if (!fs.existsSync(file)) continue;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    for (const [name, snip] of Object.entries(data)) {
      const prefixes = Array.isArray(snip.prefix) ? snip.prefix : [snip.prefix];
      const body = Array.isArray(snip.body) ? snip.body.join('\n') : snip.body;
      const prefix = prefixes.find((p) => !/\s/.test(p)) ?? prefixes[0];
      if (!/table/i.test(`${name} ${prefixes.join(' ')}`) || !/^\|/.test(body)) continue;
      out.push({ name, prefix, body, expanded: expandSnippet(body) });
    }
  }
  return out;
}
