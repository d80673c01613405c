import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { collectMarkdown, describeError } from '../../server/src/io/files';
import { loadHistory } from '../../server/src/io/history';
import { HistoryIndex } from '../../server/src/history/store';
import { cleanReport, cli, isRoot, tempDir } from './helpers';
import { data } from '../helpers/data';

/**
 * Issue 7: a history folder with thousands of files, unreadable files and
 * symbolic link loops is indexed in bounded time, each bad file reported once
 * (server/src/io/files.ts walks folders for both `check` and the history).
 */

function report(n: number): string {
  return cleanReport().replace('Kestrel Bay Borough Council', `Authority ${n} Council`).replace('2024-01-10', `2024-01-${String((n % 28) + 1).padStart(2, '0')}`);
}

describe('hardening: walking folders with loops, bad files and many files', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir('walk');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** history/ with reports, a folder loop, a file loop, a dangling link, a FIFO behind a link, and a folder named like a report. */
  function badHistory(): string {
    const h = path.join(dir, 'history');
    fs.mkdirSync(path.join(h, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(h, 'a', 'one.md'), report(1));
    fs.writeFileSync(path.join(h, 'a', 'b', 'two.md'), report(2));
    fs.symlinkSync(h, path.join(h, 'a', 'b', 'back-to-top')); // folder loop
    fs.symlinkSync('.', path.join(h, 'a', 'self')); // folder loop
    fs.symlinkSync('loop-b.md', path.join(h, 'loop-a.md')); // file loop
    fs.symlinkSync('loop-a.md', path.join(h, 'loop-b.md'));
    fs.symlinkSync('gone.md', path.join(h, 'dangling.md'));
    fs.mkdirSync(path.join(h, 'folder.md'));
    try {
      const fifo = path.join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      fs.symlinkSync(fifo, path.join(h, 'pipe.md'));
    } catch {
      // no mkfifo here: the other cases still run
    }
    return h;
  }

  it('follows no folder links (so loops cannot trap it) and reports each bad file once, with a reason', () => {
    const h = badHistory();
    const problems: { file: string; reason: string }[] = [];
    const files = collectMarkdown(h, problems);
    assert.deepStrictEqual(problems, [], 'listing finds nothing wrong by itself');
    const names = files.map((f) => path.relative(h, f)).sort();
    assert.ok(names.includes(path.join('a', 'one.md')) && names.includes(path.join('a', 'b', 'two.md')));
    assert.ok(!names.some((n) => n.includes('back-to-top') || n.includes(`self${path.sep}`)), `no file reached through a folder link: ${names.join(', ')}`);
    const index = new HistoryIndex({ data });
    const loaded = loadHistory(index, [h]);
    const reasons = new Map<string, string[]>();
    for (const p of loaded.problems) reasons.set(path.basename(p.file), [...(reasons.get(path.basename(p.file)) ?? []), p.reason]);
    assert.deepStrictEqual(reasons.get('loop-a.md'), ['symbolic link loop']);
    assert.deepStrictEqual(reasons.get('loop-b.md'), ['symbolic link loop']);
    assert.deepStrictEqual(reasons.get('dangling.md'), ['no such file or folder']);
    if (fs.existsSync(path.join(h, 'pipe.md'))) assert.deepStrictEqual(reasons.get('pipe.md'), ['not a regular file']);
    assert.ok(!reasons.has('folder.md'), 'a folder named .md is walked, not read');
    assert.deepStrictEqual(loaded.files.filter((f) => f.report).map((f) => path.basename(f.file)).sort(), ['one.md', 'two.md']);
  });

  it('the command line checks the good files and names each bad one once', async () => {
    const h = badHistory();
    const r = await cli(dir, 'check', 'history', '--exit-zero');
    for (const bad of ['loop-a.md', 'loop-b.md', 'dangling.md']) {
      assert.strictEqual(r.err.filter((l) => l.includes(bad)).length, 1, `${bad}:\n${r.err.join('\n')}`);
    }
    assert.match(r.out[r.out.length - 1], / in 2 reports \(2 files read\)$/);
    assert.strictEqual(r.code, 0);
    assert.ok(fs.existsSync(h));
  });

  /** A file and a folder that cannot be read: by their mode, or (for root, who reads anything) by failing fs calls on them. */
  function locked(): { h: string; restore: () => void } {
    const h = path.join(dir, 'h');
    fs.mkdirSync(path.join(h, 'locked'), { recursive: true });
    fs.writeFileSync(path.join(h, 'locked.md'), report(3));
    fs.writeFileSync(path.join(h, 'locked', 'inside.md'), report(4));
    fs.writeFileSync(path.join(h, 'open.md'), report(5));
    if (!isRoot) {
      fs.chmodSync(path.join(h, 'locked.md'), 0o000);
      fs.chmodSync(path.join(h, 'locked'), 0o000);
      return {
        h,
        restore: () => {
          fs.chmodSync(path.join(h, 'locked.md'), 0o644);
          fs.chmodSync(path.join(h, 'locked'), 0o755);
        },
      };
    }
    const denied = (p: unknown) => typeof p === 'string' && (p === path.join(h, 'locked.md') || p === path.join(h, 'locked'));
    const eacces = (p: string) => Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
    const real = { readFileSync: fs.readFileSync, readdirSync: fs.readdirSync };
    // The module object itself: `import * as fs` gives read-only views of it, which see the change.
    const mutable = require('fs') as Record<string, unknown>;
    mutable.readFileSync = (p: unknown, ...rest: unknown[]) => {
      if (denied(p)) throw eacces(p as string);
      return (real.readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
    };
    mutable.readdirSync = (p: unknown, ...rest: unknown[]) => {
      if (denied(p)) throw eacces(p as string);
      return (real.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
    };
    return { h, restore: () => Object.assign(mutable, real) };
  }

  it('reports a file and a folder it may not read, once each, and reads the rest', () => {
    const { h, restore } = locked();
    try {
      const loaded = loadHistory(new HistoryIndex({ data }), [h]);
      assert.deepStrictEqual(loaded.problems.map((p) => `${path.basename(p.file)}: ${p.reason}`).sort(), ['locked.md: permission denied', 'locked: permission denied']);
      assert.deepStrictEqual(loaded.files.map((f) => path.basename(f.file)), ['open.md']);
    } finally {
      restore();
    }
  });

  it('the command line names a file and a folder it may not read, once each, and checks the rest', async () => {
    const { restore } = locked();
    try {
      const r = await cli(dir, 'check', 'h', '--exit-zero');
      assert.deepStrictEqual(r.err.filter((l) => l.includes('locked')).sort(), [
        `${path.join('h', 'locked')}: cannot check: permission denied`,
        `${path.join('h', 'locked.md')}: cannot check: permission denied`,
      ].sort());
      assert.match(r.out[r.out.length - 1], / in 1 report \(1 file read\)$/);
    } finally {
      restore();
    }
  });

  it('names permission errors plainly (as the walk reports them)', () => {
    assert.strictEqual(describeError(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied');
    assert.strictEqual(describeError(Object.assign(new Error('x'), { code: 'ELOOP' })), 'symbolic link loop');
  });

  it('indexes a history folder of 3,000 files (with bad ones among them), each bad file reported once', () => {
    const h = path.join(dir, 'big');
    for (let d = 0; d < 30; d++) {
      const sub = path.join(h, `authority-${d}`);
      fs.mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 100; f++) {
        const file = path.join(sub, `${f}.md`);
        if (f === 50) fs.writeFileSync(file, Buffer.from([0, 1, 2, 3]));
        else if (f === 60) fs.symlinkSync(`${f}.md`, file);
        else fs.writeFileSync(file, f % 4 === 1 ? report(d * 100 + f) : `# Notes ${f}\n\nNot a report.\n`);
      }
    }
    const loaded = loadHistory(new HistoryIndex({ data }), [h]);
    assert.strictEqual(loaded.files.length + loaded.problems.length, 3000);
    assert.strictEqual(loaded.problems.length, 60);
    assert.strictEqual(new Set(loaded.problems.map((p) => p.file)).size, 60, 'each once');
    assert.strictEqual(loaded.files.filter((f) => f.report).length, 30 * 25);
  });
});
