/**
 * The importer on material written for these tests: line joining, dates,
 * tables, text and PDF input, and bad input. Corpus tests are in corpus.test.ts.
 */
import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { datesIn, inspectorsIn, leadInspector, visitNumber } from '../../server/src/import/detect';
import { importPdf, importText } from '../../server/src/import/index';
import { buildVocabulary, joinLines } from '../../server/src/import/joinLines';
import { buildTable } from '../../server/src/import/layoutTable';
import { authoritySlug } from '../../server/src/import/naming';
import { splitTableText } from '../../server/src/import/patterns';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { makePdf, type PdfLine } from './pdfMaker';
import { catalog, data } from '../helpers/data';

const item = (str: string, x: number, y: number, size = 12) => ({ str, x, y, w: str.length * size * 0.5, size });

describe('import: joining lines', () => {
  it('keeps real hyphens and suspended hyphens, and rejoins words the document spells whole', () => {
    assert.strictEqual(joinLines(['work with multi-', 'agency partners']), 'work with multi-agency partners');
    assert.strictEqual(joinLines(['support for 16-', 'and 17-year-olds']), 'support for 16- and 17-year-olds');
    const vocab = buildVocabulary(['their wellbeing matters', 'wellbeing again']);
    assert.strictEqual(joinLines(['emotional well-', 'being of children'], vocab), 'emotional wellbeing of children');
    assert.strictEqual(joinLines(['plans are up-to-', 'date'], vocab), 'plans are up-to-date');
  });
});

describe('import: dates and names in the text', () => {
  const cases: [string, string, string][] = [
    ['11 to 22 July 2022', '2022-07-11', '2022-07-22'],
    ['11 – 22 July 2022', '2022-07-11', '2022-07-22'],
    ['30 November to 2 December 2022', '2022-11-30', '2022-12-02'],
    ['5 November 2018 to 16 November 2018', '2018-11-05', '2018-11-16'],
    ['2 June 2014 – 25 June 2014', '2014-06-02', '2014-06-25'],
    ['on 30 and 31 January 2018.', '2018-01-30', '2018-01-31'],
    ['11 th September 2024', '2024-09-11', '2024-09-11'],
  ];
  for (const [text, start, end] of cases) {
    it(`reads '${text}'`, () => assert.deepStrictEqual(datesIn(text), { start, end }));
  }
  it('reads inspectors, lead inspectors and visit numbers', () => {
    assert.deepStrictEqual(inspectorsIn('The inspectors were Ann Example HMI and Bob Sample HMI.'), ['Ann Example', 'Bob Sample']);
    assert.deepStrictEqual(inspectorsIn("The inspectors were Cara Test, His Majesty's Inspector, and Dev Trial, His Majesty's Inspector."), ['Cara Test', 'Dev Trial']);
    assert.strictEqual(leadInspector('Lead inspector: Eve Sample, Her Majesty’s Inspector'), 'Eve Sample');
    assert.strictEqual(visitNumber('This was the fourth monitoring visit since the local authority was judged inadequate.'), 4);
  });
  it('names output folders by authority', () => {
    assert.strictEqual(authoritySlug('Nottingham City Council'), 'nottingham-city');
    assert.strictEqual(authoritySlug('Nottinghamshire County Council'), 'nottinghamshire');
    assert.strictEqual(authoritySlug('Metropolitan Borough of Exampleton'), 'exampleton');
  });
});

describe('import: judgement tables', () => {
  it('splits wrapped table text into rows by grade', () => {
    const rows = splitTableText('The impact of leaders on social work practice with children and families Good Overall effectiveness Requires improvement to be good', catalog);
    assert.deepStrictEqual(rows, [
      { name: 'The impact of leaders on social work practice with children and families', grade: 'Good' },
      { name: 'Overall effectiveness', grade: 'Requires improvement to be good' },
    ]);
  });
  it('rebuilds rows from columns, with a grade level with the middle of a wrapped name', () => {
    const rows = buildTable([
      { y: 500, size: 11, items: [item('The experiences and progress of children who need help and', 79, 500, 11)] },
      { y: 493, size: 11, items: [item('Inadequate', 395, 493, 11)] },
      { y: 486, size: 11, items: [item('protection', 79, 486, 11)] },
      { y: 450, size: 11, items: [item('Overall effectiveness', 79, 450, 11), item('Inadequate', 395, 450, 11)] },
    ], catalog, 395);
    assert.deepStrictEqual(rows.map((r) => [r.name, r.grade]), [
      ['The experiences and progress of children who need help and protection', 'Inadequate'],
      ['Overall effectiveness', 'Inadequate'],
    ]);
  });
  it('joins a grade wrapped over two lines (the SIF table) and drops row numbers', () => {
    const rows = buildTable([
      { y: 410, size: 12, items: [item('Requires', 409, 410)] },
      { y: 403, size: 12, items: [item('1.', 71, 403), item('Children who need help and protection', 99, 403)] },
      { y: 396, size: 12, items: [item('improvement', 409, 396)] },
      { y: 368, size: 12, items: [item('2.1', 126, 368), item('Adoption performance', 150, 368), item('Good', 409, 368)] },
    ], catalog);
    assert.deepStrictEqual(rows.map((r) => [r.name, r.grade]), [
      ['Children who need help and protection', 'Requires improvement'],
      ['Adoption performance', 'Good'],
    ]);
  });
});

