import * as assert from 'assert';
import * as path from 'path';
import { fileUri, withServer } from './client';
import { ilacsReport, lineOf } from './reports';

const GW = 'grade-wording';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Issue 7: the server under a burst of edits stays up, answers, and ends on the latest version. */
describe('language server under a burst of edits', function () {
  this.timeout(60_000);
  const server = withServer('ir-burst-');

  it('300 edits in well under a second: diagnostics for the latest version only, and it still answers', async () => {
    const uri = fileUri(path.join(server.dir, 'draft.md'));
    const text = ilacsReport();
    server.client.open(uri, text);
    await server.client.current(uri);
    const before = server.client.published.length;
    const line = lineOf(text, 'have declined since.');
    let version = 0;
    for (let i = 0; i < 300; i++) {
      const col = server.client.text(uri).split('\n')[line].length;
      version = server.client.edit(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, newText: i === 299 ? ' Leaders were rated Outstanding.' : 'x' }]);
    }
    const p = await server.client.current(uri, 10_000);
    assert.strictEqual(p.version, version);
    const typedFrom = text.split('\n')[line].length + 299;
    assert.ok(p.diagnostics.some((d) => d.code === GW && d.range.start.line === line && d.range.start.character > typedFrom), 'the last edit\'s mistake is reported');
    await sleep(400);
    const mine = server.client.published.slice(before).filter((q) => q.uri === uri);
    assert.strictEqual(mine[mine.length - 1].version, version, 'the last publication is for the latest version');
    assert.ok(mine.length <= 3, `published ${mine.length} times for 300 edits`);
    const symbols = await server.client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'it still answers requests');
  });

  it('stays up when versions arrive out of order, and follows the next good edit', async () => {
    const uri = fileUri(path.join(server.dir, 'draft.md'));
    const text = ilacsReport();
    server.client.open(uri, text, 5);
    await server.client.current(uri);
    // A stale version after a newer one: a client bug the server must survive.
    server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: text.replace('Requires improvement |', 'Good |') }] });
    server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    await sleep(300);
    assert.strictEqual(server.client.child.exitCode, null, `the server exited: ${server.client.stderr}`);
    const fixed = text.replace('| Requires improvement |', '| Requires improvement to be good |');
    server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: fixed }] });
    const p = await server.client.waitForDiagnostics(uri, (q) => q.version === 9, 5_000);
    const tableLine = lineOf(text, '| Requires improvement |');
    assert.ok(!p.diagnostics.some((d) => d.code === GW && d.range.start.line === tableLine), 'diagnostics are for version 9');
  });

  it('a close during a check leaves no stale diagnostics, and the server goes on', async () => {
    server.client.changeSettings({ debounce: 0 });
    const uri = fileUri(path.join(server.dir, 'big.md'));
    const big = ilacsReport({ paragraphsPerSection: 1500, wordsPerParagraph: 60 });
    assert.ok(big.length > 500_000, `a large report (${big.length} characters)`);
    server.client.open(uri, big);
    await server.client.current(uri, 20_000);
    server.client.change(uri, big.replace('| Requires improvement |', '| Inadequate |'));
    server.client.close(uri);
    // Not a fixed wait for the big check to end: a report opened after the close is checked after
    // it, so once its diagnostics arrive, anything the closed report's check would publish has come.
    const other = fileUri(path.join(server.dir, 'other.md'));
    server.client.open(other, ilacsReport());
    const p = await server.client.current(other, 30_000);
    assert.ok(p.diagnostics.some((d) => d.code === GW), 'the server goes on');
    await sleep(200);
    const last = server.client.published.filter((q) => q.uri === uri).pop()!;
    assert.deepStrictEqual(last.diagnostics, [], 'a closed report ends with its diagnostics cleared');
  });
});
