import * as assert from 'assert';
import { InMemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { HistoryService, type HistoryHost, type OpenDocument } from '../../server/src/history/service';
import { parseReport } from '../../server/src/model/parse';
import { data } from '../helpers/data';
import { historyCheck, ilacs } from './helpers';

/**
 * The history index service (history/service.ts) on an in-memory workspace:
 * what is indexed, maxFileSize, change events, open documents, linked files.
 * No server is spawned; test/lsp/history.test.ts covers the adapter.
 */
const SECTIONS = (para: string) => [{ judgement: 'help-protection', grade: 'Good', paras: [para] }];
const EARLY = ilacs({ authority: 'Fernbury', dates: '2019-06-03 to 2019-06-14', sections: SECTIONS('Return home conversations are not consistently offered to children who go missing.') });
const LATER = ilacs({ authority: 'Fernbury', dates: '2022-03-07 to 2022-03-18', sections: SECTIONS('Strategy meetings are timely and well attended by partners.') });

interface Harness {
  ws: InMemoryWorkspace;
  service: HistoryService;
  logs: string[];
  open: OpenDocument[];
  /** Resolves at the next `changed()`. */
  nextChange(): Promise<void>;
  changes: number;
}

function harness(files: Record<string, string>, options: { maxFileSize?: number; roots?: string[] } = {}): Harness {
  const ws = new InMemoryWorkspace(files);
  const logs: string[] = [];
  const open: OpenDocument[] = [];
  let waiters: (() => void)[] = [];
  const h: Partial<Harness> = { ws, logs, open, changes: 0 };
  const host: HistoryHost = {
    workspace: ws,
    data,
    maxFileSize: () => options.maxFileSize ?? 5 * 1024 * 1024,
    roots: async () => options.roots ?? ['/ws/history'],
    openDocuments: () => open,
    log: (m) => logs.push(m),
    changed: () => {
      h.changes!++;
      const w = waiters;
      waiters = [];
      for (const r of w) r();
    },
  };
  h.service = new HistoryService(host);
  h.nextChange = () => new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no change came')), 2_000);
    waiters.push(() => {
      clearTimeout(t);
      resolve();
    });
  });
  return h as Harness;
}

const A = '/ws/history/fernbury/2019-06-ilacs.md';
const B = '/ws/history/fernbury/2022-03-ilacs.md';

