/**
 * `inspection-reports export --to docx`: writes a valid .docx, refuses a
 * report with errors (naming them) unless --allow-errors, never replaces a
 * file without --force, and says why when it will not.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../server/src/cli/main';
import { readDocx } from './readDocx';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const CLEAN = path.join(EXAMPLES, 'history', 'wexbridge-city', '2019-06-ilacs.md');
const WITH_ERRORS = path.join(EXAMPLES, 'drafts', '2025-02-ilacs.md');

function capture(cwd: string): Io & { outs: string[]; errs: string[] } {
  const outs: string[] = [];
  const errs: string[] = [];
  return { cwd, outs, errs, out: (s) => outs.push(...s.split('\n')), err: (s) => errs.push(...s.split('\n')) };
}

describe('cli: export --to docx', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-cli-'));
    fs.copyFileSync(CLEAN, path.join(dir, 'clean.md'));
    fs.copyFileSync(WITH_ERRORS, path.join(dir, 'draft.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a Word document beside the report by default', async () => {
    const io = capture(dir);
    assert.strictEqual(await run(['export', 'clean.md', '--to', 'docx'], io), 0, io.errs.join('\n'));
    const out = path.join(dir, 'clean.docx');
    const bytes = fs.readFileSync(out);
    assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    const doc = await readDocx(bytes);
    assert.strictEqual(doc.properties.get('inspection-reports-kind'), 'ilacs');
    assert.ok(doc.paragraphs.some((p) => p.style === 'Title'));
    assert.deepStrictEqual(io.outs, ['clean.md -> clean.docx']);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['clean.docx', 'clean.md', 'draft.md'], 'no temporary file left');
  });

  it('refuses a report with errors, listing them by line and rule, and writes nothing', async () => {
    const io = capture(dir);
    assert.strictEqual(await run(['export', 'draft.md', '--to', 'docx', '--out', 'out/draft.docx'], io), 1);
    assert.ok(!fs.existsSync(path.join(dir, 'out', 'draft.docx')));
    const listed = io.errs.filter((e) => /^draft\.md:\d+:\d+ error [a-z-]+ /.test(e));
    assert.ok(listed.length >= 2, io.errs.join('\n'));
    assert.ok(listed.some((e) => /paragraph-numbering/.test(e)));
    assert.ok(io.errs.some((e) => new RegExp(`not exported: the report has ${listed.length} errors.*--allow-errors`).test(e)), io.errs.join('\n'));
  });

  it('exports a report with errors when --allow-errors is given, still listing them', async () => {
    const io = capture(dir);
    assert.strictEqual(await run(['export', 'draft.md', '--to=docx', '--allow-errors', '--out', 'draft.docx'], io), 0);
    assert.ok(fs.existsSync(path.join(dir, 'draft.docx')));
    assert.ok(io.errs.some((e) => /error paragraph-numbering/.test(e)));
    assert.match(io.outs[0], /^draft\.md -> draft\.docx despite \d+ errors \(--allow-errors\)$/);
  });

  it('never replaces an existing file without --force, and says so', async () => {
    const out = path.join(dir, 'clean.docx');
    fs.writeFileSync(out, 'keep me');
    const io = capture(dir);
    assert.strictEqual(await run(['export', 'clean.md', '--to', 'docx'], io), 1);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'keep me');
    assert.ok(io.errs.some((e) => /clean\.docx: already exists; not replaced \(use --force to replace it\)/.test(e)), io.errs.join('\n'));
    const forced = capture(dir);
    assert.strictEqual(await run(['export', 'clean.md', '--to', 'docx', '--force'], forced), 0);
    assert.strictEqual(fs.readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });

  it('usage errors: no --to, another format, no file, output over the report', async () => {
    for (const [args, pattern] of [
      [['export', 'clean.md'], /needs --to docx/],
      [['export', 'clean.md', '--to', 'pdf'], /cannot export to 'pdf'/],
      [['export', '--to', 'docx'], /needs exactly one report/],
      [['export', 'clean.md', '--to', 'docx', '--out', 'clean.md', '--force'], /would replace the report itself/],
    ] as [string[], RegExp][]) {
      const io = capture(dir);
      assert.strictEqual(await run(args, io), 2, args.join(' '));
      assert.ok(io.errs.some((e) => pattern.test(e)), `${args.join(' ')}: ${io.errs.join('\n')}`);
    }
    assert.strictEqual(fs.readFileSync(path.join(dir, 'clean.md'), 'utf8'), fs.readFileSync(CLEAN, 'utf8'));
  });

  it('says what is wrong with a file that is not a report or cannot be read', async () => {
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nNot a report.\n');
    const io = capture(dir);
    assert.strictEqual(await run(['export', 'notes.md', '--to', 'docx'], io), 2);
    assert.ok(io.errs.some((e) => /notes\.md: not exported: not a report/.test(e)), io.errs.join('\n'));
    const missing = capture(dir);
    assert.strictEqual(await run(['export', 'missing.md', '--to', 'docx'], missing), 2);
    assert.ok(missing.errs.some((e) => /missing\.md: cannot export: no such file/.test(e)));
  });
});
