/**
 * Documents as other writers make them: the `docx` library (its own
 * numbering instances, tracked-change runs), another namespace prefix, and
 * the inline markup Word puts around text (hyperlinks, content controls,
 * fields, hidden text, drawings, a table of contents).
 */
import * as assert from 'assert';
import { AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importDocx } from '../../../server/src/import/docx/index';
import { ilacsTitlePage, makeDocx, p, run, table } from './make';
import { catalog } from '../../helpers/data';

const JUDGED = 'The experiences and progress of children in care and care leavers: good';

describe('import: Word documents from other writers', () => {
  it('reads a document made with the docx library: styles, numbering instances, tracked changes', async () => {
    const cells = (r: string[]) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      numbering: {
        config: [
          { reference: 'paras', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] },
          { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START }] },
        ],
      },
      sections: [{
        children: [
          new Paragraph({ text: 'Inspection of Exampleton local authority children’s services', heading: HeadingLevel.TITLE }),
          new Paragraph('Inspection dates: 11 to 22 July 2022'),
          new Paragraph('Lead inspector: Jane Example, Her Majesty’s Inspector'),
          new Table({ rows: [cells(['Judgement', 'Grade']), cells(['Overall effectiveness', 'Good'])] }),
          new Paragraph({ text: 'What needs to improve?', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Recording of decisions.', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: JUDGED, heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'First.', numbering: { reference: 'paras', level: 0 } }),
          new Paragraph({
            children: [new TextRun('Second '), new InsertedTextRun({ text: 'point.', id: 1, author: 'A', date: '2024-01-01T00:00:00Z' }), new DeletedTextRun({ text: ' Removed.', id: 2, author: 'A', date: '2024-01-01T00:00:00Z' })],
            numbering: { reference: 'paras', level: 0 },
          }),
          new Paragraph({ text: 'Restarted.', numbering: { reference: 'paras', level: 0, instance: 2 } }),
          new Paragraph({ text: 'Restarted two.', numbering: { reference: 'paras', level: 0, instance: 2 } }),
        ],
      }],
    });
    const r = await importDocx(new Uint8Array(await Packer.toBuffer(doc)), { catalog, sourceName: 'draft.docx' });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepStrictEqual(r.table, [{ name: 'Overall effectiveness', grade: 'Good' }]);
    assert.deepStrictEqual(r.markdown.slice(r.markdown.indexOf('## What')).split('\n').filter(Boolean), [
      '## What needs to improve?', '- Recording of decisions.', `## ${JUDGED}`, '1. First.', '2. Second point.', '1. Restarted.', '2. Restarted two.',
    ]);
    assert.deepStrictEqual(r.docx.revisions, { insertions: 1, deletions: 1, moves: 0, formatting: 0 });
  });

  it('reads WordprocessingML under another namespace prefix', async () => {
    const r = await importDocx(await makeDocx(ilacsTitlePage() + p(JUDGED, { style: 'Heading2' }) + p('1. Typed.'), { prefix: 'ns0' }), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.match(r.markdown, new RegExp(`^## ${JUDGED}\\n\\n1\\. Typed\\.$`, 'm'));
  });

  it('keeps text in hyperlinks, content controls and field results; drops field codes, hidden text, drawings and the table of contents', async () => {
    const field = (code: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const toc = `<w:p>${field('TOC \\o "1-3" \\h', 'Contents 1')}</w:p>`;
    const cover = `<w:sdt><w:sdtPr><w:alias w:val="Cover"/></w:sdtPr><w:sdtContent>${p('Inspection of Exampleton local authority children’s services', { style: 'Title' })}</w:sdtContent></w:sdt>`;
    const body = cover + toc + ilacsTitlePage().slice(ilacsTitlePage().indexOf('</w:p>') + 6) + [
      p(JUDGED, { style: 'Heading2' }),
      p([run('1. See '), `<w:hyperlink r:id="rId9">${run('the last report')}</w:hyperlink>`, run(' from '), field('DATE \\@ "d MMMM yyyy"', '5 May 2019'), run('.')]),
      p([run('2. Visible'), '<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>', run(' text.'), '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:t xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">Picture text</a:t></wp:inline></w:drawing></w:r>']),
      p([`<w:sdt><w:sdtContent>${run('3. In a content control.')}</w:sdtContent></w:sdt>`]),
    ].join('');
    const r = await importDocx(await makeDocx(body), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.match(r.markdown, /^# Inspection of Exampleton local authority children’s services$/m);
    assert.deepStrictEqual(r.markdown.slice(r.markdown.indexOf(`## ${JUDGED}`)).split('\n').filter(Boolean), [
      `## ${JUDGED}`, '1. See the last report from 5 May 2019.', '2. Visible text.', '3. In a content control.',
    ]);
    assert.doesNotMatch(r.markdown, /Contents 1|TOC|Picture text|hidden/);
  });

  it('reads a cover page’s text box once (not again from its fallback), before the paragraph it is anchored to', async () => {
    const box = (t: string) => `<w:txbxContent>${p(t, { style: 'Title' })}</w:txbxContent>`;
    const anchored = `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${box('Inspection of Exampleton local authority children’s services')}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box('Inspection of Exampleton local authority children’s services')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const rest = ilacsTitlePage().slice(ilacsTitlePage().indexOf('</w:p>') + 6);
    const r = await importDocx(await makeDocx(anchored + rest + p(JUDGED, { style: 'Heading2' }) + p('1. Typed.')), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.frontMatter.authority, 'Exampleton');
    assert.strictEqual((r.markdown.match(/Inspection of Exampleton/g) ?? []).length, 1);
    assert.match(r.markdown, /^# Inspection of Exampleton local authority children’s services\n\nInspection dates: 11 to 22 July 2022$/m);
  });

  it('takes a judgement table under another header, keeps any other table as a table, and reads a laid-out one as paragraphs with a warning', async () => {
    const judgements = table([['Judgement area', 'Grade awarded'], ['Overall effectiveness', 'Good'], ['The impact of leaders on social work practice with children and families', 'Good']]);
    const title = ilacsTitlePage();
    const other = table([['Team', 'Caseload'], ['Front door', '18']]);
    // A cell of two paragraphs: a table used for layout, not data.
    const laidOut = table([['Contact', 'Address']]).replace('<w:tc>', `<w:tc>${p('Ann Example')}`).replace('</w:tbl>', `<w:tr><w:tc>${p('Second row')}</w:tc><w:tc>${p('x')}</w:tc></w:tr></w:tbl>`);
    const r = await importDocx(await makeDocx(title.slice(0, title.indexOf('<w:tbl>')) + judgements + p(JUDGED, { style: 'Heading2' }) + other + p('1. Typed.') + laidOut), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepStrictEqual(r.table.map((t) => t.grade), ['Good', 'Good']);
    assert.match(r.markdown, /^\| Team \| Caseload \|\n\| --- \| --- \|\n\| Front door \| 18 \|$/m);
    assert.match(r.markdown, /^Ann Example$/m);
    assert.ok(r.warnings.includes('a table that is not the judgement table was imported as paragraphs, cell by cell (merged cells, or cells of several paragraphs)'), r.warnings.join('\n'));
  });
});
