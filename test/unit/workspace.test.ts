import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InMemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { listMarkdown, readWorkspaceText, type FileProblem, type WorkspaceChange } from '../../server/src/core/workspace';
import { collectMarkdown, readTextFile } from '../../server/src/io/files';
import { NodeWorkspace } from '../../server/src/io/nodeWorkspace';

/** The core's Workspace (core/workspace.ts): the in-memory one and the Node one walk and read alike. */
describe('workspace', () => {
  it('walks Markdown files sorted, skipping hidden folders, node_modules and other files', async () => {
    const ws = new InMemoryWorkspace({
      '/w/b.md': 'b', '/w/a/z.markdown': 'z', '/w/a/y.md': 'y', '/w/.git/x.md': 'x', '/w/node_modules/p/r.md': 'r', '/w/notes.txt': 't',
    });
    const problems: FileProblem[] = [];
    assert.deepStrictEqual(await listMarkdown(ws, '/w', problems), ['/w/a/y.md', '/w/a/z.markdown', '/w/b.md']);
    assert.deepStrictEqual(await listMarkdown(ws, '/w/b.md', problems), ['/w/b.md'], 'a file is its own list');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(await listMarkdown(ws, '/nowhere', problems), []);
    assert.deepStrictEqual(problems, [{ file: '/nowhere', reason: 'no such file or folder' }]);
  });

  it('refuses what is not text, and what is over the size limit, with a reason', async () => {
    const ws = new InMemoryWorkspace({ '/w/bin.md': new Uint8Array([65, 0, 66]), '/w/big.md': 'x'.repeat(2048), '/w/ok.md': '\ufeffhello' });
    assert.deepStrictEqual(await readWorkspaceText(ws, '/w/ok.md', 100), { ok: true, text: 'hello' });
    assert.match((await readWorkspaceText(ws, '/w/bin.md', 100) as { reason: string }).reason, /binary/);
    assert.match((await readWorkspaceText(ws, '/w/big.md', 1024, 'not indexed') as { reason: string }).reason, /2\.0 KB, over the 1\.0 KB limit \(maxFileSize .*\); not indexed$/);
    assert.deepStrictEqual(await readWorkspaceText(ws, '/w/none.md', 100), { ok: false, reason: 'no such file or folder', missing: true });
    assert.deepStrictEqual(await readWorkspaceText(ws, '/w', 100), { ok: false, reason: 'not a regular file' });
  });

  it('fires change events for writes and deletes (a folder as one event)', () => {
    const ws = new InMemoryWorkspace({ '/w/a/x.md': 'x' });
    const seen: WorkspaceChange[] = [];
    const sub = ws.onDidChange((c) => seen.push(...c));
    ws.write('/w/a/y.md', 'y');
    ws.write('/w/a/y.md', 'y2');
    ws.delete('/w/a');
    sub.dispose();
    ws.write('/w/z.md', 'z');
    assert.deepStrictEqual(seen, [{ kind: 'created', path: '/w/a/y.md' }, { kind: 'changed', path: '/w/a/y.md' }, { kind: 'deleted', path: '/w/a' }]);
  });

  it('on Node walks and reads as io/files.ts does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-ws-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub', '.hidden'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'b.md'), 'b');
      fs.writeFileSync(path.join(dir, 'sub', 'a.md'), 'a');
      fs.writeFileSync(path.join(dir, 'sub', '.hidden', 'h.md'), 'h');
      fs.writeFileSync(path.join(dir, 'big.md'), 'y'.repeat(3000));
      const ws = new NodeWorkspace();
      const p1: FileProblem[] = [];
      const p2: { file: string; reason: string }[] = [];
      assert.deepStrictEqual(await listMarkdown(ws, dir, p1), collectMarkdown(dir, p2));
      for (const f of ['b.md', 'big.md', 'nope.md']) {
        const file = path.join(dir, f);
        const a = await readWorkspaceText(ws, file, 2048);
        const b = readTextFile(file, 2048);
        assert.strictEqual(a.ok, b.ok, f);
        if (a.ok && b.ok) assert.strictEqual(a.text, b.text);
        else if (!a.ok && !b.ok) assert.strictEqual(a.reason, b.reason, f);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
