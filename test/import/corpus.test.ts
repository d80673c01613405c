/**
 * One report per layout era from ../shared/corpus/ilacs, read at test time
 * and compared with reports.csv. Skipped when ../shared is absent. The whole
 * corpus runs in `npm run eval:import`, not here.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { importPdf, importText } from '../../server/src/import/index';
import { builtinAuthorities } from '../../server/src/io/importFs';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { catalog, data } from '../helpers/data';

const corpus = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'ilacs');
const seed001 = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds', '001_c7345f768e97203e.txt');

const SAMPLES: { era: string; file: string; kind: string; rows: number }[] = [
  { era: '2014 SIF', file: 'barnsley--children-s-services-inspection-08-august-2014.pdf', kind: 'sif', rows: 6 },
  { era: '2018', file: 'barnsley--children-s-services-inspection-19-november-2018.pdf', kind: 'ilacs', rows: 4 },
  { era: '2021', file: 'dorset--children-s-services-inspection-19-november-2021.pdf', kind: 'ilacs', rows: 4 },
  { era: '2023', file: 'barnsley--children-s-services-inspection-27-october-2023.pdf', kind: 'ilacs', rows: 5 },
  { era: '2026', file: 'west-northamptonshire--children-s-services-inspection-07-july-2026.pdf', kind: 'ilacs', rows: 4 },
];

function csvRow(file: string): Record<string, string> | undefined {
  const [head, ...lines] = fs.readFileSync(path.join(corpus, 'reports.csv'), 'utf8').split(/\r?\n/);
  const keys = head.split(',');
  const line = lines.find((l) => l.startsWith(`${file},`));
  if (!line) return undefined;
  const cells = line.split(','); // the columns used here hold no commas
  return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
}

const iso = (d: string) => d.split('/').reverse().join('-');

describe('import: corpus samples, one per layout era', function () {
  this.timeout(60000);
  before(function () {
    if (!fs.existsSync(path.join(corpus, 'reports.csv'))) {
      console.log(`    (skipped: ${corpus} is absent; the corpus lives beside the repository in ../shared)`);
      this.skip();
    }
  });
  for (const s of SAMPLES) {
    it(`${s.era}: ${s.file}`, async () => {
      const r = await importPdf(new Uint8Array(fs.readFileSync(path.join(corpus, s.file))), { catalog, sourceName: s.file });
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.strictEqual(r.kind, s.kind);
      assert.strictEqual(r.table.length, s.rows);
      const row = csvRow(s.file);
      assert.ok(row);
      if (row.inspection_start_date) {
        assert.strictEqual(r.frontMatter.inspectionDates?.[0].start, iso(row.inspection_start_date));
        assert.strictEqual(r.frontMatter.inspectionDates?.[0].end, iso(row.inspection_end_date));
        assert.strictEqual(r.frontMatter.leadInspector, row.inspector_name);
        const grade = (key: RegExp) => r.table.find((t) => key.test(t.name))?.grade.toLowerCase().replace(/ to be good$/, '');
        assert.strictEqual(grade(/impact of leaders/i), row.impact_of_leaders_grade);
        assert.strictEqual(grade(/help and protection/i), row.help_and_protection_grade);
        assert.strictEqual(grade(/children in care/i), row.in_care_grade);
        if (row.overall_effectiveness_grade === 'not_reported_post_reform') assert.strictEqual(grade(/^overall/i), undefined);
        else assert.strictEqual(grade(/^overall/i), row.overall_effectiveness_grade);
      }
      const c = checkText(r.markdown, s.file, { data, profiles: builtinProfiles() });
      assert.strictEqual(c.model.kind, s.kind);
      assert.deepStrictEqual(c.diagnostics.filter((d) => d.ruleId === 'internal-error'), []);
      if (s.kind === 'ilacs') {
        assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`), []);
        const numbers = c.model.numbered.map((n) => Number(n.printed));
        assert.ok(numbers.length > 30);
        assert.deepStrictEqual(numbers, numbers.map((_, k) => k + 1));
        assert.doesNotMatch(r.markdown, /Crown copyright|large print|^\d{1,2}$/m);
      }
    });
  }
});

describe('import: seed 001, an extract that starts at the judgement table', () => {
  it('imports with its authority inferred from the text, and says so', function () {
    if (!fs.existsSync(seed001)) {
      console.log(`    (skipped: ${seed001} is absent; the seeds live beside the repository in ../shared)`);
      this.skip();
    }
    const r = importText(fs.readFileSync(seed001, 'utf8'), { catalog, sourceName: path.basename(seed001), authorities: builtinAuthorities() });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.frontMatter.authority, 'Nottingham City');
    assert.strictEqual(r.relativePath, 'nottingham-city/undated-ilacs.md');
    assert.ok(r.warnings.some((w) => /^authority 'Nottingham City' inferred from the text, which names it \d+ times/.test(w)), r.warnings.join('\n'));
  });
});
