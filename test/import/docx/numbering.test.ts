/**
 * The numbers Word prints, from the document's own numbering.xml: start
 * values, lists that run on across headings and across num instances,
 * restarts (startOverride), formats and level texts, multilevel lists with
 * lvlRestart and isLgl, `N.M` scrutiny numbering, numbering from a style,
 * numId 0, numbering-style links, and numbers typed by hand among them.
 */
import * as assert from 'assert';
import { importDocx } from '../../../server/src/import/docx/index';
import { formatNumber } from '../../../server/src/import/docx/numbering';
import { parseReport } from '../../../server/src/model/parse';
import { builtinProfiles } from '../../../server/src/io/builtinData';
import { abstractNum, ilacsTitlePage, makeDocx, num, p } from './make';
import { catalog } from '../../helpers/data';

async function body(paragraphs: string[], numbering: string, styles = ''): Promise<string> {
  const r = await importDocx(await makeDocx(ilacsTitlePage() + paragraphs.join(''), { numbering, styles }), { catalog, sourceName: 'draft.docx' });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.markdown.slice(r.markdown.indexOf('| Overall effectiveness'));
}

/** The paragraphs' texts as imported, one a line (blank lines and the table dropped). */
async function lines(paragraphs: string[], numbering: string, styles = ''): Promise<string[]> {
  return (await body(paragraphs, numbering, styles)).split('\n').slice(1).filter(Boolean);
}

const H = (t: string) => p(t, { style: 'Heading2' });

describe('import: Word numbering', () => {
  it('formats counters as Word does', () => {
    assert.deepStrictEqual([1, 4, 9, 14, 49].map((n) => formatNumber(n, 'upperRoman')), ['I', 'IV', 'IX', 'XIV', 'XLIX']);
    assert.deepStrictEqual([1, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter')), ['a', 'z', 'aa', 'bb']);
    assert.deepStrictEqual([1, 2, 3, 11, 22].map((n) => formatNumber(n, 'ordinal')), ['1st', '2nd', '3rd', '11th', '22nd']);
    assert.strictEqual(formatNumber(7, 'decimalZero'), '07');
  });

  it('starts at the level’s start value and runs on across headings', async () => {
    const numbering = abstractNum(0, [{ ilvl: 0, start: 5, text: '%1.' }]) + num(1, 0);
    assert.deepStrictEqual(await lines([
      H('The experiences and progress of children who need help and protection: inadequate'),
      p('First.', { numId: 1 }), p('Second.', { numId: 1 }),
      H('The experiences and progress of children in care and care leavers: good'),
      p('Third.', { numId: 1 }),
    ], numbering), [
      '## The experiences and progress of children who need help and protection: inadequate',
      '5. First.', '6. Second.',
      '## The experiences and progress of children in care and care leavers: good',
      '7. Third.',
    ]);
  });

  it('continues across num instances of one definition, and restarts where a num overrides the start', async () => {
    const numbering = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0) + num(2, 0) + num(3, 0, [{ ilvl: 0, start: 1 }]) + num(4, 0, [{ ilvl: 0, start: 20 }]);
    assert.deepStrictEqual(await lines([
      p('One.', { numId: 1 }), p('Two.', { numId: 2 }), p('Three.', { numId: 1 }),
      H('Recommendations'),
      p('Restarted.', { numId: 3 }), p('Restarted two.', { numId: 3 }),
      p('From twenty.', { numId: 4 }), p('Twenty-one.', { numId: 4 }),
      p('Back to the first list.', { numId: 1 }),
    ], numbering), ['1. One.', '2. Two.', '3. Three.', '## Recommendations', '1. Restarted.', '2. Restarted two.', '20. From twenty.', '21. Twenty-one.', '4. Back to the first list.']);
  });

  it('prints level texts and formats: (a), i), %1), with deeper levels restarting under each item', async () => {
    const numbering = abstractNum(0, [
      { ilvl: 0, text: '%1)' },
      { ilvl: 1, fmt: 'lowerLetter', text: '(%2)' },
      { ilvl: 2, fmt: 'lowerRoman', text: '%3.' },
    ]) + num(1, 0);
    assert.deepStrictEqual(await lines([
      p('Top.', { numId: 1 }),
      p('Sub a.', { numId: 1, ilvl: 1 }), p('Sub b.', { numId: 1, ilvl: 1 }),
      p('Deep i.', { numId: 1, ilvl: 2 }), p('Deep ii.', { numId: 1, ilvl: 2 }),
      p('Top again.', { numId: 1 }),
      p('Sub a again.', { numId: 1, ilvl: 1 }),
    ], numbering), ['1) Top.', '(a) Sub a.', '(b) Sub b.', 'i. Deep i.', 'ii. Deep ii.', '2) Top again.', '(a) Sub a again.']);
  });

  it('keeps counting a level whose lvlRestart is 0, and restarts one only after the level lvlRestart names', async () => {
    const numbering = abstractNum(0, [
      { ilvl: 0, text: '%1.' },
      { ilvl: 1, text: '%1.%2', restart: 0 },
      { ilvl: 2, fmt: 'lowerLetter', text: '%3)', restart: 1 },
    ]) + num(1, 0);
    assert.deepStrictEqual(await lines([
      p('A.', { numId: 1 }), p('A1.', { numId: 1, ilvl: 1 }), p('x.', { numId: 1, ilvl: 2 }),
      p('A2.', { numId: 1, ilvl: 1 }), p('y.', { numId: 1, ilvl: 2 }),
      p('B.', { numId: 1 }), p('B-sub.', { numId: 1, ilvl: 1 }), p('z.', { numId: 1, ilvl: 2 }),
    ], numbering), ['1. A.', '1.1 A1.', 'a) x.', '1.2 A2.', 'b) y.', '2. B.', '2.3 B-sub.', 'a) z.']);
  });

  it('writes legal numbering (isLgl) in decimal whatever the upper level’s format', async () => {
    const numbering = abstractNum(0, [{ ilvl: 0, fmt: 'upperRoman', text: '%1.' }, { ilvl: 1, text: '%1.%2', isLgl: true }]) + num(1, 0);
    assert.deepStrictEqual(await lines([p('Part.', { numId: 1 }), p('Point.', { numId: 1, ilvl: 1 }), p('Part two.', { numId: 1 }), p('Point.', { numId: 1, ilvl: 1 })], numbering),
      ['I. Part.', '1.1 Point.', 'II. Part two.', '2.1 Point.']);
  });

  it('numbers paragraphs through their style, and numId 0 switches numbering off', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ReportPara"><w:name w:val="Report paragraph"/><w:basedOn w:val="ListNumber"/></w:style>';
    const numbering = abstractNum(3, [{ ilvl: 0, text: '%1.' }]) + num(7, 3);
    assert.deepStrictEqual(await lines([
      p('By style.', { style: 'ListNumber' }), p('Inherited style.', { style: 'ReportPara' }),
      p('Switched off.', { style: 'ListNumber', numId: 0 }),
      p('Counts on.', { style: 'ListNumber' }),
    ], numbering, styles), ['1. By style.', '2. Inherited style.', 'Switched off.', '3. Counts on.']);
  });

  it('follows a numbering-style link (numStyleLink → styleLink) to the definition', async () => {
    const styles = '<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report list"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(0, [{ ilvl: 0, start: 3, text: '%1.' }], '<w:styleLink w:val="ReportList"/>') +
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>' + num(1, 0) + num(2, 1);
    assert.deepStrictEqual(await lines([p('Linked.', { numId: 2 }), p('Linked two.', { numId: 2 })], numbering, styles), ['3. Linked.', '4. Linked two.']);
  });

  it('counts an empty numbered paragraph, as Word prints its number', async () => {
    const numbering = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0);
    assert.deepStrictEqual(await lines([p('One.', { numId: 1 }), p('', { numId: 1 }), p('Three.', { numId: 1 })], numbering), ['1. One.', '3. Three.']);
  });

  it('keeps numbers typed by hand beside automatic ones', async () => {
    const numbering = abstractNum(0, [{ ilvl: 0, start: 3, text: '%1.' }]) + num(1, 0);
    assert.deepStrictEqual(await lines([p('1. Typed.'), p('2. Typed too.'), p('Automatic.', { numId: 1 })], numbering), ['1. Typed.', '2. Typed too.', '3. Automatic.']);
  });
});

