/**
 * Word in (issue 15): a plain Word draft (title page, judgement table,
 * headings by style, numbers typed by hand, bullets) imports to the dialect,
 * from the importer and from `inspection-reports import`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runImport } from '../../../server/src/cli/import';
import type { Io } from '../../../server/src/cli/main';
import { importDocx } from '../../../server/src/import/docx/index';
import { parseReport } from '../../../server/src/model/parse';
import { builtinProfiles } from '../../../server/src/io/builtinData';
import { abstractNum, ilacsTitlePage, makeDocx, num, p } from './make';
import { catalog } from '../../helpers/data';

function plainDraft(): string {
  return ilacsTitlePage() + [
    p('Exampleton is improving the help it gives to children.'),
    p('What needs to improve?', { style: 'Heading2' }),
    p('Responses when children are first referred.', { numId: 9 }),
    p('Management oversight of front-line work.', { numId: 9 }),
    p('The experiences and progress of children who need help and protection: inadequate', { style: 'Heading2' }),
    p('1. Children wait too long for a first response.'),
    p('2. Strategy meetings are not always held.'),
    p('The experiences and progress of children in care and care leavers: requires improvement to be good', { style: 'Heading2' }),
    p('3. Children in care are seen regularly.'),
    p('The impact of leaders on social work practice with children and families: requires improvement to be good', { style: 'Heading1' }),
    p('4. Leaders know their services well.'),
  ].join('');
}

const BULLETS = abstractNum(5, [{ ilvl: 0, fmt: 'bullet', text: '\uf0b7' }]) + num(9, 5);

describe('import: Word documents (.docx)', () => {
  it('reads a plain draft: front matter from the title page, headings by style, typed numbers, bullets, the table', async () => {
    const r = await importDocx(await makeDocx(plainDraft(), { numbering: BULLETS }), { catalog, sourceName: 'draft.docx' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.kind, 'ilacs');
    assert.strictEqual(r.frontMatter.authority, 'Exampleton');
    assert.deepStrictEqual(r.frontMatter.inspectionDates, [{ start: '2022-07-11', end: '2022-07-22' }]);
    assert.strictEqual(r.frontMatter.leadInspector, 'Jane Example');
    assert.strictEqual(r.table.length, 4);
    assert.deepStrictEqual(r.table[3], { name: 'Overall effectiveness', grade: 'Inadequate' });
    const md = r.markdown;
    assert.match(md, /^# Inspection of Exampleton local authority children’s services$/m);
    assert.match(md, /^## What needs to improve\?$/m);
    assert.match(md, /^- Responses when children are first referred\.\n- Management oversight of front-line work\.$/m);
    assert.match(md, /^1\. Children wait too long/m);
    assert.match(md, /^3\. Children in care are seen regularly\.$/m);
    // Heading 1 after the title is a section heading, not a second title.
    assert.match(md, /^## The impact of leaders on social work practice with children and families: requires improvement to be good$/m);
    assert.strictEqual((md.match(/^# /gm) ?? []).length, 1);

    const model = parseReport(md, 'file:///draft.md', builtinProfiles());
    assert.strictEqual(model.kind, 'ilacs');
    assert.deepStrictEqual(model.numbered.map((n) => n.printed), ['1', '2', '3', '4']);
  });

  it('imports a .docx from the command line, and refuses a text file named .docx with one message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'draft.docx'), await makeDocx(plainDraft(), { numbering: BULLETS }));
      fs.writeFileSync(path.join(dir, 'notes.docx'), 'just some text, saved with the wrong name\n');
      const outs: string[] = [];
      const errs: string[] = [];
      const io: Io = { cwd: dir, out: (s) => outs.push(s), err: (s) => errs.push(s) };
      const code = await runImport(['draft.docx', 'notes.docx', '--out', 'history'], io);
      assert.strictEqual(code, 1);
      const target = path.join(dir, 'history', 'exampleton', '2022-07-ilacs.md');
      assert.ok(fs.existsSync(target), outs.concat(errs).join('\n'));
      assert.match(fs.readFileSync(target, 'utf8'), /^## What needs to improve\?$/m);
      assert.ok(outs.some((o) => /^draft\.docx -> .*2022-07-ilacs\.md \(ilacs\)$/.test(o)), outs.join('\n'));
      assert.deepStrictEqual(errs.filter((e) => /cannot import/.test(e)), ['notes.docx: cannot import: not a Word document: a .docx is a zip file, and this file is not one']);
      assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'history')), ['exampleton']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
