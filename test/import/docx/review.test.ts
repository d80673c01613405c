/**
 * A draft under review: tracked changes accepted (insertions and moved-to
 * text kept, deletions and moved-from text dropped, a deleted paragraph
 * gone from the numbering, a deleted paragraph mark joining two paragraphs),
 * the changes counted, and comments kept as HTML comments after the
 * paragraphs they were made on, which the checker reads past.
 */
import * as assert from 'assert';
import { checkText } from '../../../server/src/check';
import { importDocx } from '../../../server/src/import/docx/index';
import { parseReport } from '../../../server/src/model/parse';
import { builtinProfiles } from '../../../server/src/io/builtinData';
import { abstractNum, del, ilacsTitlePage, ins, makeDocx, num, p, run } from './make';
import { catalog, data } from '../../helpers/data';

const NUMBERING = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0) + abstractNum(1, [{ ilvl: 0, fmt: 'bullet', text: '•' }]) + num(2, 1);
const H = (t: string) => p(t, { style: 'Heading2' });
const JUDGED = 'The experiences and progress of children who need help and protection: inadequate';

const comment = (id: number, author: string, text: string) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="2024-05-02T09:00:00Z" w:initials="X"><w:p><w:r><w:annotationRef/></w:r>${run(text)}</w:p></w:comment>`;
const anchored = (id: number, text: string) => `<w:commentRangeStart w:id="${id}"/>${run(text)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

describe('import: Word tracked changes', () => {
  it('imports the text with every change accepted and says how many there were', async () => {
    const doc = ilacsTitlePage() + [
      H(JUDGED),
      p(['Children ', del('often ', 1), 'wait ', ins('far ', 2), 'too long.'], { numId: 1 }),
      // A whole numbered paragraph deleted, mark and all: it no longer counts.
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="3" w:author="A" w:date="2024-05-01T00:00:00Z"/></w:rPr></w:pPr>${del('This paragraph was removed.', 4)}</w:p>`,
      p(['Strategy meetings ', '<w:moveFrom w:id="5" w:author="A" w:date="2024-05-01T00:00:00Z"><w:r><w:t>quickly </w:t></w:r></w:moveFrom>', 'are held', '<w:moveTo w:id="6" w:author="A" w:date="2024-05-01T00:00:00Z"><w:r><w:t xml:space="preserve"> quickly</w:t></w:r></w:moveTo>', '.'], { numId: 1 }),
      // A deleted paragraph mark: this paragraph and the next read as one.
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="7" w:author="A" w:date="2024-05-01T00:00:00Z"/></w:rPr></w:pPr>${run('Plans are ')}</w:p>`,
      p('reviewed monthly.'),
      p(['<w:r><w:rPr><w:b/><w:rPrChange w:id="8" w:author="A" w:date="2024-05-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Leaders</w:t></w:r>', run(' know their services.')], { numId: 1 }),
      p([ins('A paragraph added in review.', 9)], { numId: 1 }),
    ].join('');
    const r = await importDocx(await makeDocx(doc, { numbering: NUMBERING }), { catalog, sourceName: 'draft.docx' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const body = r.markdown.slice(r.markdown.indexOf(`## ${JUDGED}`)).split('\n').filter(Boolean);
    assert.deepStrictEqual(body, [
      `## ${JUDGED}`,
      '1. Children wait far too long.',
      '2. Strategy meetings are held quickly.',
      '3. Plans are reviewed monthly.',
      '4. Leaders know their services.',
      '5. A paragraph added in review.',
    ]);
    assert.deepStrictEqual(r.docx.revisions, { insertions: 2, deletions: 4, moves: 1, formatting: 1 });
    assert.ok(r.warnings.includes('the document has tracked changes (2 insertions, 4 deletions, 1 move, 1 formatting change): imported as it reads with all of them accepted'), r.warnings.join('\n'));
  });

  it('says nothing about changes in a document that has none', async () => {
    const r = await importDocx(await makeDocx(ilacsTitlePage() + H(JUDGED) + p('Plain.', { numId: 1 }), { numbering: NUMBERING }), { catalog });
    assert.ok(r.ok);
    assert.deepStrictEqual(r.docx.revisions, { insertions: 0, deletions: 0, moves: 0, formatting: 0 });
    assert.ok(!r.warnings.some((w) => /tracked changes|comment/.test(w)), r.warnings.join('\n'));
  });
});

describe('import: Word comments', () => {
  const comments = [
    comment(0, 'Ann Example', 'Is this figure right?'),
    comment(1, 'Bob Sample', 'Check -- and then --> confirm.'),
    comment(2, 'Cy Reviewer', 'inspection-reports-disable no-vague-quantifiers'),
    comment(3, 'Di Editor', 'On a heading.'),
    comment(4, 'Ed Lead', 'On the table.'),
  ].join('');
  const doc = ilacsTitlePage().replace('<w:t xml:space="preserve">Overall effectiveness</w:t>', `<w:t xml:space="preserve">Overall effectiveness</w:t></w:r><w:r><w:commentReference w:id="4"/>`) + [
    p('Exampleton is improving.'),
    p('What needs to improve?', { style: 'Heading2' }),
    p([anchored(2, 'Recording of decisions.')], { numId: 2 }),
    p('Management oversight.', { numId: 2 }),
    p([anchored(3, JUDGED)], { style: 'Heading2' }),
    p([run('Children wait '), anchored(0, '40 days'), run(' for a plan.')], { numId: 1 }),
    p([anchored(1, 'Strategy meetings are held.')], { numId: 1 }),
    p('Leaders know their services.', { numId: 1 }),
  ].join('');

  it('keeps each comment as an HTML comment after its paragraph, safe and never a directive', async () => {
    const r = await importDocx(await makeDocx(doc, { numbering: NUMBERING, comments }), { catalog, sourceName: 'draft.docx' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const md = r.markdown;
    assert.strictEqual(r.docx.comments, 5);
    assert.ok(r.warnings.some((w) => /^the document has 5 comments: kept as HTML comments/.test(w)), r.warnings.join('\n'));
    assert.match(md, /^1\. Children wait 40 days for a plan\.\n {3}<!-- Word comment by Ann Example \(2024-05-02\): Is this figure right\? -->$/m);
    assert.match(md, /^2\. Strategy meetings are held\.\n {3}<!-- Word comment by Bob Sample \(2024-05-02\): Check – and then –> confirm\. -->$/m);
    assert.match(md, /^- Recording of decisions\.\n {2}<!-- Word comment by Cy Reviewer \(2024-05-02\): inspection-reports-disable no-vague-quantifiers -->\n- Management oversight\.$/m);
    assert.match(md, new RegExp(`^## ${JUDGED}\\n<!-- Word comment by Di Editor \\(2024-05-02\\): On a heading\\. -->$`, 'm'));
    assert.match(md, /^\| Overall effectiveness \| Inadequate \|\n\n<!-- Word comment by Ed Lead \(2024-05-02\): On the table\. -->$/m);
    assert.strictEqual((md.match(/<!-- Word comment/g) ?? []).length, 5);
  });

  it('leaves the report the checker sees as it would be without the comments', async () => {
    const withComments = await importDocx(await makeDocx(doc, { numbering: NUMBERING, comments }), { catalog });
    const without = await importDocx(await makeDocx(doc.replace(/<w:comment(Reference|RangeStart|RangeEnd) w:id="\d+"\/>/g, ''), { numbering: NUMBERING }), { catalog });
    assert.ok(withComments.ok && without.ok);
    const profiles = builtinProfiles();
    const a = parseReport(withComments.markdown, 'file:///a.md', profiles);
    const b = parseReport(without.markdown, 'file:///b.md', profiles);
    assert.deepStrictEqual(a.numbered.map((n) => [n.printed, n.text]), b.numbered.map((n) => [n.printed, n.text]));
    assert.deepStrictEqual(a.bullets.map((x) => x.text), b.bullets.map((x) => x.text));
    assert.deepStrictEqual(a.headings.map((h) => h.text), b.headings.map((h) => h.text));
    const rules = (md: string) => checkText(md, 'file:///x.md', { data, profiles }).diagnostics.map((d) => `${d.ruleId}: ${d.message}`).sort();
    assert.deepStrictEqual(rules(withComments.markdown), rules(without.markdown));
  });
});