describe('import: Word numbering in a scrutiny report (N.M)', () => {
  it('numbers section headings N. and their paragraphs N.M from one multilevel list, restarting M in each section', async () => {
    // Heading 1 is tied to level 0 of the list through its style, as Word's "Link level to style" does.
    const styles = '<w:style w:type="paragraph" w:styleId="SectionHeading"><w:name w:val="Section heading"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(2, [{ ilvl: 0, text: '%1.', pStyle: 'SectionHeading' }, { ilvl: 1, text: '%1.%2' }]) + num(4, 2) +
      abstractNum(6, [{ ilvl: 0, text: '%1.' }]) + num(8, 6);
    const doc = [
      p('Meeting Title: Children and Young People Scrutiny Committee'),
      p('Meeting Date: 11 September 2024'),
      p('Report Title: Children’s Services Improvement'),
      p('Summary of issues', { style: 'Heading1' }),
      p('This report updates the committee on Exampleton City Council children’s services.'),
      p('Recommendations', { style: 'Heading1' }),
      p('The committee considers the findings.', { numId: 8 }),
      p('The committee notes the progress.', { numId: 8 }),
      p('Background', { style: 'SectionHeading' }),
      p('The committee will be aware of the inspection.', { numId: 4, ilvl: 1 }),
      p('As a result of the judgement, a plan was made.', { numId: 4, ilvl: 1 }),
      p('Themes from previous monitoring visits', { style: 'SectionHeading' }),
      p('Visits found steady progress.', { numId: 4, ilvl: 1 }),
    ].join('');
    const r = await importDocx(await makeDocx(doc, { numbering, styles }), { catalog, sourceName: 'scrutiny.docx' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.kind, 'scrutiny');
    assert.strictEqual(r.frontMatter.meetingDate, '2024-09-11');
    const md = r.markdown;
    assert.match(md, /^1\. The committee considers the findings\.$/m);
    assert.match(md, /^2\. The committee notes the progress\.$/m);
    assert.match(md, /^## 1\. Background$/m);
    assert.match(md, /^1\.1 The committee will be aware of the inspection\.$/m);
    assert.match(md, /^1\.2 As a result of the judgement/m);
    assert.match(md, /^## 2\. Themes from previous monitoring visits$/m);
    assert.match(md, /^2\.1 Visits found steady progress\.$/m);
    const model = parseReport(md, 'file:///scrutiny.md', builtinProfiles());
    assert.deepStrictEqual(model.numbered.map((n) => n.printed), ['1', '2', '1.1', '1.2', '2.1']);
  });
});
