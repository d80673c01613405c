import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { modelToDocx } from '../../server/src/export/index';
import { importDocx } from '../../server/src/import/docx/index';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { readDocx } from './readDocx';
import { EXPORT_SAMPLES, kindsWithoutSample, summary } from './samples';

/**
 * The round trip (issue 15): every example and every valid fixture is
 * exported to Word, the .docx imported back, and the Markdown parsed again.
 * The two report models must agree on what a report is made of: its kind,
 * its front matter, its sections (heading text and level), the judgement
 * table, the findings' ids and the numbers its paragraphs print.
 */

const ROOT = path.join(__dirname, '..', '..');

interface Trip {
  before: ReportModel;
  after: ReportModel;
  markdown: string;
  warnings: string[];
}

/**
 * Exports a report (the file's text, or `text` given for it), imports the .docx
 * and parses the result. `edit` may change the .docx's parts first (a Word
 * document without the properties, with broken ones).
 */
async function roundTrip(file: string, options: { text?: string; edit?: (zip: JSZip) => Promise<void> } = {}): Promise<Trip> {
  const profiles = builtinProfiles();
  const before = parseReport(options.text ?? fs.readFileSync(file, 'utf8'), file, profiles);
  let bytes = await modelToDocx(before);
  if (options.edit) {
    const zip = await JSZip.loadAsync(bytes);
    await options.edit(zip);
    bytes = await zip.generateAsync({ type: 'uint8array' });
  }
  const imported = await importDocx(bytes, { sourceName: path.basename(file).replace(/\.md$/, '.docx'), catalog: builtinProfiles().catalog });
  assert.ok(imported.ok, imported.ok ? '' : imported.reason);
  const after = parseReport(imported.markdown, 'roundtrip.md', profiles);
  return { before, after, markdown: imported.markdown, warnings: imported.warnings };
}

const withoutProperties = async (zip: JSZip) => { zip.remove('docProps/custom.xml'); };
const sample = (name: RegExp) => EXPORT_SAMPLES.find((f) => name.test(f))!;

