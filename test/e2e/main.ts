// The end-to-end suite: a real VS Code (code-server) in Debian's Chromium,
// driven by playwright-core, with the built extension installed. Run it with
// `npm run test:e2e` (scripts/e2e-run.sh), which installs and builds first.
//
// It works on a temporary copy of examples/, binds only to 127.0.0.1, never
// waits without a limit, and stops code-server (by process group) and Chromium
// at the end, also on failure, on a signal, or when the whole run overruns.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeAll, openBrowser, type BrowserSession } from './browser';
import { startCodeServer, stopAll, type CodeServer } from './codeServer';
import type { Ctx } from './context';
import { installInto, type ExtensionInfo } from './extension';
import { runHostSuite } from './hostSuite';
import { runScenarios, summary, withTimeout, type Scenario } from './harness';
import { EXAMPLES, missingPrerequisites, RESULTS } from './paths';
import { diagnosticScenarios } from './scenarios/diagnostics';
import { editingScenarios } from './scenarios/editing';
import { wordScenarios } from './scenarios/word';
import { historyScenarios, prepareIssue12 } from './scenarios/history';
import { Workbench } from './workbench';

const TOTAL_MS = Number(process.env.E2E_TIMEOUT_MS ?? 15 * 60_000);

let server: CodeServer | undefined;
let browser: BrowserSession | undefined;
let ws: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop(path.join(RESULTS, 'logs')).catch(() => undefined);
    await closeAll().catch(() => undefined);
    await stopAll().catch(() => undefined);
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main(): Promise<number> {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(`e2e: cannot run:\n  ${missing.join('\n  ')}`);
    return 2;
  }
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-e2e-examples-'));
  fs.cpSync(EXAMPLES, ws, { recursive: true });
  const folder = ws;
  // Issue 12's workspace (imported seeds in history/, a new draft), beside the examples, before VS Code opens.
  const issue12 = prepareIssue12(folder);
  console.log(issue12.ok ? `e2e: issue 12 workspace: ${issue12.imported.length} reports imported` : `e2e: issue 12 workspace skipped: ${issue12.reason}`);

  const t0 = Date.now();
  let ext: ExtensionInfo | undefined;
  server = await startCodeServer({ folder, prepare: (dir) => { ext = installInto(dir); } });
  console.log(`e2e: code-server on ${server.url} (pid ${server.pid}), extension ${ext!.id} ${ext!.manifest.version}, workspace ${folder}`);
  browser = await openBrowser(`${server.url}?folder=${encodeURIComponent(folder)}`);
  const wb = new Workbench(browser.page, folder);
  const ctx: Ctx = { wb, ws: folder, ext: ext!, shots: RESULTS };
  console.log(`e2e: workbench loading (${Date.now() - t0} ms)`);

  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : undefined;
  const scenarios: Scenario[] = [...diagnosticScenarios(ctx), ...editingScenarios(ctx), ...historyScenarios(ctx, issue12), ...wordScenarios(ctx)]
    .filter((s, i) => i === 0 || !only || only.test(s.name));
  const outcomes = await runScenarios(scenarios, {
    onFailure: async (s) => {
      const name = `FAILED-${s.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
      await withTimeout(wb.screenshot(path.join(RESULTS, `${name}.png`)), 10_000, 'screenshot').catch(() => undefined);
      await wb.page.keyboard.press('Escape').catch(() => undefined);
    },
  });
  // The UI is done with: free the machine before the second code-server starts.
  await browser.close();
  await server.stop(path.join(RESULTS, 'logs'));
  if (!only || only.test('extension host')) {
    console.log('e2e: the extension-host suite (test/vscode/suite) in code-server, development mode');
    const host = await runHostSuite();
    for (const o of host) {
      const mark = o.status === 'passed' ? '✓' : o.status === 'pending' ? '-' : '✗';
      console.log(`  ${mark} ${o.name}${o.status === 'passed' ? '' : `: ${o.status.toUpperCase()}${o.detail ? `: ${o.detail}` : ''}`}`);
    }
    outcomes.push(...host);
  }
  fs.writeFileSync(path.join(RESULTS, 'results.json'), JSON.stringify(outcomes, null, 2));
  console.log(`e2e: ${outcomes.length} scenarios in ${Math.round((Date.now() - t0) / 1000)} s; screenshots and logs in ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
  console.log(summary(outcomes));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`e2e: the run took longer than ${TOTAL_MS} ms: stopping everything`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_MS);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    console.error(`e2e: ${sig}: stopping everything`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .catch((e: unknown) => {
    console.error(`e2e: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return 1;
  })
  .then(async (code) => {
    clearTimeout(watchdog);
    await cleanup();
    process.exit(code);
  });