/** A made-up ILACS report as extracted text, with the noise extraction leaves. */
const ILACS_TEXT = [
  'Inspection of Exampleton local authority children’s services',
  'Inspection dates: 6 to 17 March 2023',
  'Lead inspector: Ann Example, His Majesty’s Inspector',
  '',
  'Judgement\tGrade',
  'The impact of leaders on social work practice with children and families\tGood',
  'The experiences and progress of children who need help and protection\tGood',
  'The experiences and progress of children in care\tRequires improvement to be good',
  'The experiences and progress of care leavers\tGood',
  'Overall effectiveness\tGood',
  '',
  'Children in Exampleton mostly get the help they need at the right time.',
  '',
  'What needs to improve?',
  '◼ The timeliness of plans for children in care.',
  '◼ Support for care leavers who are',
  'parents.',
  '',
  'The experiences and progress of children who need help and protection: good',
  '',
  '1. Families are helped early by a wide range of multi-',
  'agency services.',
  '2. Social workers see children often and know',
  '',
  'Inspection of Exampleton local authority children’s services',
  '7',
  '',
  'them well.',
  'The experiences and progress of children in care: requires improvement to be good',
  '3. Plans for some children drift.',
  'The experiences and progress of care leavers: good',
  '4. Personal advisers stay in touch with young people.',
  'The impact of leaders on social work practice with children and families: good',
  '5. Leaders know their services well.',
  '',
  'Inspection of Exampleton local authority children’s services',
  '8',
  'If you would like a copy of this document in a different format, such as large print or Braille, please telephone us.',
  '© Crown copyright 2023',
].join('\n');

describe('import: text', () => {
  const r = importText(ILACS_TEXT, { catalog, sourceName: 'exampleton.txt', overrides: { published: '2023-05-02' } });
  it('finds the kind, the front matter and the output path', () => {
    assert.ok(r.ok);
    assert.strictEqual(r.kind, 'ilacs');
    assert.deepStrictEqual(r.frontMatter.inspectionDates, [{ start: '2023-03-06', end: '2023-03-17' }]);
    assert.strictEqual(r.frontMatter.authority, 'Exampleton');
    assert.strictEqual(r.frontMatter.leadInspector, 'Ann Example');
    assert.strictEqual(r.relativePath, 'exampleton/2023-03-ilacs.md');
    assert.deepStrictEqual(r.warnings, []);
  });
  it('writes a report the checker reads: table, sections, numbers, bullets, no furniture', () => {
    assert.ok(r.ok);
    const c = checkText(r.markdown, 'x.md', { data, profiles: builtinProfiles() });
    assert.strictEqual(c.model.kind, 'ilacs');
    assert.strictEqual(c.model.table?.rows.length, 5);
    assert.deepStrictEqual(c.model.numbered.map((n) => n.printed), ['1', '2', '3', '4', '5']);
    assert.deepStrictEqual(c.model.numbered.map((n) => n.text.trim()).slice(0, 2), ['Families are helped early by a wide range of multi-agency services.', 'Social workers see children often and know them well.']);
    assert.deepStrictEqual(c.model.findings.filter((f) => f.kind === 'wni').map((f) => f.text.trim()), ['The timeliness of plans for children in care.', 'Support for care leavers who are parents.']);
    assert.strictEqual(c.model.sections.filter((s) => s.judgement).length, 4);
    assert.doesNotMatch(r.markdown, /^7$|^8$|Crown copyright|large print/m);
    assert.strictEqual((r.markdown.match(/Inspection of Exampleton/g) ?? []).length, 1);
    assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  });
  it('reads a monitoring visit letter', () => {
    const letter = [
      '12 May 2025', '', 'Ms Dee Director', 'Exampleton Borough Council', '', 'Dear Dee,', '',
      'Monitoring visit to Exampleton children’s services', '',
      'This letter summarises the findings of the monitoring visit to Exampleton children’s services on 1 and 2 April 2025. This was the third monitoring visit since the local authority was judged inadequate in March 2024. The visit was carried out by Fay Example and Gus Example, His Majesty’s Inspectors.', '',
      'Areas covered by the visit', '', 'Inspectors looked at the front door.', '',
      'Headline findings', '', 'Progress has been steady.', '',
      'Findings and progress', '', '- Referrals are screened promptly.', '',
      'Ofsted will take the findings from this monitoring visit into account when planning your next inspection or visit.', '',
      'Yours sincerely,', '', 'Fay Example', 'His Majesty’s Inspector',
    ].join('\n');
    const m = importText(letter, { catalog });
    assert.ok(m.ok);
    assert.strictEqual(m.kind, 'monitoring-visit');
    assert.strictEqual(m.frontMatter.visitNumber, 3);
    assert.strictEqual(m.frontMatter.published, '2025-05-12');
    assert.deepStrictEqual(m.frontMatter.inspectors, ['Fay Example', 'Gus Example']);
    assert.deepStrictEqual(m.frontMatter.inspectionDates, [{ start: '2025-04-01', end: '2025-04-02' }]);
    assert.doesNotMatch(m.markdown, /Ms Dee Director/);
    // The date is the front matter's `published`, not a line of the body (where it would read as paragraph 12).
    assert.doesNotMatch(m.markdown, /^12 May 2025$/m);
    assert.strictEqual(m.relativePath, 'exampleton/2025-04-monitoring-visit.md');
  });
  it('refuses an empty file and text with no structure, with a reason', () => {
    const empty = importText('  \n', { catalog });
    assert.ok(!empty.ok && /empty/.test(empty.reason));
    const plain = importText('A shopping list.\n\nEggs, flour and milk.\n', { catalog });
    assert.ok(!plain.ok && /no recognisable report structure/.test(plain.reason));
  });
});

