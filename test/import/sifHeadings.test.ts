/**
 * SIF graded headings as the 2014 to 2016 reports lay them out (issue 13,
 * class 7), on a synthetic PDF written for this test: a "Key judgement |
 * Judgement grade" box whose grade sits close to the wrapped name, a box
 * without the header row repeating the two-line heading above it, the grade
 * on a line of its own between a heading's two lines (in a smaller font), a
 * body-size box heading with no heading above, and the older sentence form
 * on lines of its own. Nothing here is copied from ../shared.
 */
import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { importPdf } from '../../server/src/import/index';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { dropContents, nestLscbReview } from '../../server/src/import/sif';
import type { Block } from '../../server/src/import/render';
import { at as L, footer as foot, makePdf, type PdfLine } from './pdfMaker';
import { catalog, data } from '../helpers/data';

/** A SIF front page: the authority, the framework's title, the dates, the overall judgement, then the table's lines. */
function frontPage(authority: string, dates: string, published: string, overall: string, table: PdfLine[]): PdfLine[] {
  return [
    L(722, authority, 26),
    L(697, 'Inspection of services for children in need of help and', 14), L(680, 'protection, children looked after and care leavers', 14),
    L(594, `Inspection date: ${dates}`, 14), L(571, `Report published: ${published}`, 14),
    L(519, overall, 14, 77),
    ...table,
    ...foot(1),
  ];
}

/** A table row: its name at `x`, its grade in the grade column. */
const row = (y: number, name: string, grade: string, x = 95): PdfLine[] => [L(y, name, 12, x), L(y, grade, 12, 394)];

function pdf(): Uint8Array {
  const page1: PdfLine[] = frontPage('Exampleshire', '2 February to 24 February 2015', '10 April 2015', "Children's services in Exampleshire require improvement", [
    ...row(470, '1. Children who need help and protection', 'requires improvement'),
    ...row(443, '2. Children looked after and achieving permanence', 'Requires Improvement'),
    ...row(362, '3. Leadership, management and governance', 'Good'),
  ]);
  const page2: PdfLine[] = [
    L(730, 'Recommendations', 14),
    L(700, '1.'), L(700, 'Make sure that plans for children say what will change.', 12, 99),
    // A body-size heading, then a Key judgement box: the grade 12 points after the name's first line.
    L(660, 'The experiences and progress of children who need help and protection'),
    L(633, 'Key Judgement', 12, 76), L(633, 'Judgement Grade', 12, 332),
    L(605, 'The experiences and progress of children who', 12, 76), L(605, 'Requires improvement', 12, 332),
    L(590.5, 'need help and protection', 12, 76),
    L(560, '2.'), L(560, 'Children are seen quickly when concerns are raised.', 12, 99),
    // A two-line heading, then a box without the header row: grade alone between the box's lines.
    L(500, 'The experiences and progress of children looked after and', 14), L(483, 'achieving permanence', 14),
    L(450, 'The experiences and progress of children', 12, 71), L(443, 'Requires improvement', 12, 332),
    L(436, 'looked after and achieving permanence', 12, 71),
    L(400, '3.'), L(400, 'Children live in stable homes.', 12, 99),
    ...foot(2),
  ];
  const page3: PdfLine[] = [
    // The grade, in a smaller font, on a line of its own between the heading's two lines.
    L(729, 'Leadership, management and', 14), L(721.2, 'Good', 12, 360), L(713, 'governance', 14),
    L(680, '4.'), L(680, 'Leaders know where practice is weak.', 12, 99),
    L(640, 'Information about this inspection', 16),
    L(610, 'The inspection was carried out under the law that applies to it.', 12, 77),
    ...foot(3),
  ];
  return makePdf([page1, page2, page3]);
}

