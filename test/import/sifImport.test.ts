/**
 * SIF reports (2013 to 2017) on material written for these tests: graded
 * headings rebuilt from the layout (grade box beside a wrapped heading, a
 * grade over two lines, a "Key judgement" box), the contents page skipped,
 * the LSCB review kept as its own part, the overall judgement's row, and
 * the SIF section names read as the era's judgements. Nothing here is copied
 * from ../shared.
 */
import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { importPdf } from '../../server/src/import/index';
import { rebuildGradedHeadings, type HeadingLine } from '../../server/src/import/sifLayout';
import { dropContents, nestLscbReview } from '../../server/src/import/sif';
import type { Block } from '../../server/src/import/render';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { at as L, footer as foot, makePdf, type PdfLine } from './pdfMaker';
import { catalog, data } from '../helpers/data';

/** A SIF report of four pages: title and table, contents, the local authority's part, the LSCB review. */
function sifPdf(): Uint8Array {
  const page1: PdfLine[] = [
    L(722, 'Exampleshire', 26),
    L(697, 'Inspection of services for children in need of help and', 14), L(680, 'protection, children looked after and care leavers', 14),
    L(657, 'and', 14), L(634, 'Review of the effectiveness of the Local Safeguarding Children', 14), L(617, 'Board', 14),
    L(594, 'Inspection date: 7 March to 31 March 2016', 14), L(571, 'Report published: 20 May 2016', 14),
    // The overall judgement above the table, wrapped so that its last line is only grade words.
    L(519, "Children's services in Exampleshire require improvement to be", 14, 77), L(502, 'good', 14, 77),
    L(470, '1. Children who need help and protection', 12, 95), L(470, 'Requires improvement', 12, 394),
    L(443, '2. Children looked after and achieving permanence', 12, 95), L(443, 'Good', 12, 394),
    L(416, '2.1 Adoption performance', 12, 124), L(416, 'Good', 12, 394),
    L(389, '2.2 Experiences and progress of care leavers', 12, 124), L(389, 'Good', 12, 394),
    L(362, '3. Leadership, management and governance', 12, 95), L(362, 'Requires improvement', 12, 394),
    ...foot(1),
  ];
  const page2: PdfLine[] = [
    L(730, 'Contents', 14),
    L(697, 'Executive summary', 14, 85), L(697, '3', 14, 516),
    L(666, 'The local authority', 16), L(666, '3', 14, 516),
    L(643, 'Recommendations', 14, 85), L(643, '3', 14, 516),
    L(620, 'The Local Safeguarding Children Board (LSCB)', 16), L(620, '4', 14, 504),
    L(597, 'Recommendations', 14, 85), L(597, '4', 14, 516),
    ...foot(2),
  ];
  const page3: PdfLine[] = [
    L(730, 'Recommendations', 14),
    L(700, '1.'), L(700, 'Make sure that plans for children say what will change and by', 12, 99), L(685.5, 'when.', 12, 99),
    L(660, '2.'), L(660, 'Make sure that managers check the quality of assessments', 12, 99), L(645.5, 'and of plans.', 12, 99),
    // A three-line heading with its grade over two lines beside it.
    L(620, 'The experiences and progress of', 14, 77), L(611, 'Requires improvement', 14, 358),
    L(604, 'children who need help and', 14, 77), L(596, 'to be good', 14, 358), L(588, 'protection', 14, 77),
    L(555, '3.'), L(555, 'Children are seen quickly when concerns are raised, and', 12, 99), L(540.5, 'their plans are clear.', 12, 99),
    // The grade alone on its line, between the heading's lines.
    L(505, 'The experiences and progress of', 14, 77), L(496, 'Good', 14, 358),
    L(489, 'children looked after and achieving', 14, 77), L(473, 'permanence', 14, 77),
    L(440, '4.'), L(440, 'Children live in stable homes.', 12, 99),
    // A body-size section heading, then a "Key judgement" box that repeats it with the grade.
    L(400, 'Leadership, management and governance'),
    L(373, 'Key judgement', 12, 76), L(373, 'Judgement grade', 12, 332),
    L(345, 'Leadership, management and governance', 12, 76), L(345, 'Requires improvement', 12, 332),
    L(310, '5.'), L(310, 'Leaders know where practice is weak.', 12, 99),
    ...foot(3),
  ];
  const page4: PdfLine[] = [
    L(732, 'The Local Safeguarding Children Board (LSCB)', 16),
    L(700, 'The Local Safeguarding Children Board requires improvement', 14, 77),
    L(670, 'Executive summary', 14, 77),
    L(645, 'The board has started to check the work of its partners and to', 12, 77), L(630.5, 'hear from children. It has a plan for the year, and each of its', 12, 77),
    L(616, 'members knows what the plan asks of them. Its training is well', 12, 77), L(601.5, 'attended and its audits are done on time, but they do not yet', 12, 77),
    L(587, 'show what has changed for children.', 12, 77),
    L(555, 'Recommendations', 14, 77),
    L(525, '6.'), L(525, 'Make sure that the board hears from children.', 12, 99),
    L(490, 'Information about this inspection', 16),
    L(460, 'The inspection was carried out under the law that applies to it.', 12, 77),
    ...foot(4),
  ];
  return makePdf([page1, page2, page3, page4]);
}

