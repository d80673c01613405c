/**
 * importFiles(), the importer's API for front ends, on an in-memory file
 * system: per-file results as data, an earlier import without --set removed
 * (untouched) or named (edited), --set title, paths shown relative to a base.
 */
import * as assert from 'assert';
import * as path from 'path';
import { describeResult, displayPath, importFiles, type ImportFileSystem } from '../../server/src/import/index';
import { catalog } from '../helpers/data';

/** A report extract with no front page and no authority: it imports to unknown-authority/undated-ilacs.md. */
const NO_FRONT = [
  'Judgement\tGrade',
  'The impact of leaders on social work practice with children and families\tGood',
  'The experiences and progress of children who need help and protection\tGood',
  'The experiences and progress of children in care and care leavers\tGood',
  'Overall effectiveness\tGood',
  '', 'Children are helped well.', '',
].join('\n');

function memoryFs(files: Record<string, string>): ImportFileSystem & { files: Map<string, string> } {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    read: (f) => (map.has(f) ? { ok: true, bytes: new TextEncoder().encode(map.get(f)!) } : { ok: false, reason: 'no such file or folder' }),
    readText: (f) => map.get(f),
    write: (f, text, replace) => {
      if (map.has(f) && !replace) return { ok: false, reason: 'the file already exists', exists: true };
      map.set(f, text);
      return { ok: true };
    },
    remove: (f) => (map.delete(f) ? { ok: true } : { ok: false, reason: 'no such file or folder' }),
  };
}

const ws = path.resolve('/ws');
const at = (...p: string[]) => path.join(ws, ...p);

describe('import: importFiles', () => {
  it('returns a result per file: written where, as what, with which warnings, or why not', async () => {
    const fsys = memoryFs({ [at('in', 'a.txt')]: NO_FRONT, [at('in', 'empty.txt')]: '' });
    const s = await importFiles(['in/a.txt', 'in/empty.txt', 'in/missing.pdf'], { out: 'history', cwd: ws, catalog }, fsys);
    assert.deepStrictEqual([s.imported, s.failed], [1, 2]);
    assert.strictEqual(s.results[0].output, at('history', 'unknown-authority', 'undated-ilacs.md'));
    assert.strictEqual(s.results[0].kind, 'ilacs');
    assert.ok(s.results[0].warnings.some((w) => /no authority found/.test(w)));
    assert.deepStrictEqual(s.results.slice(1).map((r) => r.error), ['the file is empty', 'no such file or folder']);
    assert.deepStrictEqual(describeResult(s.results[0], ws).out, ['in/a.txt -> history/unknown-authority/undated-ilacs.md (ilacs)']);
  });

  it('refuses to overwrite, and to write one file twice in a run', async () => {
    const fsys = memoryFs({ [at('a.txt')]: NO_FRONT, [at('b.txt')]: NO_FRONT });
    const s = await importFiles(['a.txt', 'b.txt'], { out: 'h', cwd: ws, catalog }, fsys);
    assert.deepStrictEqual(describeResult(s.results[1], ws).err, ['b.txt: cannot import: h/unknown-authority/undated-ilacs.md was already written from a.txt in this run']);
    const again = await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog }, fsys);
    assert.deepStrictEqual(describeResult(again.results[0], ws).err, ['a.txt: cannot import: h/unknown-authority/undated-ilacs.md already exists (use --force to overwrite)']);
  });

  it('removes the first attempt of the same file when --set moves it, and says so', async () => {
    const fsys = memoryFs({ [at('a.txt')]: NO_FRONT });
    await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog }, fsys);
    const first = at('h', 'unknown-authority', 'undated-ilacs.md');
    assert.ok(fsys.files.has(first));
    const s = await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog, overrides: { authority: 'Exampleton', 'inspection-dates': '2023-03-06 to 2023-03-17' } }, fsys);
    assert.strictEqual(s.results[0].output, at('h', 'exampleton', '2023-03-ilacs.md'));
    assert.deepStrictEqual(s.results[0].earlier, { path: first, removed: true });
    assert.ok(!fsys.files.has(first));
    assert.match(describeResult(s.results[0], ws).err.join('\n'), /a\.txt: removed h\/unknown-authority\/undated-ilacs\.md, this file's earlier import without --set/);
  });

  it('keeps an earlier attempt that was edited since, and names it', async () => {
    const fsys = memoryFs({ [at('a.txt')]: NO_FRONT });
    await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog }, fsys);
    const first = at('h', 'unknown-authority', 'undated-ilacs.md');
    fsys.files.set(first, `${fsys.files.get(first)}\nA note added by hand.\n`);
    const s = await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog, overrides: { authority: 'Exampleton' } }, fsys);
    assert.deepStrictEqual(s.results[0].earlier, { path: first, removed: false });
    assert.ok(fsys.files.has(first));
    assert.match(describeResult(s.results[0], ws).err.join('\n'), /note: h\/unknown-authority\/undated-ilacs\.md is still there from an earlier import without --set/);
  });

  it('accepts --set title, as the missing-title warning asks', async () => {
    const fsys = memoryFs({ [at('a.txt')]: NO_FRONT });
    const s = await importFiles(['a.txt'], { out: 'h', cwd: ws, catalog, overrides: { title: 'Inspection of Exampleton local authority children’s services' } }, fsys);
    const text = fsys.files.get(s.results[0].output!)!;
    assert.match(text, /^# Inspection of Exampleton local authority children’s services$/m);
    assert.ok(!s.results[0].warnings.some((w) => /title|unknown front matter key/.test(w)), s.results[0].warnings.join('\n'));
    assert.strictEqual(s.results[0].earlier, undefined, 'a title alone does not move the file');
  });

  it('shows paths relative to the base when inside it, else whole', () => {
    assert.strictEqual(displayPath(at('history', 'x.md'), ws), path.join('history', 'x.md'));
    assert.strictEqual(displayPath(path.resolve('/elsewhere/x.md'), ws), path.resolve('/elsewhere/x.md'));
  });
});