/** Sentence-form headings on lines of their own, body size, indented like the text (2014). */
function sentencePdf(): Uint8Array {
  const page1: PdfLine[] = frontPage('Exampleshire', '3 March to 25 March 2014', '16 May 2014', 'The overall judgement is requires improvement', [
    ...row(470, '1. Children who need help and protection', 'Requires improvement'),
    ...row(443, '2. Children looked after and achieving permanence', 'Requires improvement'),
    ...row(362, '3. Leadership, management and governance', 'Requires improvement'),
  ]);
  const page2: PdfLine[] = [
    L(736, 'The experiences and progress of children who need help and protection', 12, 71), L(722, 'require improvement', 12, 71),
    L(695, '1.'), L(695, 'Children are seen quickly when concerns are raised and', 12, 99), L(680.5, 'their plans are clear.', 12, 99),
    L(666, '2.'), L(666, 'Plans are reviewed on time and children take part in', 12, 99), L(651.5, 'their reviews.', 12, 99),
    ...foot(2),
  ];
  const page3: PdfLine[] = [
    // At the top of a page, indented like the paragraph that ended the page before.
    L(736, 'The experiences and progress of children looked after and achieving', 12, 99), L(721.5, 'permanence requires improvement', 12, 99),
    L(695, '3.'), L(695, 'Children live in stable homes, and most of them live', 12, 99), L(680.5, 'near their families.', 12, 99),
    // A line step and a half below the paragraph: close enough to be read as its next line.
    L(660, 'Leadership, management and governance requires improvement'),
    L(634, '4.'), L(634, 'Leaders know where practice is weak. They say that', 12, 99),
    L(619.5, 'leadership, management and governance requires improvement', 12, 99),
    L(605, 'and they have a plan.', 12, 99),
    ...foot(3),
  ];
  return makePdf([page1, page2, page3]);
}

async function imported(bytes: Uint8Array, name: string): Promise<string> {
  const r = await importPdf(bytes, { catalog, sourceName: name });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.strictEqual(r.kind, 'sif');
  return r.markdown;
}

