/**
 * `inspection-reports import`: files written by authority and date, bad files
 * reported and skipped, exit codes, never overwriting without --force.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runImport } from '../../server/src/cli/import';
import type { Io } from '../../server/src/cli/main';

const LETTER = [
  'Focused visit to Exampleton Council children’s services', '',
  'Dear Hal,', '',
  'This letter summarises the findings of a focused visit to Exampleton Council children’s services on 9 January 2019. The inspectors were Ann Example HMI and Bob Sample HMI.', '',
  'Overview', '', 'Children are seen quickly.', '',
  'What needs to improve in this area of social work practice', '', '- Recording of decisions.', '',
  'Findings', '', '- Thresholds are well understood.', '',
  'Yours sincerely,', '', 'Ann Example', 'Her Majesty’s Inspector',
].join('\n');

function capture(cwd: string): Io & { outs: string[]; errs: string[] } {
  const outs: string[] = [];
  const errs: string[] = [];
  return { cwd, outs, errs, out: (s) => outs.push(s), err: (s) => errs.push(s) };
}

describe('cli: import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    fs.writeFileSync(path.join(dir, 'letter.txt'), LETTER);
    fs.writeFileSync(path.join(dir, 'page.pdf'), '<!DOCTYPE html><html><body>Saved page</body></html>');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the good file, reports each bad one and exits 1', async () => {
    const io = capture(dir);
    const code = await runImport(['letter.txt', 'page.pdf', 'empty.txt', 'missing.pdf', '--out', 'history'], io);
    assert.strictEqual(code, 1);
    const target = path.join(dir, 'history', 'exampleton', '2019-01-focused-visit.md');
    assert.ok(fs.existsSync(target));
    assert.match(fs.readFileSync(target, 'utf8'), /^report: focused-visit$/m);
    assert.strictEqual(io.errs.filter((e) => /cannot import/.test(e)).length, 3);
    assert.ok(io.errs.some((e) => /^page\.pdf: cannot import: not a PDF: it is a web page/.test(e)));
    assert.ok(io.errs.some((e) => /^empty\.txt: cannot import: the file is empty/.test(e)));
    assert.ok(io.errs.some((e) => /^missing\.pdf: cannot import: no such file/.test(e)));
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'history', 'exampleton')), ['2019-01-focused-visit.md'], 'no temporary file left');
  });

  it('never overwrites an existing file unless --force', async () => {
    const target = path.join(dir, 'history', 'exampleton', '2019-01-focused-visit.md');
    assert.strictEqual(await runImport(['letter.txt', '--out', 'history'], capture(dir)), 0);
    fs.writeFileSync(target, 'edited by hand\n');
    const io = capture(dir);
    assert.strictEqual(await runImport(['letter.txt', '--out', 'history'], io), 1);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'edited by hand\n');
    assert.ok(io.errs.some((e) => /already exists \(use --force to overwrite\)/.test(e)));
    assert.strictEqual(await runImport(['letter.txt', '--out', 'history', '--force'], capture(dir)), 0);
    assert.match(fs.readFileSync(target, 'utf8'), /^report: focused-visit$/m);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(target)), ['2019-01-focused-visit.md']);
  });

  it('fills front matter from --set and refuses usage errors with exit 2', async () => {
    assert.strictEqual(await runImport(['letter.txt', '--out', 'h', '--set', 'published=2019-02-01'], capture(dir)), 0);
    assert.match(fs.readFileSync(path.join(dir, 'h', 'exampleton', '2019-01-focused-visit.md'), 'utf8'), /^published: 2019-02-01$/m);
    assert.strictEqual(await runImport(['letter.txt'], capture(dir)), 2);
    assert.strictEqual(await runImport(['--out', 'h'], capture(dir)), 2);
    assert.strictEqual(await runImport(['letter.txt', '--out', 'h', '--bogus'], capture(dir)), 2);
    assert.strictEqual(await runImport(['letter.txt', '--out', 'h', '--set', 'novalue'], capture(dir)), 2);
  });

  it('prints paths relative to the current folder (whole when outside it)', async () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    const io = capture(ws);
    assert.strictEqual(await runImport(['../letter.txt', '--out', 'history'], io), 0);
    assert.deepStrictEqual(io.outs[0], `../letter.txt -> ${path.join('history', 'exampleton', '2019-01-focused-visit.md')} (focused-visit)`);
    const elsewhere = path.join(dir, 'elsewhere');
    const io2 = capture(ws);
    assert.strictEqual(await runImport([path.join(dir, 'letter.txt'), '--out', elsewhere], io2), 0);
    assert.deepStrictEqual(io2.outs[0], `${path.join(dir, 'letter.txt')} -> ${path.join(elsewhere, 'exampleton', '2019-01-focused-visit.md')} (focused-visit)`);
  });

  it('a second import with --set replaces the first attempt it moved, and says so', async () => {
    fs.writeFileSync(path.join(dir, 'nodate.txt'), LETTER.replace(' on 9 January 2019', ''));
    const first = path.join(dir, 'history', 'exampleton', 'undated-focused-visit.md');
    assert.strictEqual(await runImport(['nodate.txt', '--out', 'history'], capture(dir)), 0);
    assert.ok(fs.existsSync(first));
    const io = capture(dir);
    assert.strictEqual(await runImport(['nodate.txt', '--out', 'history', '--set', 'inspection-dates=2019-01-09', '--set', 'title=Focused visit to Exampleton'], io), 0);
    assert.ok(!fs.existsSync(first), 'the first attempt is gone');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(first)), ['2019-01-focused-visit.md']);
    assert.ok(io.errs.some((e) => e.startsWith(`nodate.txt: removed ${path.join('history', 'exampleton', 'undated-focused-visit.md')}`)), io.errs.join('\n'));
    assert.match(fs.readFileSync(path.join(path.dirname(first), '2019-01-focused-visit.md'), 'utf8'), /^# Focused visit to Exampleton$/m);
  });
});
