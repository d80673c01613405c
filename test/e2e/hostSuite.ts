// Runs the extension-host suite (test/vscode/suite, the one @vscode/test-electron
// runs in desktop VS Code) inside code-server instead: the browser workbench is
// asked for extension development mode through its `payload` query, which the
// VS Code server honours when started with enable-smoke-test-driver. The
// extension is loaded from the repository itself (package.json + dist/).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSuite } from '../vscode/run';
import { openBrowser } from './browser';
import { startCodeServer } from './codeServer';
import type { Outcome } from './harness';
import { EXAMPLES, RESULTS, ROOT } from './paths';

interface SuiteResults { failures: number; tests: { title: string; state: string; error?: string }[] }

export async function runHostSuite(timeoutMs = 240_000): Promise<Outcome[]> {
  const t0 = Date.now();
  const suite = await buildSuite();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-e2e-host-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(EXAMPLES, ws, { recursive: true });
  const results = path.join(tmp, 'results.json');
  const server = await startCodeServer({ folder: ws, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  try {
    const remote = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `${remote}${ROOT}`],
      ['extensionTestsPath', `${remote}${suite}`],
      ['extensionEnvironment', JSON.stringify({ IR_VSCODE_RESULTS: results })],
    ];
    browser = await openBrowser(`${server.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const end = Date.now() + timeoutMs;
    while (Date.now() < end && !fs.existsSync(results)) await new Promise((r) => setTimeout(r, 500));
    if (!fs.existsSync(results)) {
      await browser.page.screenshot({ path: path.join(RESULTS, 'FAILED-extension-host-suite.png') }).catch(() => undefined);
      return [{
        name: 'extension-host suite (test/vscode) in code-server', status: 'failed', ms: Date.now() - t0,
        detail: `no results within ${timeoutMs} ms; did development mode start? code-server said:\n${server.log().slice(-3000)}`,
      }];
    }
    const r = JSON.parse(fs.readFileSync(results, 'utf8')) as SuiteResults;
    fs.copyFileSync(results, path.join(RESULTS, 'extension-host-results.json'));
    const ms = Math.round((Date.now() - t0) / Math.max(1, r.tests.length));
    return r.tests.map((t) => ({
      name: `[extension host] ${t.title.replace(/^Inspection Reports in VS Code /, '')}`,
      status: t.state === 'passed' ? 'passed' : t.state === 'pending' ? 'pending' : 'failed',
      ms,
      detail: t.state === 'pending' ? 'the extension lacks this feature yet (the suite skipped it)' : t.error,
    }));
  } finally {
    await browser?.close();
    await server.stop(path.join(RESULTS, 'logs-extension-host'));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