describe('import: SIF graded headings from the grade column', () => {
  let markdown = '';
  before(async () => { markdown = await imported(pdf(), 'exampleshire--children-s-services-inspection-10-april-2015.pdf'); });

  it('reads the grade in a Key judgement box at the header\'s column, however close to the name', () => {
    assert.match(markdown, /^## The experiences and progress of children who need help and protection: Requires improvement$/m);
    assert.doesNotMatch(markdown, /who Requires improvement need help/);
  });

  it('gives the heading above the grade of a box that repeats it, and drops the box', () => {
    assert.match(markdown, /^## The experiences and progress of children looked after and achieving permanence: Requires improvement$/m);
    assert.strictEqual(markdown.match(/looked after and achieving permanence/g)?.length, 2); // the table's row and the heading
  });

  it('takes a grade printed between a heading\'s two lines in a smaller font', () => {
    assert.match(markdown, /^## Leadership, management and governance: Good$/m);
    assert.doesNotMatch(markdown, /^## governance$/m);
  });

  it('checks with no errors (the table\'s lower and title case grades are warnings)', () => {
    const c = checkText(markdown, 'x.md', { data, profiles: builtinProfiles() });
    assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`), []);
    const cases = c.diagnostics.filter((d) => d.ruleId === 'grade-wording' && /sentence case/.test(d.message));
    assert.deepStrictEqual(cases.map((d) => d.severity), ['warning', 'warning']);
  });
});

describe('import: SIF sentence-form headings', () => {
  let markdown = '';
  before(async () => { markdown = await imported(sentencePdf(), 'exampleshire--children-s-services-inspection-16-may-2014.pdf'); });

  it('makes a judgement\'s name and grade on lines of their own one heading, at the margin or indented', () => {
    assert.match(markdown, /^## The experiences and progress of children who need help and protection require improvement$/m);
    assert.match(markdown, /^## The experiences and progress of children looked after and achieving permanence requires improvement$/m);
    assert.match(markdown, /^## Leadership, management and governance requires improvement$/m);
  });

  it('leaves the same words inside a paragraph alone', () => {
    assert.match(markdown, /^4\. Leaders know where practice is weak\. They say that leadership, management and governance requires improvement and they have a plan\.$/m);
  });

  it('checks with no errors', () => {
    const c = checkText(markdown, 'x.md', { data, profiles: builtinProfiles() });
    assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`), []);
  });
});

describe('import: SIF front page dates in figures', () => {
  it('reads the inspection dates and the published date printed day first in figures', async () => {
    const page: PdfLine[] = frontPage('Exampleshire County Council', '1/06/2015 to 25/06/2015', '10/08/2015', "Children's services in Exampleshire are good", [
      ...row(470, '1. Children who need help and protection', 'Good'),
      ...row(443, '2. Children looked after and achieving permanence', 'Good'),
      ...row(362, '3. Leadership, management and governance', 'Good'),
    ]);
    const md = await imported(makePdf([page]), 'exampleshire--children-s-services-inspection-12-august-2015.pdf');
    assert.match(md, /^inspection-dates: 2015-06-01 to 2015-06-25$/m);
    assert.match(md, /^published: 2015-08-10$/m);
  });
});

describe('import: the SIF LSCB review after a front page that states its grade', () => {
  it('keeps the review after the judgement sections as the LSCB part; the front page statement is a paragraph', () => {
    const lscb = 'The effectiveness of the Local Safeguarding Children Board (LSCB)';
    const blocks: Block[] = [
      { t: 'table', rows: [] },
      { t: 'heading', text: lscb },
      { t: 'para', lines: ['Requires improvement.'] },
      { t: 'heading', text: 'Summary of key findings' },
      { t: 'heading', text: 'Leadership, management and governance requires improvement' },
      { t: 'heading', text: `Section 2: ${lscb}` },
      { t: 'heading', text: 'Areas for improvement' },
    ];
    const out = nestLscbReview(blocks, catalog);
    assert.deepStrictEqual(out[1], { t: 'para', lines: [lscb] });
    assert.deepStrictEqual(out[3], blocks[3]); // the report's own headings before the review stay sections
    assert.deepStrictEqual(out[5], blocks[5]);
    assert.deepStrictEqual(out[6], { t: 'heading', text: 'Areas for improvement', level: 3 });
  });
});

describe('import: SIF contents run on into a heading, and an LSCB review opened in body type', () => {
  it('drops a contents page whose heading ran on into its first entry', () => {
    const items = [
      { text: 'Title', page: 1 },
      { text: 'Contents Executive summary 2', page: 2 },
      { text: 'The Local Safeguarding Children Board (LSCB) 34 Executive summary 34', page: 2 },
      { text: 'Executive summary', page: 3 },
    ];
    assert.deepStrictEqual(dropContents(items).map((i) => i.text), ['Title', 'Executive summary']);
  });

  it('opens the LSCB review at a paragraph of the opening heading\'s words alone, after the judgement sections', () => {
    const lscb = 'The Local Safeguarding Children Board (LSCB)';
    const blocks: Block[] = [
      { t: 'table', rows: [] },
      { t: 'heading', text: 'Recommendations' },
      { t: 'heading', text: 'Leadership, management and governance: Inadequate' },
      { t: 'para', lines: ['The board works with its partners.'] },
      { t: 'para', lines: [lscb] },
      { t: 'heading', text: 'Recommendations' },
      { t: 'heading', text: 'Information about this inspection' },
    ];
    const out = nestLscbReview(blocks, catalog);
    assert.deepStrictEqual(out[4], { t: 'heading', text: lscb });
    assert.deepStrictEqual(out[5], { t: 'heading', text: 'Recommendations', level: 3 });
    assert.deepStrictEqual(out[1], blocks[1]);
    assert.deepStrictEqual(out[6], blocks[6]);
  });
});

describe('import: SIF tables with a judgement not made', () => {
  it('keeps "Not judged" rows and the rows after them', async () => {
    const page: PdfLine[] = frontPage('Exampleshire County Council', '11 April to 28 April 2016', '27 June 2016', "Children's services in Exampleshire are good", [
      ...row(470, '1. Children who need help and protection', 'Good'),
      L(443, '2. Children looked after and achieving', 12, 95), L(436, 'Not Judged', 12, 394), L(429, 'permanence', 12, 110),
      ...row(402, '2.1 Adoption performance', 'Not Judged', 124),
      ...row(362, '3. Leadership, management and governance', 'Good'),
    ]);
    const md = await imported(makePdf([page]), 'exampleshire--children-s-services-inspection-27-june-2016.pdf');
    assert.match(md, /^\| Children looked after and achieving permanence \| Not Judged \|$/m);
    assert.match(md, /^\| Adoption performance \| Not Judged \|$/m);
    assert.match(md, /^\| Leadership, management and governance \| Good \|$/m);
  });
});
