import * as assert from 'assert';
import { importDocx } from '../../server/src/import/docx/index';
import { importBytes, importPdf, importText } from '../../server/src/import/entry';
import { importGradesFor } from '../../server/src/import/grades';
import { importNamesFor } from '../../server/src/import/names';
import { isTableLine, splitTableText } from '../../server/src/import/patterns';
import type { ImportResult } from '../../server/src/import/types';
import { readCatalog } from '../../server/src/profiles/load';
import { catalog as builtin } from '../helpers/data';
import { makeDocx, p, table } from './docx/make';
import { at, makePdf } from './pdfMaker';

/** A made-up catalogue whose grades and judgements are not Ofsted's (but for 'Good' and one name). */
const invented = readCatalog({
  grades: { new: ['Excellent', 'Good', 'Poor and weak'], old: ['Excellent', 'Fine', 'Poor'] },
  notGrades: {},
  judgements: { a: { name: 'Alpha' }, b: { name: 'Beta overall' }, c: { name: 'Overall effectiveness' } },
  eras: [{ id: 'new', framework: 'new', from: '2010-01-01', grades: 'new', table: ['a', 'b', 'c'], sections: ['a', 'b'] }],
}, 'invented', []);

describe('import: grade phrases and judgement names from the catalogue', () => {
  it('reads every grade set of the catalogue, older ones too, longest phrase first', () => {
    const g = importGradesFor(builtin);
    for (const set of Object.values(builtin.grades)) for (const phrase of set) assert.ok(g.phrases.includes(phrase), phrase);
    assert.ok(g.phrases.includes('Adequate'), 'old reports print adequate');
    assert.deepStrictEqual(g.phrases, [...g.phrases].sort((a, b) => b.length - a.length));
    assert.strictEqual(g.any.exec('judged requires improvement to be good.')?.[1], 'requires improvement to be good');
    assert.ok(g.only.test('Requires Improvement') && !g.only.test('Good enough'));
    assert.ok(g.wordsOnly.test('to be good') && g.wordsOnly.test('Not judged') && !g.wordsOnly.test('good work'));
    assert.strictEqual(importGradesFor(builtin), g, 'built once per catalogue');
  });

  it('reads judgement names as printed, ILACS and SIF, whole or cut short by a line end or a grade', () => {
    const { start, tableWords, onlyIn } = importNamesFor(builtin);
    for (const line of [
      'The impact of leaders on social work practice with children and families: good',
      '3. The experiences and progress of children looked after', // an opening several names share
      'Experiences and progress of care leavers',
      '2. Children looked after and achieving Requires improvement', // the grade beside a wrapped name
      'The impact of leaders on social work practice with', // wrapped
      'Leadership, management and governance requires improvement',
      'Adoption performance',
    ]) assert.ok(start.test(line), line);
    for (const line of ['The impact of leaders was strong', 'Children who need a plan', 'Overall, children are safe', 'Leadership, management and']) {
      assert.ok(!start.test(line), line);
    }
    for (const w of ['leaders', 'permanence', 'governance', 'judgement', 'grade']) assert.ok(tableWords.has(w), w);
    assert.ok(!tableWords.has('practise') && !tableWords.has('good'), 'grades are ./grades.ts\'s');
    const sif = onlyIn.get('sif');
    assert.ok(sif);
    assert.ok(sif.test('Adoption performance') && sif.test('Children looked after and achieving permanence'));
    assert.ok(!sif.test('Overall effectiveness') && !sif.test('Children who need help and protection'), 'ILACS names hold these');
    assert.strictEqual(importNamesFor(builtin).start, start, 'built once per catalogue');
  });

  it('splits table text and finds table lines by the catalogue it was given', () => {
    assert.deepStrictEqual(splitTableText('Overall effectiveness Requires improvement to be good', builtin), [{ name: 'Overall effectiveness', grade: 'Requires improvement to be good' }]);
    assert.deepStrictEqual(splitTableText('Alpha Poor and weak Beta overall Excellent', invented), [{ name: 'Alpha', grade: 'Poor and weak' }, { name: 'Beta overall', grade: 'Excellent' }]);
    assert.deepStrictEqual(splitTableText('Overall effectiveness Inadequate', invented), [], "'Inadequate' is no grade of this catalogue");
    assert.ok(isTableLine('Alpha Excellent', invented));
    assert.ok(!isTableLine('Alpha Excellent', builtin), 'neither the name nor the grade is Ofsted\'s');
    assert.ok(!isTableLine('Adoption performance Good', invented), 'no judgement of this catalogue');
    assert.ok(isTableLine('Adoption performance Good', builtin));
  });

  it("takes the catalogue from the import's options", () => {
    const rows = (r: ImportResult) => (r.ok ? r.table.map((t) => `${t.name}: ${t.grade}`) : []);
    const withOurs = importText(TEXT, { sourceName: 'x.txt', catalog: invented });
    const withBuiltin = importText(TEXT, { sourceName: 'x.txt', catalog: builtin });
    assert.deepStrictEqual(rows(withOurs), ['Overall effectiveness: Good', 'Alpha: Excellent'], JSON.stringify(withOurs));
    assert.deepStrictEqual(rows(withBuiltin), ['Overall effectiveness: Good'], JSON.stringify(withBuiltin));
  });

  it('says so, without throwing, when no catalogue is given', async () => {
    for (const r of [importText(TEXT), await importPdf(pdf()), await importDocx(await docx()), await importBytes(Buffer.from(TEXT), 'x.txt')]) {
      assert.ok(!r.ok);
      assert.match(r.reason, /no judgement catalogue was given to the importer/);
    }
  });

  it('reads each of several imports by its own catalogue, one after another or in flight together', async () => {
    const [pdfBytes, wordBytes] = [pdf(), await docx()];
    const kinds: [string, (c: typeof builtin) => Promise<ImportResult>][] = [
      ['text', async (catalog) => importText(TEXT, { sourceName: 'x.txt', catalog })],
      ['PDF', async (catalog) => importPdf(pdfBytes, { sourceName: 'x.pdf', catalog })],
      ['Word', async (catalog) => importDocx(wordBytes, { sourceName: 'x.docx', catalog })],
    ];
    for (const [kind, run] of kinds) {
      const alone = { ours: await run(invented), builtin: await run(builtin) };
      assert.ok(alone.ours.ok && alone.builtin.ok, kind);
      assert.notDeepStrictEqual(alone.ours.table, alone.builtin.table, `${kind}: the two catalogues read the table differently`);
      // A, B, A one after another, then all in flight at once (the PDF and Word readers await between their steps).
      const order = [invented, builtin, invented];
      const results: ImportResult[] = [];
      for (const c of order) results.push(await run(c));
      const inFlight = [invented, builtin, invented, builtin];
      results.push(...await Promise.all(inFlight.map(run)));
      [...order, ...inFlight].forEach((c, k) => assert.deepStrictEqual(results[k], c === invented ? alone.ours : alone.builtin, `${kind}, import ${k + 1}`));
    }
  });
});

