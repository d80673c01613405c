import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { modelToDocx } from '../../server/src/export/index';
import { importDocx } from '../../server/src/import/docx/index';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/profiles/builtin';
import { EXPORT_SAMPLES } from './samples';

/**
 * The round trip (issue 15): every example and every valid fixture is
 * exported to Word, the .docx imported back, and the Markdown parsed again.
 * The two report models must agree on what a report is made of: its kind,
 * its front matter, its sections (heading text and level), the judgement
 * table, the findings' ids and the numbers its paragraphs print.
 */

const ROOT = path.join(__dirname, '..', '..');

/** What must survive the round trip, as plain data (deepStrictEqual on two of these). */
export function summary(m: ReportModel) {
  const value = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return {
    kind: m.kind,
    frontMatter: [...(m.frontMatter?.entries.values() ?? [])].map((e) => [e.key, value(e.value)]),
    title: m.title?.text,
    sections: m.sections.map((s) => `${'#'.repeat(s.heading.level)} ${s.heading.text}`),
    table: m.table ? { header: m.table.headerCells, rows: m.table.rows.map((r) => r.cells.map((c) => c.text)) } : undefined,
    grades: m.sections.filter((s) => s.judgement).map((s) => [s.judgement!.key ?? s.judgement!.nameText, s.judgement!.gradeText]),
    findings: m.findings.map((f) => f.id),
    numbers: m.numbered.map((n) => n.printed),
    /** A letter's closing lines (sign-off, name, title), one per line. */
    closing: m.closingLine === undefined ? undefined
      : m.text.slice(m.lines.lineStart(m.closingLine)).replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
  };
}

async function roundTrip(file: string): Promise<{ before: ReportModel; after: ReportModel; markdown: string; warnings: string[] }> {
  const profiles = builtinProfiles();
  const before = parseReport(fs.readFileSync(file, 'utf8'), file, profiles);
  const imported = await importDocx(await modelToDocx(before), { sourceName: path.basename(file).replace(/\.md$/, '.docx') });
  assert.ok(imported.ok, imported.ok ? '' : imported.reason);
  const after = parseReport(imported.markdown, 'roundtrip.md', profiles);
  return { before, after, markdown: imported.markdown, warnings: imported.warnings };
}

describe('export to Word and import back: the same report model', function () {
  this.timeout(30_000);

  it('samples every report kind', () => {
    const kinds = new Set(EXPORT_SAMPLES.map((f) => parseReport(fs.readFileSync(f, 'utf8'), f, builtinProfiles()).kind));
    for (const k of builtinProfiles().profiles.keys()) assert.ok(kinds.has(k), `no example or fixture of kind ${k}`);
  });

  for (const file of EXPORT_SAMPLES) {
    it(path.relative(ROOT, file), async () => {
      const { before, after, markdown } = await roundTrip(file);
      assert.ok(before.isReport && before.findings.length > 0, 'the sample is a report with findings');
      assert.deepStrictEqual(summary(after), summary(before), `imported Markdown:\n${markdown}`);
    });
  }

  it('gives the front matter exactly as written, comments and order kept', async () => {
    const file = EXPORT_SAMPLES.find((f) => /2025-02-ilacs\.md$/.test(f))!;
    const { before, markdown } = await roundTrip(file);
    const fm = before.frontMatter!;
    assert.ok(markdown.startsWith(before.text.slice(fm.span.start, fm.span.end)), markdown.slice(0, 400));
  });
});
