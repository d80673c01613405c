import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { spawnSync } from 'child_process';
import { ensureBuilt, fileUri, LspClient, messageOf, SERVER } from './client';
import { ilacsReport, lineOf, NOT_A_REPORT } from './reports';

const GW = 'grade-wording';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('language server: diagnostics over JSON-RPC', function () {
  let client: LspClient;
  let dir: string;

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-lsp-'));
    client = new LspClient({ workspaceFolders: [dir] });
    await client.initialize();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('advertises its features and watches the settings file', async () => {
    const c2 = new LspClient();
    try {
      const init = await c2.initialize();
      const caps = init.capabilities;
      assert.ok(caps.hoverProvider && caps.foldingRangeProvider && caps.documentSymbolProvider);
      assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.inspectionReports']);
      assert.ok(caps.executeCommandProvider?.commands.includes('inspectionReports.server.fixAll'));
      assert.strictEqual(init.serverInfo?.name, 'inspection-reports');
      // The registration comes after 'initialized'.
      for (let i = 0; i < 50 && !c2.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'); i++) await sleep(20);
      const watch = c2.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watch, 'no file watcher registered');
      assert.match(JSON.stringify(watch.registerOptions), /\*\*\/\.inspection-reports\.yaml/);
    } finally {
      await c2.stop();
    }
  });

  it('publishes diagnostics for an opened report, with the rule id as code and a link to its docs page', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    const text = ilacsReport();
    client.open(uri, text);
    const p = await client.current(uri);
    const gw = p.diagnostics.filter((d) => d.code === GW);
    assert.strictEqual(gw.length, 3, JSON.stringify(p.diagnostics, null, 1));
    const table = gw.find((d) => d.range.start.line === lineOf(text, '| Requires improvement |'))!;
    assert.ok(table, 'no diagnostic on the table grade');
    assert.strictEqual(table.severity, 1);
    assert.strictEqual(table.source, 'inspection-reports');
    const href = table.codeDescription?.href;
    assert.ok(href && href.endsWith('/docs/rules/grade-wording.md'), String(href));
    assert.ok(fs.existsSync(fileURLToPath(href)), `${href} does not exist`);
    assert.strictEqual(text.split('\n')[table.range.start.line].slice(table.range.start.character, table.range.end.character), 'Requires improvement');
    const running = gw.find((d) => d.range.start.line === lineOf(text, 'judged Good'))!;
    assert.strictEqual(running.severity, 2);
    // Every diagnostic's code is a rule id with a docs link, whatever rules run.
    for (const d of p.diagnostics) {
      assert.match(String(d.code), /^[a-z][a-z-]+$/);
    }
    const status = client.statuses.get(uri);
    assert.ok(status, 'no status notification');
    assert.strictEqual(status.kind, 'ilacs');
    assert.strictEqual(status.isReport, true);
    assert.strictEqual(status.errors, p.diagnostics.filter((d) => d.severity === 1).length);
  });

  it('leaves Markdown without `report:` alone', async () => {
    const uri = fileUri(path.join(dir, 'notes.md'));
    client.open(uri, NOT_A_REPORT);
    const p = await client.current(uri);
    assert.deepStrictEqual(p.diagnostics, []);
    assert.strictEqual(client.statuses.get(uri)?.isReport, false);
  });

  it('re-checks after the debounce, and publishes only the latest of a burst of changes', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    const text = ilacsReport();
    client.open(uri, text);
    await client.current(uri);
    const before = client.published.length;
    const started = Date.now();
    let version = 0;
    // Five quick edits, as someone typing.
    for (let i = 0; i < 5; i++) version = client.change(uri, text.replace('| Requires improvement |', `| Requires improvement${' '.repeat(i)} |`));
    const p = await client.current(uri);
    const waited = Date.now() - started;
    assert.strictEqual(p.version, version);
    assert.ok(waited >= 120, `diagnostics came after ${waited} ms, before the 150 ms debounce`);
    await sleep(200);
    const seen = client.published.slice(before).filter((q) => q.uri === uri).map((q) => q.version);
    assert.deepStrictEqual(seen, [version], `published versions: ${seen.join(', ')}`);
  });

  it('checks at once with debounce 0 and follows ranged (incremental) edits', async () => {
    client.changeSettings({ debounce: 0 });
    const uri = fileUri(path.join(dir, 'draft.md'));
    const text = ilacsReport();
    client.open(uri, text);
    await client.current(uri);
    const line = lineOf(text, '| Requires improvement |');
    const col = text.split('\n')[line].indexOf('Requires improvement |') + 'Requires improvement'.length;
    client.edit(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, newText: ' to be good' }]);
    const started = Date.now();
    const p = await client.current(uri);
    assert.ok(Date.now() - started < 120, 'took as long as a debounce');
    assert.ok(!p.diagnostics.some((d) => d.code === GW && d.range.start.line === line), 'the table grade is still reported');
    assert.strictEqual(p.diagnostics.filter((d) => d.code === GW).length, 2);
  });

  it('re-checks open reports when a setting changes (rule off, severity, enable)', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    client.open(uri, ilacsReport());
    const first = await client.current(uri);
    assert.ok(first.diagnostics.some((d) => d.code === GW));
    client.changeSettings({ rules: { [GW]: 'off' } });
    const off = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === GW), 5_000, true);
    assert.ok(off.diagnostics.length < first.diagnostics.length);
    client.changeSettings({ rules: { [GW]: 'info' } });
    const info = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === GW), 5_000, true);
    assert.ok(info.diagnostics.filter((d) => d.code === GW).every((d) => d.severity === 3));
    client.changeSettings({ enable: false });
    const none = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5_000, true);
    assert.deepStrictEqual(none.diagnostics, []);
    assert.strictEqual(client.statuses.get(uri)?.isReport, false);
  });

  it('reads settings pushed by an editor that cannot be asked, and ignores bad values', async () => {
    const c2 = new LspClient({ configuration: false, initializationOptions: { inspectionReports: { rules: { [GW]: 'warning' } } } });
    try {
      await c2.initialize();
      const uri = fileUri(path.join(dir, 'draft.md'));
      c2.open(uri, ilacsReport());
      const p = await c2.current(uri);
      const gw = p.diagnostics.filter((d) => d.code === GW);
      assert.strictEqual(gw.length, 3);
      assert.ok(gw.every((d) => d.severity === 2), 'initializationOptions severity not used');
      assert.strictEqual(c2.configurationRequests.length, 0);
      c2.conn.sendNotification('workspace/didChangeConfiguration', { settings: { inspectionReports: { rules: { [GW]: 'loud' }, debounce: 'soon' } } });
      const back = await c2.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === GW && d.severity === 1), 5_000, true);
      assert.ok(back);
      for (let i = 0; i < 50 && !c2.logs.some((l) => l.includes('inspectionReports.rules.grade-wording')); i++) await sleep(20);
      assert.ok(c2.logs.some((l) => l.includes('inspectionReports.rules.grade-wording must be')), c2.logs.join('\n'));
    } finally {
      await c2.stop();
    }
  });

  it('re-checks when .inspection-reports.yaml changes, and shows its problems on it', async () => {
    const file = path.join(dir, 'draft.md');
    fs.writeFileSync(file, ilacsReport());
    const uri = fileUri(file);
    client.open(uri, ilacsReport());
    await client.current(uri);
    const settingsFile = path.join(dir, '.inspection-reports.yaml');
    fs.writeFileSync(settingsFile, `rules:\n  ${GW}: warning\n`);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(settingsFile), type: 1 }] });
    const p = await client.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === GW) && q.diagnostics.filter((d) => d.code === GW).every((d) => d.severity === 2), 5_000, true);
    assert.strictEqual(p.diagnostics.filter((d) => d.code === GW).length, 3);
    // A broken settings file: defaults, and a diagnostic on the settings file itself.
    fs.writeFileSync(settingsFile, 'rules:\n  grade-wording: sometimes\nbogus: 1\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(settingsFile), type: 2 }] });
    const onSettings = await client.waitForDiagnostics(fileUri(settingsFile), (q) => q.diagnostics.length > 0, 5_000, true);
    assert.ok(onSettings.diagnostics.some((d) => /unknown setting 'bogus'/.test(messageOf(d))), JSON.stringify(onSettings.diagnostics));
    const back = await client.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === GW && d.severity === 1), 5_000);
    assert.ok(back);
  });

  it('clears diagnostics when a report is closed', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    client.open(uri, ilacsReport());
    await client.current(uri);
    client.close(uri);
    const p = await client.waitForDiagnostics(uri, (q) => q.diagnostics.length === 0, 5_000, true);
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('stays up on odd input: unknown documents, a binary-looking text, an empty file', async () => {
    const uri = fileUri(path.join(dir, 'odd.md'));
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.strictEqual(h, null);
    client.open(uri, '---\nreport: ilacs\n---\n\u0000\u0001 | | |\n## : :\n1) 1.\n');
    const p = await client.current(uri);
    assert.ok(Array.isArray(p.diagnostics));
    const empty = fileUri(path.join(dir, 'empty.md'));
    client.open(empty, '');
    assert.deepStrictEqual((await client.current(empty)).diagnostics, []);
    const syms = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms));
  });
});

describe('language server: standalone', () => {
  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });

  it('prints usage and exits 2 without a transport', () => {
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10_000 });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--stdio/);
  });

  it('prints its version', () => {
    const r = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8', timeout: 10_000 });
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
