/**
 * The layer rules (ARCHITECTURE.md, "Invariants") as a check over import
 * statements: test/layers.test.ts runs it on server/src.
 */
import * as fs from 'fs';
import * as path from 'path';

const CORE = new Set(['core', 'model', 'profiles', 'config', 'rules', 'history', 'import', 'features', 'domain', 'export']);
/** Files at the top of server/src that belong to the core (server.ts is the language server's entry). */
const CORE_FILES = new Set(['check.ts', 'fix.ts', 'version.ts']);
const FS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

export interface Violation {
  file: string;
  spec: string;
  rule: string;
}

/** Every module specifier a file names: import/export ... from, bare import, import(), require(). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [/\b(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** The layer of a file (a path relative to server/src, forward slashes): its folder, or 'core' for the core's top-level files. */
export function layerOf(rel: string): string {
  const parts = rel.split('/');
  if (parts.length === 1) return CORE_FILES.has(parts[0]) ? 'core' : parts[0];
  return CORE.has(parts[0]) ? 'core' : parts[0];
}

/** The folder under server/src a relative import lands in ('' for a package). */
function targetFolder(rel: string, spec: string): string {
  if (!spec.startsWith('.')) return '';
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
  if (target.startsWith('..')) return '..';
  return target.includes('/') ? target.split('/')[0] : '';
}

/** The imports that break the layer rules, with the file and the import named. */
export function violations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [rel, text] of files) {
    const layer = layerOf(rel);
    for (const spec of importsOf(text)) {
      const folder = targetFolder(rel, spec);
      const bad = (rule: string) => out.push({ file: rel, spec, rule });
      if (layer === 'core') {
        if (folder === 'cli' || folder === 'lsp' || folder === 'io') bad(`the core never imports ${folder}/`);
        else if (/^vscode/.test(spec)) bad('the core never imports vscode or the LSP libraries');
        else if (FS.has(spec)) bad('the core never imports fs (file access is io/, behind core/workspace.ts)');
        else if (folder === '' && spec.startsWith('.') && /(^|\/)server$/.test(spec)) bad('the core never imports the language server (server.ts)');
      } else if (layer === 'lsp') {
        if (folder === 'cli') bad('lsp/ never imports cli/ (what both need is in the core or io/)');
      } else if (layer === 'io') {
        if (folder === 'cli' || folder === 'lsp') bad(`io/ never imports ${folder}/`);
        else if (/^vscode/.test(spec)) bad('io/ never imports vscode or the LSP libraries');
      }
    }
  }
  return out;
}

/** The source files under a folder: path relative to it (forward slashes) -> text. */
export function sourceFiles(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, base, out);
    else if (e.name.endsWith('.ts')) out.set(path.relative(base, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
  }
  return out;
}

/** One line per violation: the file, the import, the rule. */
export const describeViolations = (v: Violation[]): string => v.map((x) => `${x.file} imports '${x.spec}': ${x.rule}`).join('\n');
