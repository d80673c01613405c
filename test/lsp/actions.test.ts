import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Range } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './client';
import { focusedVisit, ilacsReport, lineOf, NOT_A_REPORT } from './reports';

const GW = 'grade-wording';

function rangeOfLine(text: string, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: text.split('\n')[line].length } };
}

describe('language server: code actions and commands over JSON-RPC', function () {
  let client: LspClient;
  let dir: string;

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });

  async function start(opts: { codeActionResolve?: boolean } = {}) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-lsp-'));
    client = new LspClient({ workspaceFolders: [dir], codeActionResolve: opts.codeActionResolve, settings: { debounce: 0 } });
    await client.initialize();
  }

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function actions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const p = await client.current(uri);
    const diagnostics = p.diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  it("offers a problem's own fix, and applying it clears the problem", async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport();
    client.open(uri, text);
    const line = lineOf(text, '| Requires improvement |');
    const list = await actions(uri, rangeOfLine(text, line));
    const fix = list.find((a) => a.title === "Replace with 'Requires improvement to be good'");
    assert.ok(fix, list.map((a) => a.title).join('\n'));
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    assert.strictEqual(fix.diagnostics?.[0].code, GW);
    assert.ok(client.applyWorkspaceEdit(fix.edit!));
    const after = await client.current(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === GW && d.range.start.line === line));
    assert.ok(client.text(uri).includes('| Requires improvement to be good |\n| The experiences and progress of children who need'));
    // Only the grade changed.
    assert.strictEqual(client.text(uri).length, text.length + ' to be good'.length);
  });

  it("offers both grades when a heading disagrees with the table, none preferred, and neither in fix-all (issue 12 item 11)", async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport({ helpHeadingGrade: 'good' });
    client.open(uri, text);
    const line = lineOf(text, 'help and protection: good');
    const list = await actions(uri, rangeOfLine(text, line));
    const table = list.find((a) => a.title === "Use the table's grade 'inadequate' in the heading");
    const heading = list.find((a) => a.title === "Use the heading's grade 'Good' in the table");
    assert.ok(table && heading, list.map((a) => a.title).join('\n'));
    assert.ok(!table.isPreferred && !heading.isPreferred);
    assert.ok(client.applyWorkspaceEdit(heading.edit!));
    const after = await client.current(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === 'judgement-consistency' && /heading gives/.test(String(d.message))));
    assert.ok(client.text(uri).includes('| The experiences and progress of children who need help and protection | Good |'));
  });

  it('offers fix-all for the rule and for everything, worked out when resolved', async () => {
    await start({ codeActionResolve: true });
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport();
    client.open(uri, text);
    const list = await actions(uri, rangeOfLine(text, lineOf(text, '| Requires improvement |')));
    const forRule = list.find((a) => a.title === `Fix all ${GW} problems`);
    assert.ok(forRule, list.map((a) => a.title).join('\n'));
    assert.strictEqual(forRule.edit, undefined, 'the edit should wait for resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', forRule);
    assert.ok(resolved.edit, 'resolve gave no edit');
    assert.ok(client.applyWorkspaceEdit(resolved.edit));
    const after = await client.current(uri);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === GW), []);
    const t = client.text(uri);
    assert.ok(t.includes('help and protection: inadequate\n'));
    assert.ok(t.includes('judged good at the last'));
    // A stale resolve (the document moved on) gives no edit rather than a wrong one.
    const stale = await client.request<CodeAction>('codeAction/resolve', forRule);
    assert.strictEqual(stale.edit, undefined);
  });

  it('gives source.fixAll.inspectionReports only when asked for by kind (fix on save)', async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport();
    client.open(uri, text);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const plain = await actions(uri, whole);
    assert.ok(!plain.some((a) => a.kind?.startsWith('source')), 'a source action without being asked');
    const onSave = await actions(uri, whole, ['source.fixAll']);
    assert.strictEqual(onSave.length, 1);
    assert.strictEqual(onSave[0].kind, 'source.fixAll.inspectionReports');
    assert.ok(onSave[0].edit, 'fix on save needs its edit at once');
    assert.ok(client.applyWorkspaceEdit(onSave[0].edit));
    const after = await client.current(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === GW && (d.data as { fixable?: boolean })?.fixable));
    const bySource = await actions(uri, whole, ['source']);
    assert.ok(bySource.every((a) => a.kind === 'source.fixAll.inspectionReports'));
  });

  it('disables a rule for a line and for the file with the dialect comments', async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport();
    client.open(uri, text);
    const heading = lineOf(text, 'help and protection: Inadequate');
    const list = await actions(uri, rangeOfLine(text, heading));
    const forLine = list.find((a) => a.title === `Disable ${GW} for this line`)!;
    assert.ok(forLine, list.map((a) => a.title).join('\n'));
    assert.ok(client.applyWorkspaceEdit(forLine.edit!));
    assert.ok(client.text(uri).includes(`<!-- inspection-reports-disable-next-line ${GW} -->\n## The experiences and progress of children who need help and protection: Inadequate`));
    const after = await client.current(uri);
    const left = after.diagnostics.filter((d) => d.code === GW);
    assert.strictEqual(left.length, 2, 'only the heading should be switched off');
    // The table row: a disable ... enable pair around the table.
    const t2 = client.text(uri);
    const row = lineOf(t2, '| Requires improvement |');
    const list2 = await actions(uri, rangeOfLine(t2, row));
    const forTable = list2.find((a) => a.title === `Disable ${GW} for this table`)!;
    assert.ok(forTable, list2.map((a) => a.title).join('\n'));
    assert.ok(client.applyWorkspaceEdit(forTable.edit!));
    const after2 = await client.current(uri);
    assert.strictEqual(after2.diagnostics.filter((d) => d.code === GW).length, 1);
    // An enable comment later on switches the rule back on, so "for this file" is tried on a fresh copy.
    const fresh = fileUri(path.join(dir, 'b.md'));
    client.open(fresh, text);
    const running = lineOf(text, 'judged Good');
    const list3 = await actions(fresh, rangeOfLine(text, running));
    const forFile = list3.find((a) => a.title === `Disable ${GW} for this file`)!;
    assert.ok(client.applyWorkspaceEdit(forFile.edit!));
    const after3 = await client.current(fresh);
    assert.deepStrictEqual(after3.diagnostics.filter((d) => d.code === GW), []);
    assert.ok(client.text(fresh).includes(`---\n<!-- inspection-reports-disable ${GW} -->\n`));
    // No comment can go inside the front matter: no disable action there.
    const fm = await actions(fresh, rangeOfLine(text, 1));
    assert.ok(!fm.some((a) => a.title.startsWith('Disable')));
  });

  it('runs "fix all" as a command: the server asks the editor to apply the edit', async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    client.open(uri, ilacsReport());
    await client.current(uri);
    const r = await client.request<{ ok: boolean; applied: number; message: string }>('workspace/executeCommand', { command: 'inspectionReports.server.fixAll', arguments: [uri] });
    assert.strictEqual(r.ok, true, r.message);
    assert.ok(r.applied >= 3, `applied ${r.applied}`);
    assert.strictEqual(client.appliedEdits.length, 1);
    const after = await client.current(uri);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === GW), []);
    const again = await client.request<{ ok: boolean; applied: number; message: string }>('workspace/executeCommand', { command: 'inspectionReports.server.fixAll', arguments: [uri] });
    assert.strictEqual(again.applied, 0);
    assert.match(again.message, /Nothing to fix/);
  });

  it('renumbers paragraphs as a command', async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport({ paragraphsPerSection: 2 }).replace('\n3. ', '\n7. ').replace('\n4. ', '\n8. ');
    client.open(uri, text);
    const before = await client.current(uri);
    assert.ok(before.diagnostics.some((d) => d.code === 'paragraph-numbering'), 'the skipped numbers are not reported');
    const r = await client.request<{ ok: boolean; applied: number; message: string }>('workspace/executeCommand', { command: 'inspectionReports.server.renumberParagraphs', arguments: [uri] });
    assert.strictEqual(r.ok, true, r.message);
    const after = await client.current(uri);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === 'paragraph-numbering'), []);
    const nums = client.text(uri).split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => Number(l.split('.')[0]));
    assert.deepStrictEqual(nums, [1, 2, 3, 4, 5, 6]);
    // Grade problems are left alone: renumbering changes numbers only.
    assert.strictEqual(after.diagnostics.filter((d) => d.code === GW).length, 3);
  });

  it("gives the judgement table for the report's era as a snippet, and inserts it", async () => {
    await start();
    const uri = fileUri(path.join(dir, 'a.md'));
    const text = ilacsReport({ noTable: true });
    client.open(uri, text);
    await client.current(uri);
    const line = lineOf(text, 'Lead inspector:');
    type Result = { ok: boolean; message: string; snippet?: string; position?: { line: number } };
    const r = await client.request<Result>('workspace/executeCommand', { command: 'inspectionReports.server.judgementTable', arguments: [uri, line, false] });
    assert.strictEqual(r.ok, true, r.message);
    assert.match(r.message, /1 January 2018 to 15 January 2023/);
    assert.ok(r.snippet!.includes('| The experiences and progress of children in care and care leavers | ${3|'), r.snippet);
    // The grade given in the section heading is offered first.
    assert.ok(r.snippet!.includes('help and protection | ${2|Inadequate,Outstanding,Good,Requires improvement to be good|}'), r.snippet);
    assert.ok(!r.snippet!.includes('care leavers | ${4'), 'a 2023 judgement in a 2022 report');
    const applied = await client.request<Result>('workspace/executeCommand', { command: 'inspectionReports.server.judgementTable', arguments: [uri, line, true] });
    assert.strictEqual(applied.ok, true, applied.message);
    const t = client.text(uri);
    assert.ok(t.includes('Lead inspector: Jane Example, Her Majesty\'s Inspector\n\n| Judgement | Grade |\n| --- | --- |\n| The impact of leaders'), t.slice(0, 800));
    const again = await client.request<Result>('workspace/executeCommand', { command: 'inspectionReports.server.judgementTable', arguments: [uri, line, false] });
    assert.strictEqual(again.ok, false);
    assert.match(again.message, /already has a judgement table/);
    const letter = fileUri(path.join(dir, 'letter.md'));
    client.open(letter, focusedVisit());
    const none = await client.request<Result>('workspace/executeCommand', { command: 'inspectionReports.server.judgementTable', arguments: [letter, 5, false] });
    assert.strictEqual(none.ok, false);
    assert.match(none.message, /gives no grades/);
  });

  it('checks every report in the workspace, open or not', async () => {
    await start();
    fs.writeFileSync(path.join(dir, 'one.md'), ilacsReport());
    fs.mkdirSync(path.join(dir, 'history'));
    fs.writeFileSync(path.join(dir, 'history', 'two.md'), ilacsReport({ leadersGrade: 'Good' }));
    fs.writeFileSync(path.join(dir, 'notes.md'), NOT_A_REPORT);
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'skip.md'), ilacsReport());
    const open = fileUri(path.join(dir, 'one.md'));
    client.open(open, ilacsReport({ helpHeadingGrade: 'inadequate' }));
    await client.current(open);
    type Summary = { files: number; reports: number; errors: number; warnings: number };
    const r = await client.request<Summary>('workspace/executeCommand', { command: 'inspectionReports.server.checkWorkspace', arguments: [] });
    assert.strictEqual(r.files, 3);
    assert.strictEqual(r.reports, 2);
    const closed = fileUri(path.join(dir, 'history', 'two.md'));
    const p = client.diagnostics.get(closed);
    assert.ok(p, 'no diagnostics for the file that is not open');
    assert.strictEqual(p.version, undefined);
    assert.strictEqual(p.diagnostics.filter((d) => d.code === GW).length, 2);
    assert.ok(!client.diagnostics.has(fileUri(path.join(dir, 'notes.md'))) || client.diagnostics.get(fileUri(path.join(dir, 'notes.md')))!.diagnostics.length === 0);
    assert.ok(!client.diagnostics.has(fileUri(path.join(dir, 'node_modules', 'skip.md'))));
    // The open file's results are its editor text's, not the disk's.
    assert.strictEqual(client.diagnostics.get(open)!.diagnostics.filter((d) => d.code === GW).length, 2);
    assert.strictEqual(r.errors, [...client.diagnostics.values()].reduce((n, q) => n + q.diagnostics.filter((d) => d.severity === 1).length, 0));
    // Closing a workspace-checked file shows its saved text's results again.
    client.close(open);
    const back = await client.waitForDiagnostics(open, (q) => q.diagnostics.filter((d) => d.code === GW).length === 3, 5_000, true);
    assert.ok(back);
  });
});