describe('import: PDF', () => {
  const L = (y: number, text: string, size = 12, x = 71): PdfLine => ({ x, y, size, text });
  const page1: PdfLine[] = [
    L(700, 'Inspection of Exampleton local authority', 26), L(669, "children's services", 26),
    L(640, 'Inspection dates: 6 to 17 March 2023'), L(614, "Lead inspector: Ann Example, His Majesty's Inspector"),
    L(575, 'Judgement', 12, 77), { x: 303, y: 575, size: 12, text: 'Grade' },
    L(542, 'The impact of leaders on social work', 12, 77), { x: 303, y: 542, size: 12, text: 'Good' }, L(527.5, 'practice with children and families', 12, 77),
    L(500, 'The experiences and progress of', 12, 77), { x: 303, y: 500, size: 12, text: 'Good' }, L(485.5, 'children who need help and protection', 12, 77),
    L(458, 'The experiences and progress of', 12, 77), { x: 303, y: 458, size: 12, text: 'Good' }, L(443.5, 'children in care', 12, 77),
    L(416, 'The experiences and progress of care', 12, 77), { x: 303, y: 416, size: 12, text: 'Good' }, L(401.5, 'leavers', 12, 77),
    L(374, 'Overall effectiveness', 12, 77), { x: 303, y: 374, size: 12, text: 'Good' },
    L(340, 'Children in Exampleton get the help they need.'),
    L(300, 'What needs to improve?', 14), L(272, '- The timeliness of plans for children in care.'),
    L(240, 'The experiences and progress of children who need help and', 14), L(223, 'protection: good', 14),
    L(196, '1.'), L(196, 'Families are helped early by a wide range of services that', 12, 99), L(181.5, 'are well coordinated.', 12, 99),
    L(155, '2.'), L(155, 'Social workers see children often, and they', 12, 99),
    L(40, 'Inspection of Exampleton local authority children’s services', 8), L(34, '1', 20, 513),
  ];
  const page2: PdfLine[] = [
    L(736, 'know them well.', 12, 99),
    L(700, 'The experiences and progress of children in care: good', 14), L(672, '3.'), L(672, 'Plans are reviewed.', 12, 99),
    L(640, 'The experiences and progress of care leavers: good', 14), L(612, '4.'), L(612, 'Advisers keep in touch.', 12, 99),
    L(580, 'The impact of leaders on social work practice with children and', 14), L(563, 'families: good', 14),
    L(536, '5.'), L(536, 'Leaders know their services well.', 12, 99),
    L(40, 'Inspection of Exampleton local authority children’s services', 8), L(34, '2', 20, 513),
  ];
  it('rebuilds the report from its layout', async () => {
    const r = await importPdf(makePdf([page1, page2]), { catalog, sourceName: 'exampleton--children-s-services-inspection-02-may-2023.pdf' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.frontMatter.published, '2023-05-02');
    assert.strictEqual(r.table.length, 5);
    assert.strictEqual(r.table[3].name, 'The experiences and progress of care leavers');
    assert.match(r.markdown, /^# Inspection of Exampleton local authority children's services$/m);
    assert.match(r.markdown, /^2\. Social workers see children often, and they know them well\.$/m);
    assert.doesNotMatch(r.markdown, /^1$|^2$/m);
    const c = checkText(r.markdown, 'x.md', { data, profiles: builtinProfiles() });
    assert.deepStrictEqual(c.model.numbered.map((n) => n.printed), ['1', '2', '3', '4', '5']);
    assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  });
  it('reports bad PDFs with a reason', async () => {
    const good = makePdf([page1]);
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty/],
      [new Uint8Array(Buffer.from('<!DOCTYPE html><html><body>Not here</body></html>')), /web page/],
      [good.subarray(0, 200), /damaged or truncated/],
      [makePdf([page1], { encrypt: true }), /encrypted/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), /not a PDF/],
    ];
    for (const [bytes, re] of cases) {
      const r = await importPdf(bytes, { catalog });
      assert.ok(!r.ok, `expected a failure matching ${re}`);
      assert.match(r.reason, re);
    }
  });
});
