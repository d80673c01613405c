/**
 * test/fixtures/record-genuine.yaml, the reviewed list of genuine defects of
 * the published record (issue 13), stays honest: every entry is well formed,
 * and, where ../shared is present, every entry still matches a diagnostic on
 * its report imported and checked now, so a fixed import or rule leaves no
 * stale entry. The whole corpus runs in `npm run eval:record`, not here: this
 * imports only the reports the list names.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explain, readGenuine, type GenuineEntry } from '../scripts/eval-record/genuine';
import { CORPUS, importAndCheck, type RecordDiagnostic } from '../scripts/eval-record/run';

const diag = (file: string, ruleId: string, message: string): RecordDiagnostic =>
  ({ file, line: 1, column: 1, ruleId, severity: 'error', message });
const entry = (report: string, rule: string, message: string): GenuineEntry =>
  ({ report, rule, message, pattern: new RegExp(message, 'i'), prints: 'a fact' });

describe('record-genuine: explaining diagnostics by the reviewed list', () => {
  it('a diagnostic is genuine when an entry of its report and rule matches its message', () => {
    const e = [entry('a.pdf', 'grade-wording', "'Requires improvement' is not")];
    const ds = [
      diag('a.pdf', 'grade-wording', "'requires improvement' is not an ILACS grade"),
      diag('a.pdf', 'dates', "'Requires improvement' is not"),
      diag('b.pdf', 'grade-wording', "'Requires improvement' is not an ILACS grade"),
    ];
    const r = explain(e, ds);
    assert.deepStrictEqual(r.genuine, [ds[0]]);
    assert.deepStrictEqual(r.unexplained, [ds[1], ds[2]]);
    assert.deepStrictEqual(r.stale, []);
  });

  it('an entry that matches nothing is stale', () => {
    const e = [entry('a.pdf', 'dates', 'do not agree')];
    assert.deepStrictEqual(explain(e, [diag('a.pdf', 'dates', 'not a real date')]).stale, e);
  });

  it('the list is well formed: every entry has its fields, a few words on what is printed, and no entry twice', () => {
    const list = readGenuine();
    const keys = list.map((e) => `${e.report} ${e.rule} ${e.message}`);
    assert.deepStrictEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'entries listed twice');
    for (const e of list) assert.match(e.report, /\.pdf$/, `${e.report}: the report is the PDF's file name`);
  });
});

describe('record-genuine: every entry still matches a diagnostic on its report', function () {
  this.timeout(300000);
  const list = readGenuine();
  let diagnostics: RecordDiagnostic[] = [];
  let imported = new Set<string>();
  before(async function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`    (skipped: ${CORPUS} is absent; the corpus lives beside the repository in ../shared)`);
      this.skip();
    }
    const files = [...new Set(list.map((e) => e.report))].filter((f) => fs.existsSync(path.join(CORPUS, f)));
    const run = await importAndCheck(files);
    diagnostics = run.reports.flatMap((r) => r.diagnostics);
    imported = new Set(run.reports.map((r) => r.file));
  });

  it('names only reports of the corpus, each imported', () => {
    assert.deepStrictEqual(list.filter((e) => !imported.has(e.report)).map((e) => e.report), []);
  });

  it('has no stale entry', () => {
    const stale = explain(list, diagnostics).stale;
    assert.deepStrictEqual(stale.map((e) => `${e.report} ${e.rule} /${e.message}/`), []);
  });
});
