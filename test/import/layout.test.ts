/**
 * The PDF layout reader on positioned text written for these tests: numbers
 * that wrap to the start of a line, two-line table cells, headings with the
 * grade printed in a column beside them.
 */
import * as assert from 'assert';
import { layoutToParas } from '../../server/src/import/layout';
import type { PdfItem, PdfPage } from '../../server/src/import/pdf';
import { textToParas } from '../../server/src/import/plainText';
import { catalog } from '../helpers/data';

const item = (str: string, x: number, y: number, size = 12): PdfItem => ({ str, x, y, w: str.length * size * 0.5, size });
const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
/** A numbered paragraph: the number hangs at x 71, its text and continuation lines start at x 99. */
function numbered(n: number, lines: string[], top: number): PdfItem[] {
  return lines.flatMap((text, k) => (k === 0 ? [item(`${n}.`, 71, top), item(text, 99, top)] : [item(text, 99, top - k * 14.5)]));
}

describe('import layout: a number at the start of a wrapped line', () => {
  it('keeps "... until age" / "25. Young people ..." in its paragraph, and still starts the next numbered one', () => {
    const items = [
      ...numbered(7, ['Most young people can see a doctor when they need to and those who', 'need it have help with their emotional health until they reach the age of', '25. Young people are helped by workers who know them well.'], 700),
      ...numbered(8, ['Advisers keep in touch.'], 640),
    ];
    const paras = layoutToParas([page(items)], catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines[0].slice(0, 3)), ['7. ', '8. ']);
    assert.strictEqual(paras[0].lines.length, 3);
    assert.match(paras[0].lines[2], /^25\. Young people/);
  });

  it('joins a number wrapped onto the next page when it sits at the text indent', () => {
    const p1 = page([...numbered(12, ['Care leavers are supported well into adult life and can stay in touch beyond the age of'], 120)]);
    const p2 = page([item('21. Support is tailored to each young person.', 99, 760), ...numbered(13, ['Leaders know their services.'], 730)]);
    const paras = layoutToParas([p1, p2], catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines.length), [2, 1]);
    assert.match(paras[0].lines[1], /^21\. Support/);
    assert.match(paras[1].lines[0], /^13\. Leaders/);
  });

  it('starts a new paragraph at a number that hangs at the margin, even after an unfinished line', () => {
    const items = [...numbered(4, ['Workers see children often, and they', 'know them well and act quickly when there is'], 700), ...numbered(5, ['Plans are reviewed.'], 671)];
    const paras = layoutToParas([page(items)], catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines[0].slice(0, 2)), ['4.', '5.']);
  });

  it('does the same in plain text, where only the sequence and the unfinished line tell', () => {
    const paras = textToParas([
      '41. Personal advisers are allocated close to the 18th birthday.', '',
      '42. Most young people have good access to their health records and help until age', '',
      '25. Young people are well supported by their advisers.', '',
      '43. The local offer is comprehensive.',
    ].join('\n'), catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines[0].slice(0, 3)), ['41.', '42.', '43.']);
    assert.match(paras[1].lines.join(' '), /until age 25\. Young people/);
  });

  it('keeps a numbered list that restarts after a heading', () => {
    const paras = textToParas(['5. Leaders know their services well.', '', 'Areas for priority action', '', '1. The response to referrals.', '', '2. Plans for children in care.'].join('\n'), catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines[0].slice(0, 2)), ['5.', 'Ar', '1.', '2.']);
  });
});

describe('import layout: two-line cells and graded headings', () => {
  const front = [item('Inspection of Exampleton local authority children’s services', 71, 780, 20), item('Inspection dates: 6 to 17 March 2023', 71, 740)];
  it('rebuilds table rows with names ending in a full stop, split grades, and a grade above and below its name', () => {
    const s = 11;
    const items = [
      ...front,
      item('Judgement', 79, 700), item('Grade', 395, 700),
      item('The impact of leaders on social work practice with', 79, 670, s), item('Requires improvement', 395, 670, s),
      item('children and families.', 79, 656.5, s), item('to be good', 395, 656.5, s),
      item('The experiences and progress of children who need', 79, 625, s), item('Good', 395, 625, s),
      item('help and protection.', 79, 611.5, s),
      item('The experiences and progress of children in care and', 79, 598, s), item('Good', 395, 591, s),
      item('care leavers', 79, 584.5, s),
      item('Requires improvement', 395, 557, s),
      item('Overall effectiveness', 79, 550, s),
      item('to be good', 395, 543, s),
      item('Children in Exampleton are mostly helped well.', 71, 500),
    ];
    const paras = layoutToParas([page(items)], catalog);
    const table = paras.find((p) => p.table)?.table;
    assert.deepStrictEqual(table?.map((r) => [r.name, r.grade]), [
      ['The impact of leaders on social work practice with children and families', 'Requires improvement to be good'],
      ['The experiences and progress of children who need help and protection', 'Good'],
      ['The experiences and progress of children in care and care leavers', 'Good'],
      ['Overall effectiveness', 'Requires improvement to be good'],
    ]);
    assert.ok(paras.some((p) => p.lines[0] === 'Children in Exampleton are mostly helped well.'));
  });

  it('rebuilds a section heading whose grade is printed in a column beside it', () => {
    const items = [
      item('The experiences and progress of children who need help', 71, 700, 14), item('Requires improvement', 395, 700, 14),
      item('and protection', 71, 683, 14), item('to be good', 395, 683, 14),
      ...numbered(1, ['Families are helped early by a wide range of services that work well together, and', 'social workers see children often and know them well.'], 650),
      item('Requires improvement', 395, 607, 14),
      item('The impact of leaders on social work practice with children and families', 71, 600, 14),
      item('to be good', 395, 593, 14),
      ...numbered(2, ['Leaders know their services well, and they act on what they learn from audits and', 'from what children tell them about the help they receive.'], 560),
    ];
    const paras = layoutToParas([page(items)], catalog);
    assert.deepStrictEqual(paras.map((p) => p.lines.join(' ')), [
      'The experiences and progress of children who need help and protection: Requires improvement to be good',
      '1. Families are helped early by a wide range of services that work well together, and social workers see children often and know them well.',
      'The impact of leaders on social work practice with children and families: Requires improvement to be good',
      '2. Leaders know their services well, and they act on what they learn from audits and from what children tell them about the help they receive.',
    ]);
    assert.deepStrictEqual(paras.map((p) => p.heading), [2, undefined, 2, undefined]);
  });
});
