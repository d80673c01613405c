/**
 * `inspection-reports check draft.docx`: the draft is imported in memory and
 * checked, nothing is written, and each problem is placed by the Word
 * paragraph it is in (number and opening words), in text, JSON and SARIF.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../../server/src/cli/main';
import { abstractNum, del, ilacsTitlePage, ins, makeDocx, num, p } from './make';

const NUMBERING = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0);

function draft(): string {
  return ilacsTitlePage() + [
    p('Exampleton is improving.'),
    p('The experiences and progress of children who need help and protection: inadequate', { style: 'Heading2' }),
    p('Children are seen quickly.', { numId: 1 }),
    p('5. The delays in some assessments leave children at risk.'),
    p(['Plans are ', del('not ', 1), ins('always ', 2), 'reviewed.'], { numId: 1 }),
  ].join('');
}

async function check(dir: string, ...args: string[]): Promise<{ code: number; outs: string[]; errs: string[] }> {
  const outs: string[] = [];
  const errs: string[] = [];
  const io: Io = { cwd: dir, out: (s) => outs.push(...s.split('\n')), err: (s) => errs.push(s) };
  const code = await run(['check', ...args], io);
  return { code, outs, errs };
}

describe('check: Word drafts', () => {
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-check-'));
    fs.writeFileSync(path.join(dir, 'draft.docx'), await makeDocx(draft(), { numbering: NUMBERING }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('places each problem by paragraph number and quoted text, and writes nothing', async () => {
    const before = fs.readdirSync(dir);
    const { code, outs, errs } = await check(dir, 'draft.docx');
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(fs.readdirSync(dir), before);
    const numbering = outs.filter((l) => / paragraph-numbering /.test(l));
    assert.deepStrictEqual(numbering.map((l) => l.replace(/ error paragraph-numbering .*/, '')), [
      'draft.docx: paragraph 17 ("5. The delays in some assessments ...")',
      'draft.docx: paragraph 18 ("2. Plans are always reviewed.")',
    ]);
    assert.ok(outs.some((l) => /^draft\.docx: title page \(front matter\) error front-matter .*'published'/.test(l)), outs.join('\n'));
    assert.ok(!outs.some((l) => /^draft\.docx:\d/.test(l)), 'no line numbers for a Word draft');
    assert.deepStrictEqual(errs, ['draft.docx: the document has tracked changes (1 insertion, 1 deletion): imported as it reads with all of them accepted']);
  });

  it('gives the paragraph and quote in JSON, and the paragraph in the SARIF message without a line region', async () => {
    const json = JSON.parse((await check(dir, 'draft.docx', '--format', 'json')).outs.join('\n')) as { ruleId: string; paragraph: number | null; quote: string | null }[];
    const jump = json.find((d) => d.ruleId === 'paragraph-numbering');
    assert.deepStrictEqual(jump && { paragraph: jump.paragraph, quote: jump.quote }, { paragraph: 17, quote: '5. The delays in some assessments ...' });
    assert.strictEqual(json.find((d) => d.ruleId === 'front-matter')?.paragraph, null);
    const sarif = JSON.parse((await check(dir, 'draft.docx', '--format', 'sarif')).outs.join('\n'));
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'paragraph-numbering');
    assert.match(result.message.text, /^paragraph 17 \("5\. The delays in some assessments \.\.\."\): /);
    assert.strictEqual(result.locations[0].physicalLocation.region, undefined);
  });

  it('reports a Word file it cannot import and goes on with the rest', async () => {
    fs.writeFileSync(path.join(dir, 'old.docx'), 'not a zip');
    const { code, errs } = await check(dir, 'old.docx', 'draft.docx', '--quiet');
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(errs, ['old.docx: cannot check: cannot import the Word document: not a Word document: a .docx is a zip file, and this file is not one']);
  });

  it('does not write to a Word document with --fix, and says so', async () => {
    const before = fs.readFileSync(path.join(dir, 'draft.docx'));
    const { errs } = await check(dir, 'draft.docx', '--fix');
    assert.ok(errs.includes('draft.docx: not fixed: --fix does not write to Word documents (fix the draft in Word, or import it and fix the Markdown)'), errs.join('\n'));
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'draft.docx')), before);
  });
});
