import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/config/config';
import { cli, linesAbout, reportWithError, tempDir } from './helpers';

/**
 * Issue 7, bad input and limits: a report over the size limit (5 MB by
 * default, `maxFileSize` in .inspection-reports.yaml) is not checked, with one
 * message saying why; a binary or non-UTF-8 file is skipped with a message;
 * the other files are still checked.
 */
describe('hardening: size limit and encodings (command line)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('limits');
    fs.writeFileSync(path.join(dir, 'good.md'), reportWithError());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not check a report over the default 5 MB limit, says so once, and checks the rest', async () => {
    assert.strictEqual(DEFAULT_MAX_FILE_SIZE, 5 * 1024 * 1024);
    // One byte over the limit.
    const head = reportWithError() + '\n';
    const big = head + 'x'.repeat(DEFAULT_MAX_FILE_SIZE + 1 - Buffer.byteLength(head));
    assert.strictEqual(Buffer.byteLength(big), DEFAULT_MAX_FILE_SIZE + 1);
    fs.writeFileSync(path.join(dir, 'huge.md'), big);
    const r = await cli(dir, 'check', '.');
    const about = linesAbout(r.err, 'huge.md');
    assert.strictEqual(about.length, 1, r.err.join('\n'));
    assert.match(about[0], /huge\.md: cannot check: file is 5\.0 MB, over the 5\.0 MB limit \(maxFileSize in \.inspection-reports\.yaml\); not checked/);
    assert.ok(!r.out.some((l) => l.startsWith('huge.md')), 'no finding from the large file');
    assert.ok(r.out.some((l) => l.startsWith('good.md:') && l.includes('grade-wording')), 'the other file is checked');
    assert.strictEqual(r.code, 1);
  });

  it('uses maxFileSize from .inspection-reports.yaml', async () => {
    fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'maxFileSize: 1000\n');
    const r = await cli(dir, 'check', 'good.md');
    const size = fs.statSync(path.join(dir, 'good.md')).size;
    assert.ok(size > 1000);
    assert.deepStrictEqual(linesAbout(r.err, 'good.md'), [`good.md: cannot check: file is ${(size / 1024).toFixed(1)} KB, over the 1000 bytes limit (maxFileSize in .inspection-reports.yaml); not checked`]);
    assert.strictEqual(r.code, 2, 'nothing could be read');
    fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), `maxFileSize: ${size}\n`);
    const exact = await cli(dir, 'check', 'good.md');
    assert.deepStrictEqual(exact.err, [], 'a file exactly at the limit is checked');
    assert.strictEqual(exact.code, 1);
  });

  it('skips a binary file and a file that is not UTF-8, one message each, and checks the rest', async () => {
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x0a]));
    // Latin-1 text saved from an old editor: 'Ofsted’s' with a 0x92 byte.
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\nreport: ilacs\n---\n# Ofsted'), Buffer.from([0x92]), Buffer.from('s report\n')]));
    const r = await cli(dir, 'check', '.');
    assert.deepStrictEqual(linesAbout(r.err, 'binary.md'), ['binary.md: cannot check: binary file (contains NUL bytes); not checked']);
    assert.deepStrictEqual(linesAbout(r.err, 'latin1.md'), ['latin1.md: cannot check: not valid UTF-8 text; save it as UTF-8 and check again']);
    assert.ok(r.out.some((l) => l.startsWith('good.md:')), 'the other file is checked');
    assert.strictEqual(r.code, 1);
  });

  it('reads UTF-8 with a byte-order mark and UTF-8 with astral characters', async () => {
    fs.writeFileSync(path.join(dir, 'bom.md'), '\ufeff' + reportWithError().replace('Hannah Sample', 'Hannah Sample \u{1F600}'));
    const r = await cli(dir, 'check', 'bom.md');
    assert.deepStrictEqual(r.err, []);
    assert.ok(r.out.some((l) => /^bom\.md:\d+:\d+ error grade-wording/.test(l)), r.out.join('\n'));
  });
});
