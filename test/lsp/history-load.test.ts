import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { StatsResult } from '../../server/src/lsp/protocol';
import { generateDraft, generateHistory } from '../history/generate';
import { ensureBuilt, fileUri, LspClient } from './client';
import { eventually, historyReady } from './historyWorkspace';

/**
 * The history's folders: read in the background (diagnostics do not wait),
 * from `history:` in the settings file (relative to it) and the editor's
 * `inspectionReports.history` (relative to the workspace folder), both outside
 * the workspace, and watched there with relative patterns.
 */
describe('language server: history folders, loaded in the background', function () {
  let base: string;
  let ws: string;
  const COUNT = 1200;

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-history-load-'));
    ws = path.join(base, 'workspace');
    fs.mkdirSync(path.join(ws, 'drafts'), { recursive: true });
    // A generated history of COUNT reports outside the workspace, named by the settings file.
    for (const r of generateHistory(COUNT)) {
      const file = path.join(base, 'archive', r.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, r.text);
    }
    fs.writeFileSync(path.join(ws, '.inspection-reports.yaml'), 'history:\n  - ../archive\n');
    // A second folder, named by the editor's setting only: one more report of the same authority.
    const extra = generateHistory(COUNT)[0];
    fs.mkdirSync(path.join(base, 'more'), { recursive: true });
    fs.writeFileSync(path.join(base, 'more', 'extra.md'), extra.text.replace(/^inspection-dates: (\d{4})/m, (_m, y) => `inspection-dates: ${y}`));
  });

  after(() => {
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('publishes diagnostics before the history has loaded, then adds what the history knows', async function () {
    this.timeout(60_000);
    const client = new LspClient({ workspaceFolders: [ws], settings: { debounce: 0, history: ['../more'] }, relativePatterns: true });
    try {
      await client.initialize();
      const draft = generateDraft();
      const uri = fileUri(path.join(ws, 'drafts', 'draft.md'));
      const t0 = performance.now();
      client.open(uri, draft.text);
      const first = await client.current(uri, 10_000);
      const firstMs = performance.now() - t0;
      const during = await client.request<StatsResult>('inspectionReports/stats', {});
      assert.strictEqual(during.history?.state, 'loading', `the history was ready after ${firstMs.toFixed(0)} ms`);
      assert.ok(!first.diagnostics.some((d) => d.code === 'recurring-concern'), 'no history diagnostics before the history');
      const ready = await historyReady(client, 60_000);
      assert.strictEqual(ready.reports, COUNT + 2, 'the archive, the extra folder and the draft');
      assert.deepStrictEqual([...ready.roots].sort(), [path.join(base, 'archive'), path.join(base, 'more'), ws].sort());
      const later = await eventually('recurring concerns', () => client.current(uri), (p) => p.diagnostics.some((d) => d.code === 'recurring-concern'), 10_000);
      assert.ok(later.version === first.version, 'the same version, published again with the history');
      // Hover on the first numbered paragraph: the generated authority's earlier findings.
      const line = draft.text.split('\n').findIndex((l) => l.startsWith('1. '));
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
      assert.match((h?.contents as MarkupContent | undefined)?.value ?? '', /\*\*Earlier findings\*\*/);
      // Watched: the workspace, and each folder outside it as a relative pattern.
      const watch = JSON.stringify(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').map((r) => r.registerOptions));
      assert.match(watch, /"globPattern":"\*\*\/\*\.\{md,markdown\}"/);
      assert.ok(watch.includes(JSON.stringify({ baseUri: fileUri(path.join(base, 'archive')), pattern: '**/*.{md,markdown}' })), watch);
      assert.ok(watch.includes(JSON.stringify({ baseUri: fileUri(path.join(base, 'more')), pattern: '**/*.{md,markdown}' })), watch);
      console.log(`      (first diagnostics ${firstMs.toFixed(0)} ms after opening; ${COUNT + 2} reports indexed in ${ready.loadMs} ms)`);
    } finally {
      await client.stop();
    }
  });

  it("reads the folders an open report's own settings file names (relative to that file)", async function () {
    this.timeout(60_000);
    const ws2 = path.join(base, 'workspace2');
    fs.mkdirSync(path.join(ws2, 'nested', 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(ws2, 'nested', '.inspection-reports.yaml'), 'history: [../../more]\n');
    const client = new LspClient({ workspaceFolders: [ws2], settings: { debounce: 0 } });
    try {
      await client.initialize();
      assert.strictEqual((await historyReady(client)).reports, 0);
      const uri = fileUri(path.join(ws2, 'nested', 'drafts', 'draft.md'));
      client.open(uri, generateDraft().text);
      const s = await eventually('the nested settings file\'s folder', () => client.request<StatsResult>('inspectionReports/stats', {}), (x) => !!x.history?.roots.includes(path.join(base, 'more')));
      assert.strictEqual(s.history!.reports, 2, 'the extra report and the open draft');
    } finally {
      await client.stop();
    }
  });

  it('reads the history folders again when the settings name others, without a restart', async function () {
    this.timeout(60_000);
    const client = new LspClient({ workspaceFolders: [ws], settings: { debounce: 0 } });
    try {
      await client.initialize();
      const first = await historyReady(client, 60_000);
      assert.strictEqual(first.reports, COUNT);
      client.changeSettings({ debounce: 0, history: ['../more'] });
      const again = await eventually('the extra folder read', () => client.request<StatsResult>('inspectionReports/stats', {}), (s) => s.history?.state === 'ready' && s.history.reports === COUNT + 1, 60_000);
      assert.ok(again.history!.roots.includes(path.join(base, 'more')));
      // The settings file names no history any more: only the workspace is left.
      fs.writeFileSync(path.join(ws, '.inspection-reports.yaml'), 'rules:\n  per-cent: off\n');
      client.changeSettings({ debounce: 0 });
      client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws, '.inspection-reports.yaml')), type: 2 }] });
      await eventually('the archive dropped', () => client.request<StatsResult>('inspectionReports/stats', {}), (s) => s.history?.state === 'ready' && s.history.reports === 0, 60_000);
    } finally {
      fs.writeFileSync(path.join(ws, '.inspection-reports.yaml'), 'history:\n  - ../archive\n');
      await client.stop();
    }
  });
});