describe('import: SIF reports', () => {
  let markdown = '';
  before(async () => {
    const r = await importPdf(sifPdf(), { catalog, sourceName: 'exampleshire--children-s-services-inspection-20-may-2016.pdf' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.kind, 'sif');
    markdown = r.markdown;
  });

  it('rebuilds graded headings: a grade over two lines, a grade alone on its line, a Key judgement box', () => {
    assert.match(markdown, /^## The experiences and progress of children who need help and protection: Requires improvement to be good$/m);
    assert.match(markdown, /^## The experiences and progress of children looked after and achieving permanence: Good$/m);
    assert.match(markdown, /^## Leadership, management and governance: Requires improvement$/m);
    assert.doesNotMatch(markdown, /Key judgement/);
  });

  it('skips the contents page', () => {
    assert.doesNotMatch(markdown, /^## Contents$/m);
    assert.doesNotMatch(markdown, /Executive summary 3|Recommendations 4/);
  });

  it('keeps the LSCB review as its own part: its headings are sub-headings, the back matter is not', () => {
    assert.match(markdown, /^## The Local Safeguarding Children Board \(LSCB\)$/m);
    assert.match(markdown, /^### Executive summary$/m);
    assert.match(markdown, /^### Recommendations$/m);
    assert.match(markdown, /^## Recommendations$/m);
    assert.match(markdown, /^## Information about this inspection$/m);
  });

  it('adds the overall judgement printed above the table, as the table words its grades', () => {
    assert.match(markdown, /^\| Overall effectiveness \| Requires improvement \|$/m);
    assert.match(markdown, /^## Children's services in Exampleshire require improvement to be good$/m);
  });

  it('checks without errors: the SIF section names are the era\'s judgements, the LSCB is a known section', () => {
    const c = checkText(markdown, 'x.md', { data, profiles: builtinProfiles() });
    const errors = c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`);
    // The box prints 'Requires improvement to be good', which is not the SIF grade: that one error is the text's.
    assert.deepStrictEqual(errors.filter((e) => !/not a grade/.test(e)), []);
    const keys = c.model.sections.filter((s) => s.judgement).map((s) => s.judgement!.key);
    assert.deepStrictEqual(keys, ['sif-help-protection', 'sif-looked-after', 'sif-leadership']);
    assert.deepStrictEqual(c.model.sections.filter((s) => s.spec?.id === 'lscb').length, 1);
  });
});

describe('import: SIF layout passes', () => {
  const item = (str: string, x: number, y: number, size = 14) => ({ str, x, y, w: str.length * size * 0.5, size });
  const line = (page: number, y: number, size: number, ...items: ReturnType<typeof item>[]): HeadingLine =>
    ({ page, y, size, items, text: items.map((i) => i.str).join(' ') });

  it('leaves a heading without a grade box, and body text, as they are', () => {
    const lines = [
      line(1, 700, 14, item('Summary of key findings', 71, 700)),
      line(1, 670, 12, item('Children are safe and they are seen', 71, 670, 12)),
    ];
    const out = rebuildGradedHeadings(lines, 12, catalog);
    assert.deepStrictEqual(out.map((l) => l.text), ['Summary of key findings', 'Children are safe and they are seen']);
  });

  it('does not take grade words inside a heading (no gap) for its grade', () => {
    const lines = [line(1, 700, 14, item('Services are good', 71, 700))];
    assert.deepStrictEqual(rebuildGradedHeadings(lines, 12, catalog).map((l) => l.text), ['Services are good']);
  });

  it('drops the contents entries of text input (no pages) and nothing after them', () => {
    const items = ['Title', 'Contents', 'Executive summary 2', 'The experiences and progress of children who need help and', 'protection 10', 'Executive summary', 'Body text.']
      .map((text) => ({ text }));
    assert.deepStrictEqual(dropContents(items).map((i) => i.text), ['Title', 'Executive summary', 'Body text.']);
  });

  it('does not nest headings when there is no LSCB part', () => {
    const blocks: Block[] = [{ t: 'table', rows: [] }, { t: 'heading', text: 'Recommendations' }, { t: 'heading', text: 'Executive summary' }];
    assert.deepStrictEqual(nestLscbReview(blocks, catalog), blocks);
  });
});