describe('export to Word and import back: the same report model', function () {
  this.timeout(30_000);

  it('samples every report kind', () => {
    assert.deepStrictEqual(kindsWithoutSample(), [], 'kinds with no example or fixture');
  });

  for (const file of EXPORT_SAMPLES) {
    it(path.relative(ROOT, file), async () => {
      const { before, after, markdown, warnings } = await roundTrip(file);
      assert.ok(before.isReport && before.findings.length > 0, 'the sample is a report with findings');
      assert.deepStrictEqual(summary(after), summary(before), `imported Markdown:\n${markdown}`);
      assert.deepStrictEqual(warnings, [], 'nothing to warn about in an exported report');
    });
  }

  it('gives the front matter exactly as written, comments and order kept', async () => {
    const file = sample(/2025-02-ilacs\.md$/);
    const text = fs.readFileSync(file, 'utf8').replace('inspection-type: standard', "inspection-type: standard   # a comment\nauthority-code: 'X12'");
    const { before, markdown, warnings } = await roundTrip(file, { text });
    const fm = before.frontMatter!;
    assert.ok(markdown.startsWith(`${before.text.slice(fm.span.start, fm.span.end)}\n`), markdown.slice(0, 400));
    assert.deepStrictEqual(warnings, []);
  });

  describe('a Word document without the properties: front matter from the title page, the body the same', () => {
    for (const file of EXPORT_SAMPLES) {
      it(path.relative(ROOT, file), async () => {
        const { before, after, markdown } = await roundTrip(file, { edit: withoutProperties });
        const { frontMatter: fmBefore, ...bodyBefore } = summary(before);
        const { frontMatter: fmAfter, ...bodyAfter } = summary(after);
        assert.deepStrictEqual(bodyAfter, bodyBefore, `imported Markdown:\n${markdown}`);
        const given = new Map(fmBefore);
        assert.strictEqual(after.kind, before.kind);
        for (const [key, value] of fmAfter) {
          // The title may name the authority without 'Council' ('Inspection of Wexbridge City local authority ...').
          if (key === 'authority') assert.ok(String(given.get(key)).startsWith(String(value)), `authority ${String(value)}`);
          else assert.deepStrictEqual(value, given.get(key), key);
        }
      });
    }

    it("keeps 'Council' when the title names the council", async () => {
      const file = sample(/2025-02-ilacs\.md$/);
      const text = fs.readFileSync(file, 'utf8').replace(/^# .*$/m, "# Inspection of Wexbridge City Council children's services");
      const { after } = await roundTrip(file, { text, edit: withoutProperties });
      assert.strictEqual(after.frontMatter?.entries.get('authority')?.value, 'Wexbridge City Council');
    });
  });

  it('reads the title page, with a warning, when the front matter property is broken', async () => {
    const file = sample(/2025-11-focused-visit\.md$/);
    const { before, after, warnings } = await roundTrip(file, {
      edit: async (zip) => {
        const xml = await zip.file('docProps/custom.xml')!.async('string');
        zip.file('docProps/custom.xml', xml.replace(/(inspection-reports-front-matter"[^>]*>\s*<vt:lpwstr>)/, '$1: [broken\n'));
      },
    });
    assert.ok(warnings.some((w) => /inspection-reports-front-matter property is not valid YAML; the front matter is read from the title page/.test(w)), warnings.join('\n'));
    assert.strictEqual(after.kind, before.kind);
    assert.strictEqual(after.frontMatter?.entries.get('authority')?.value, before.frontMatter?.entries.get('authority')?.value);
  });

  it('says where the title page was edited after the export, and keeps the recorded front matter', async () => {
    const file = sample(/2025-02-ilacs\.md$/);
    const { after, warnings } = await roundTrip(file, {
      edit: async (zip) => {
        const xml = await zip.file('word/document.xml')!.async('string');
        zip.file('word/document.xml', xml.replace('3 to 14 February 2025', '4 to 14 February 2025'));
      },
    });
    assert.deepStrictEqual(warnings, ['the document says inspection-dates 2025-02-04 to 2025-02-14, its recorded front matter 2025-02-03 to 2025-02-14: the recorded value is used (was the document edited after it was exported?)']);
    assert.strictEqual(after.frontMatter?.entries.get('inspection-dates')?.value, '2025-02-03 to 2025-02-14');
  });

  it('keeps heading levels below ### (Heading 3 and 4 both ways)', async () => {
    const file = sample(/2024-09-monitoring-visit\.md$/);
    const text = fs.readFileSync(file, 'utf8')
      .replace(/^(Children at risk of exploitation)/m, '#### Exploitation\n\n$1')
      .replace(/^(Managers record clear decisions)/m, '##### Supervision\n\n$1');
    const { before, after } = await roundTrip(file, { text });
    assert.deepStrictEqual(before.headings.map((h) => h.level).filter((l) => l > 3), [4, 5]);
    assert.deepStrictEqual(summary(after), summary(before));
  });

  it("prints a letter's old date line once, in the letterhead, and gives it back as 'published'", async () => {
    const file = sample(/2024-09-monitoring-visit\.md$/);
    const withLine = fs.readFileSync(file, 'utf8').replace(/^(Dear )/m, '8 October 2024\n\n$1');
    // With `published` (the letterhead's date) and without it (the line's date, moved to the top).
    for (const text of [withLine, withLine.replace(/^published: .*\n/m, '')]) {
      const doc = await readDocx(await modelToDocx(parseReport(text, file, builtinProfiles())));
      const dated = doc.paragraphs.map((p, i) => (p.text === '8 October 2024' ? i : -1)).filter((i) => i >= 0);
      assert.strictEqual(dated.length, 1, 'the date printed once');
      assert.ok(dated[0] < doc.paragraphs.findIndex((p) => p.style === 'Title'), 'above the subject line');
    }
    const { after } = await roundTrip(file, { text: withLine.replace(/^published: .*\n/m, ''), edit: withoutProperties });
    assert.strictEqual(after.frontMatter?.entries.get('published')?.value, '2024-10-08');
    assert.ok(!/^8 October 2024$/m.test(after.text), 'no date line in the body');
  });
});