/** A report whose table reads differently by catalogue: Ofsted's knows 'Good', the invented one 'Excellent' and 'Alpha' too. */
const TEXT = [
  'Inspection of Exampleton local authority children’s services', '',
  'Inspection dates: 6 to 17 March 2023', '',
  'Judgement Grade', 'Overall effectiveness Good', 'Alpha Excellent', '',
  'Children are safe.', '',
].join('\n');

function pdf(): Uint8Array {
  return makePdf([[
    at(760, 'Inspection of Exampleton local authority children’s services', 20),
    at(700, 'Inspection dates: 6 to 17 March 2023'),
    at(660, 'Judgement'), at(660, 'Grade', 12, 400),
    at(640, 'Overall effectiveness'), at(640, 'Good', 12, 400),
    at(620, 'Alpha'), at(620, 'Excellent', 12, 400),
    at(580, 'Children are safe.'),
  ]]);
}

function docx(): Promise<Uint8Array> {
  return makeDocx([
    p('Inspection of Exampleton local authority children’s services', { style: 'Title' }),
    p('Inspection dates: 6 to 17 March 2023'),
    table([['Judgement', 'Grade'], ['Overall effectiveness', 'Good'], ['Alpha', 'Excellent']]),
    p('Children are safe.'),
  ].join(''));
}
