import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { modelToDocx, FRONT_MATTER_PROPERTY, KIND_PROPERTY } from '../../server/src/export/index';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { readDocx, type ReadDocx } from './readDocx';
import { EXPORT_SAMPLES, kindsWithoutSample } from './samples';

/**
 * Export then read back (issue 15, "Round trip", the half that does not need
 * the importer): for every example and every kind of fixture, the .docx has
 * the report's kind and front matter, its title, dates, headings, judgement
 * table grades, bullets and the numbers its paragraphs print.
 */

const ROOT = path.join(__dirname, '..', '..');

export { EXPORT_SAMPLES };

/** Inline Markdown as printed: links to their text, emphasis and code marks dropped. */
function printedText(md: string): string {
  return md.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<!--[\s\S]*?-->/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Every number the document prints before a paragraph: Word's automatic numbers and typed 'N.M<tab>' ones. */
export function printedNumbers(doc: ReadDocx): string[] {
  const out: string[] = [];
  for (const p of doc.paragraphs) {
    if (p.number !== undefined) out.push(p.number);
    else {
      const typed = /^(\d+\.\d+)\t/.exec(p.text);
      if (typed) out.push(typed[1]);
    }
  }
  return out;
}

export async function exportAndRead(file: string): Promise<{ model: ReportModel; doc: ReadDocx }> {
  const model = parseReport(fs.readFileSync(file, 'utf8'), file, builtinProfiles());
  return { model, doc: await readDocx(await modelToDocx(model)) };
}

describe('export to Word: structure read back from the .docx', function () {
  this.timeout(20_000);
  it('has samples of every report kind', () => {
    assert.deepStrictEqual(kindsWithoutSample(), [], 'kinds with no example or fixture');
  });

  for (const file of EXPORT_SAMPLES) {
    const name = path.relative(ROOT, file);
    it(name, async () => {
      const { model, doc } = await exportAndRead(file);
      assert.strictEqual(doc.properties.get(KIND_PROPERTY), model.kind, 'kind property');
      const fm = model.frontMatter!;
      assert.strictEqual(doc.properties.get(FRONT_MATTER_PROPERTY), model.text.slice(fm.contentSpan.start, fm.contentSpan.end), 'front matter property');

      const titles = doc.paragraphs.filter((p) => p.style === 'Title');
      assert.deepStrictEqual(titles.map((p) => p.text), [printedText(model.title!.text)], 'one title, the report\'s');

      if (model.inspectionLine) {
        const label = /^(Inspection dates?)\s*:/i.exec(model.text.slice(model.inspectionLine.span.start))![1];
        assert.ok(doc.paragraphs.some((p) => p.text === `${label}: ${model.inspectionLine!.text.trim()}`), `'${label}:' line`);
        assert.ok(doc.footer.includes(model.inspectionLine.text.trim()), `footer has the dates: ${doc.footer}`);
      }
      assert.ok(doc.footer.includes(printedText(model.title!.text)), 'footer has the title');
      assert.ok(doc.footerPageNumber, 'footer has a page number field');

      const headings = doc.paragraphs.filter((p) => /^Heading\d$/.test(p.style)).map((p) => p.text);
      assert.deepStrictEqual(headings, model.sections.map((s) => printedText(s.heading.text)), 'headings');

      if (model.table) {
        const t = doc.tables[0];
        assert.ok(t, 'a judgement table');
        assert.deepStrictEqual(t.rows[0], model.table.headerCells.map(printedText), 'table header');
        assert.deepStrictEqual(t.rows.slice(1).map((r) => r.slice(0, 2)), model.table.rows.map((r) => [r.judgement?.nameText ?? '', r.judgement?.gradeText ?? '']), 'table rows and grades');
      }

      const expected = model.numbered.filter((n) => n.style !== 'no-stop').map((n) => n.printed);
      assert.deepStrictEqual(printedNumbers(doc), expected, 'paragraph numbers as printed');
      const numberedTexts = doc.paragraphs.filter((p) => p.number !== undefined).map((p) => p.text);
      const listTexts = model.numbered.filter((n) => n.style === 'list').map((n) => printedText(n.text));
      assert.deepStrictEqual(numberedTexts, listTexts, 'numbered paragraphs\' text');

      const bullets = doc.paragraphs.filter((p) => p.bulletLevel === 0).map((p) => p.text);
      assert.deepStrictEqual(bullets, model.bullets.filter((b) => !b.ordered).map((b) => printedText(b.text)), 'bullets');
    });
  }
});
