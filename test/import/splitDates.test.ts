/**
 * An inspection held in parts ("5 to 9 December 2022 and 14 to 15 February
 * 2023": paused, then finished later) is imported with inspection-dates from
 * the first part's start to the last part's end, however its line wraps; and
 * the checker then reads the printed line the same way (dates rule). PDFs and
 * text written for these tests.
 */
import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { importPdf, importText } from '../../server/src/import/index';
import { datesLines } from '../../server/src/import/build';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { catalog, data } from '../helpers/data';
import { makePdf, type PdfLine } from './pdfMaker';

const L = (y: number, text: string, size = 12, x = 71): PdfLine => ({ x, y, size, text });

/** The 2023 judgement table's names, as two printed lines each. */
const ROWS: [string, string?][] = [
  ['The impact of leaders on social work', 'practice with children and families'],
  ['The experiences and progress of', 'children who need help and protection'],
  ['The experiences and progress of', 'children in care'],
  ['The experiences and progress of care', 'leavers'],
  ['Overall effectiveness'],
];

/** A one-page 2023 report whose dates line is `dates` (one or two printed lines). */
function report(dates: string[]): PdfLine[] {
  return [
    L(700, 'Inspection of Exampleton local authority', 26), L(669, "children's services", 26),
    ...dates.map((d, k) => L(640 - k * 14.5, d)),
    L(600, "Lead inspector: Ann Example, His Majesty's Inspector"),
    L(575, 'Judgement', 12, 77), { x: 303, y: 575, size: 12, text: 'Grade' },
    ...ROWS.flatMap(([first, second], k) => {
      const y = 542 - 42 * k;
      return [L(y, first, 12, 77), { x: 303, y, size: 12, text: 'Good' }, ...(second ? [L(y - 14.5, second, 12, 77)] : [])];
    }),
    L(340, 'Children in Exampleton get the help they need.'),
  ];
}

const WHOLE = [{ start: '2022-12-05', end: '2023-02-15' }];

describe('import: an inspection held in parts', () => {
  const layouts: [string, string[]][] = [
    ['on one line', ['Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023']],
    ['wrapped before the last month', ['Inspection dates: 5 to 9 December 2022 and 14 to 15', 'February 2023']],
    ['with the last part on a line of its own', ['Inspection dates: 5 to 9 December 2022', 'and 14 to 15 February 2023']],
  ];
  for (const [name, dates] of layouts) {
    it(`spans both parts when the line is printed ${name}`, async () => {
      const r = await importPdf(makePdf([report(dates)]), { catalog, sourceName: 'exampleton--children-s-services-inspection-02-may-2023.pdf' });
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.deepStrictEqual(r.frontMatter.inspectionDates, WHOLE);
      const c = checkText(r.markdown, 'x.md', { data, profiles: builtinProfiles() });
      assert.deepStrictEqual(c.diagnostics.filter((d) => d.ruleId === 'dates').map((d) => d.message), []);
    });
  }

  it('reads the same from text', () => {
    const r = importText(['Inspection of Exampleton local authority children’s services', '',
      'Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023', '',
      'Judgement\tGrade', 'Overall effectiveness\tGood', '', 'Children are helped.'].join('\n'), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepStrictEqual(r.frontMatter.inspectionDates, WHOLE);
  });

  it('takes the dates lines only as far as the dates go', () => {
    assert.strictEqual(datesLines(['Inspection dates: 1 to 5 May 2023', 'Lead inspector: A']), 'Inspection dates: 1 to 5 May 2023');
    assert.strictEqual(datesLines(['Inspection dates: 1 to 5 May 2023 and 2 to', '3 June 2023', 'Other']), 'Inspection dates: 1 to 5 May 2023 and 2 to 3 June 2023');
    assert.strictEqual(datesLines(['Inspection dates: 1 to 5 May 2023', 'and 2 to 3 June 2023']), 'Inspection dates: 1 to 5 May 2023 and 2 to 3 June 2023');
  });
});
