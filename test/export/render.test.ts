/**
 * Look at it (issue 15): an exported report rendered to PDF by LibreOffice
 * reads, to the tool's own importer of published PDFs, as the report it was
 * exported from: the same kind, judgement table, headings and paragraph
 * numbers (so the numbers Word prints are the Markdown's, and the page
 * furniture is where a published report has it). Skipped with a message
 * where LibreOffice (`soffice`) is not installed.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importPdf } from '../../server/src/import/index';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { modelToDocx } from '../../server/src/export/index';
import { catalog } from '../helpers/data';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function soffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** Renders a .docx to PDF with LibreOffice in a private profile (several may run at once). */
export function renderPdf(bin: string, docx: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore', timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
}

const gradeRows = (m: ReportModel) => m.table?.rows.map((r) => [r.judgement?.nameText, r.judgement?.gradeText]) ?? [];

describe('export to Word: rendered by LibreOffice', function () {
  this.timeout(240_000);
  const bin = soffice();
  before(function () {
    if (!bin) {
      console.log('    (skipped: LibreOffice is not installed; on Debian: apt-get install libreoffice-writer-nogui)');
      this.skip();
    }
  });

  // One report (about 20 s): the draft whose numbers jump and repeat, so Word's numbering restarts must show in print.
  for (const rel of ['drafts/2025-02-ilacs.md']) {
    it(`${rel}: the PDF reads back as the same report`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-render-'));
      try {
        const file = path.join(EXAMPLES, rel);
        const model = parseReport(fs.readFileSync(file, 'utf8'), file, builtinProfiles());
        const docx = path.join(dir, 'report.docx');
        fs.writeFileSync(docx, await modelToDocx(model));
        const pdf = renderPdf(bin!, docx, dir);
        assert.ok(fs.existsSync(pdf), 'LibreOffice wrote no PDF');
        const imported = await importPdf(new Uint8Array(fs.readFileSync(pdf)), { catalog, sourceName: 'report.pdf' });
        assert.ok(imported.ok, `the importer could not read the PDF: ${!imported.ok ? imported.reason : ''}`);
        const back = parseReport(imported.markdown, 'back.md', builtinProfiles());
        assert.strictEqual(back.kind, model.kind);
        assert.deepStrictEqual(gradeRows(back), gradeRows(model), 'judgement table');
        assert.deepStrictEqual(back.sections.map((s) => s.heading.text), model.sections.map((s) => s.heading.text), 'headings');
        assert.deepStrictEqual(back.numbered.map((n) => n.printed), model.numbered.map((n) => n.printed), 'printed paragraph numbers');
        assert.strictEqual(back.inspectionLine?.text.trim(), model.inspectionLine?.text.trim(), 'inspection dates');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