describe('history service (in-memory workspace)', () => {
  it('indexes the Markdown reports under its folders, and nothing before it has loaded', async () => {
    const h = harness({ [A]: EARLY, [B]: LATER, '/ws/history/notes.txt': 'not Markdown', '/ws/history/.hidden/x.md': EARLY, '/ws/elsewhere/c.md': EARLY });
    assert.strictEqual(h.service.status().state, 'loading');
    assert.strictEqual(h.service.contextFor(A, parseReport(EARLY, A, data.profiles), { record: false }), undefined, 'says nothing before the load');
    await h.service.rebuild();
    assert.strictEqual(h.service.status().state, 'ready');
    assert.deepStrictEqual([...h.service.index.reports()].map((r) => r.uri).sort(), [A, B]);
    assert.deepStrictEqual(h.service.roots, ['/ws/history']);
    assert.ok(h.logs.some((l) => /2 reports indexed from 1 folder/.test(l)), h.logs.join('\n'));
  });

  it('honours maxFileSize: a file over it is not indexed, and a message says so once', async () => {
    const big = LATER + `\n${'Padding words for size. '.repeat(200)}\n`;
    const h = harness({ [A]: EARLY, [B]: big }, { maxFileSize: EARLY.length + 100 });
    await h.service.rebuild();
    assert.ok(h.service.index.get(A), 'the small one is indexed');
    assert.strictEqual(h.service.index.get(B), undefined, 'the big one is not');
    const said = h.logs.filter((l) => l.includes(B));
    assert.strictEqual(said.length, 1, h.logs.join('\n'));
    assert.match(said[0], /over the .* limit \(maxFileSize in \.inspection-reports\.yaml\); not indexed/);
    assert.strictEqual(h.service.status().problems, 1);
    // Growing past the limit later takes a file out of the index, with a message.
    const change = h.nextChange();
    h.ws.write(A, EARLY + 'x'.repeat(300));
    await change;
    assert.strictEqual(h.service.index.get(A), undefined);
    assert.ok(h.logs.some((l) => l.includes(A) && /maxFileSize/.test(l)), h.logs.join('\n'));
  });

  it('follows a file change: the index holds the new text', async () => {
    const h = harness({ [A]: EARLY });
    await h.service.rebuild();
    const before = h.service.index.get(A)!.findings.map((f) => f.text).join(' ');
    assert.match(before, /Return home conversations/);
    const change = h.nextChange();
    h.ws.write(A, EARLY.replace('Return home conversations are not consistently offered', 'Independent visitors are rarely found'));
    await change;
    const after = h.service.index.get(A)!.findings.map((f) => f.text).join(' ');
    assert.match(after, /Independent visitors are rarely found/);
    assert.doesNotMatch(after, /Return home conversations/);
  });

  it('indexes a file created under a folder, and forgets a deleted file and a deleted folder', async () => {
    const h = harness({ [A]: EARLY });
    await h.service.rebuild();
    let change = h.nextChange();
    h.ws.write(B, LATER);
    await change;
    assert.ok(h.service.index.get(B), 'created: indexed');
    change = h.nextChange();
    h.ws.delete(A);
    await change;
    assert.strictEqual(h.service.index.get(A), undefined, 'deleted: gone');
    assert.strictEqual(h.service.index.size, 1);
    change = h.nextChange();
    h.ws.delete('/ws/history/fernbury');
    await change;
    assert.strictEqual(h.service.index.size, 0, 'a deleted folder takes its files');
  });

  it("leaves files outside its folders alone, and an open document's text wins over the disk", async () => {
    const h = harness({ [A]: EARLY });
    await h.service.rebuild();
    const changes = h.changes;
    h.ws.write('/ws/elsewhere/2022-03-ilacs.md', LATER);
    await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual(h.service.index.size, 1);
    assert.strictEqual(h.changes, changes, 'no change for a file outside the folders');
    const edited = EARLY.replace('Return home conversations', 'Unsaved edit about missing children');
    const doc = { uri: `file://${A}`, version: 2, getText: () => edited };
    h.open.push(doc);
    h.service.reportFor(doc);
    h.ws.write(A, EARLY, true);
    await h.service.fileEvents([{ kind: 'changed', path: A }]);
    assert.match(h.service.index.get(A)!.findings[0].text, /Unsaved edit/, 'the open text, not the disk');
    h.open.pop();
    await h.service.closed(doc.uri);
    assert.match(h.service.index.get(A)!.findings[0].text, /Return home conversations/, 'back to the disk when closed');
  });

  it('reads a linked report outside its folders on demand, and looks up missing files without blocking', async () => {
    const outside = '/ws/elsewhere/fernbury/2019-06-ilacs.md';
    const draftPath = '/ws/drafts/2025-ilacs.md';
    const draft = ilacs({ authority: 'Fernbury', dates: '2025-01-06 to 2025-01-17', sections: SECTIONS('Children are seen alone [as before](../elsewhere/fernbury/2019-06-ilacs.md#para-1) and [here](../elsewhere/none.md#para-1).') });
    const h = harness({ [outside]: EARLY, [draftPath]: draft });
    await h.service.rebuild();
    const model = parseReport(draft, draftPath, data.profiles);
    const change = h.nextChange();
    const first = h.service.contextFor(draftPath, model, { record: false })!;
    assert.ok(first, 'a context for the draft');
    assert.strictEqual(first.context.fileExists!('/ws/elsewhere/none.md'), undefined, 'not known yet: no answer, no wait');
    await change;
    // Each answer arriving is a change (the documents are checked again).
    while (h.service.fileExists('/ws/elsewhere/none.md') === undefined || !h.service.index.get(outside)) await h.nextChange();
    assert.ok(h.service.index.get(outside), 'the linked report was read');
    const second = h.service.contextFor(draftPath, model, { record: false })!;
    assert.notStrictEqual(second.stamp, first.stamp, 'results cached under the first stamp are computed again');
    const messages = historyCheck(second.context.index, second.context.report, draft, { fileExists: second.context.fileExists as (k: string) => boolean })
      .filter((d) => d.ruleId === 'finding-links').map((d) => d.message);
    assert.deepStrictEqual(messages, ["There is no file '../elsewhere/none.md'."]);
  });

  it('settles a closed file\'s links before it is checked (the workspace check): no second pass needed', async () => {
    const draftPath = '/ws/drafts/2025-ilacs.md';
    const draft = ilacs({ authority: 'Fernbury', dates: '2025-01-06 to 2025-01-17', sections: SECTIONS('Children are seen alone [as before](../elsewhere/a.md#para-1) and [here](../elsewhere/none.md#para-1).') });
    const h = harness({ '/ws/elsewhere/a.md': EARLY, [draftPath]: draft });
    await h.service.rebuild();
    const model = parseReport(draft, draftPath, data.profiles);
    await h.service.settle(draftPath, model);
    assert.strictEqual(h.service.fileExists('/ws/elsewhere/none.md'), false);
    assert.ok(h.service.index.get('/ws/elsewhere/a.md'), 'the linked report was read');
    const c = h.service.contextFor(draftPath, model, { record: false })!;
    const messages = historyCheck(c.context.index, c.context.report, draft, { fileExists: c.context.fileExists as (k: string) => boolean })
      .filter((d) => d.ruleId === 'finding-links').map((d) => d.message);
    assert.deepStrictEqual(messages, ["There is no file '../elsewhere/none.md'."]);
  });
});
