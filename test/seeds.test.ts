/**
 * Issue 2: the five real documents in ../shared/seeds, turned into the
 * dialect by the importer, check without crashing, as the right kind, and
 * the errors really in them are reported. Skipped when ../shared is absent.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../server/src/check';
import type { Diagnostic } from '../server/src/core/types';
import { importText } from '../server/src/import/index';
import type { ReportModel } from '../server/src/model/types';
import { builtinProfiles } from '../server/src/io/builtinData';
import { catalog, data } from './helpers/data';

const shared = path.resolve(__dirname, '..', '..', 'shared');
const seeds = path.join(shared, 'seeds');

interface Seed {
  file: string;
  kind: string;
  /** Era id the checker should choose, where the document has dates. */
  era?: string;
  overrides?: Record<string, string>;
}

const SEEDS: Seed[] = [
  { file: '000_5ba17fdfc4b33006.txt', kind: 'ilacs', era: 'ilacs-2018' },
  // This extract starts at the judgement table: its first page (title, dates, lead inspector) is missing.
  // The dates and publication are those of the 2022 Nottingham City inspection (dialect.md's example,
  // and the 2024 scrutiny seed: "inspection in July 2022 ... published in September 2022").
  {
    file: '001_c7345f768e97203e.txt', kind: 'ilacs', era: 'ilacs-2018',
    overrides: { authority: 'Nottingham City Council', 'inspection-dates': '2022-07-11 to 2022-07-22', published: '2022-09-06' },
  },
  { file: '002_461e1c46383236d4.txt', kind: 'scrutiny' },
  { file: '003_25aa498d4c058242.txt', kind: 'focused-visit' },
  { file: '004_6c15e3add131713b.txt', kind: 'focused-visit' },
];

interface Checked {
  model: ReportModel;
  diagnostics: Diagnostic[];
  markdown: string;
}

function load(seed: Seed): Checked {
  const text = fs.readFileSync(path.join(seeds, seed.file), 'utf8');
  const r = importText(text, { catalog, sourceName: seed.file, overrides: seed.overrides });
  assert.ok(r.ok, `${seed.file} did not import: ${r.ok ? '' : r.reason}`);
  const c = checkText(r.markdown, seed.file, { data, profiles: builtinProfiles() });
  return { ...c, markdown: r.markdown };
}

function find(c: Checked, ruleId: string, pattern: RegExp): Diagnostic[] {
  return c.diagnostics.filter((d) => d.ruleId === ruleId && pattern.test(d.message));
}

function line(c: Checked, d: Diagnostic): string {
  return c.model.lines.line(d.range.start.line);
}

describe('seeds (../shared/seeds) imported and checked', function () {
  before(function () {
    if (!fs.existsSync(seeds)) {
      console.log(`    (skipped: ${seeds} is absent; the seeds live beside the repository in ../shared)`);
      this.skip();
    }
  });

  const results = new Map<string, Checked>();
  const get = (file: string) => {
    let c = results.get(file);
    if (!c) {
      c = load(SEEDS.find((s) => s.file === file)!);
      results.set(file, c);
    }
    return c;
  };

  for (const seed of SEEDS) {
    it(`${seed.file} is a ${seed.kind} report and checks without an internal error`, () => {
      const c = get(seed.file);
      assert.strictEqual(c.model.isReport, true);
      assert.strictEqual(c.model.kind, seed.kind);
      if (seed.era) assert.strictEqual(c.model.era?.id, seed.era);
      const internal = c.diagnostics.filter((d) => d.ruleId === 'internal-error');
      assert.deepStrictEqual(internal.map((d) => d.message), []);
    });
  }

  it('2018 ILACS: table, sentence-form headings and 48 paragraphs numbered 1 to 48', () => {
    const c = get('000_5ba17fdfc4b33006.txt');
    assert.deepStrictEqual(c.model.table?.rows.map((r) => r.cells[1].text), Array(4).fill('Requires improvement to be good'));
    assert.deepStrictEqual(c.model.numbered.map((n) => n.printed), Array.from({ length: 48 }, (_, k) => String(k + 1)));
    assert.strictEqual(c.model.sections.filter((s) => s.judgement).length, 3);
    // No error other than the publication date, which this extract does not carry.
    const errors = c.diagnostics.filter((d) => d.severity === 'error');
    assert.deepStrictEqual(errors.map((d) => d.ruleId), ['front-matter']);
    assert.match(errors[0].message, /published/);
  });

  it("2022 ILACS: paragraph 34 is printed without its full stop (a real error in the published report)", () => {
    const c = get('001_c7345f768e97203e.txt');
    assert.deepStrictEqual(c.model.table?.rows.map((r) => r.cells[1].text), ['Requires improvement to be good', 'Inadequate', 'Requires improvement to be good', 'Inadequate']);
    const numbers = c.model.numbered.map((n) => n.printed);
    assert.strictEqual(numbers.length, 58);
    const lost = find(c, 'paragraph-numbering', /\b34\b/);
    assert.strictEqual(lost.length, 1, 'paragraph 34 reported');
    assert.match(line(c, lost[0]), /^34 Most children in care/);
    // Nothing else is an error but the lead inspector, which the extract lacks.
    const others = c.diagnostics.filter((d) => d.severity === 'error' && d !== lost[0]);
    assert.deepStrictEqual(others.map((d) => `${d.ruleId}: ${/lead-inspector/.test(d.message) ? 'lead-inspector' : d.message}`), ['front-matter: lead-inspector']);
  });

  it('2024 scrutiny report: ordinal dates, a repeated paragraph number, ages, "etc" and ILACS spelled out twice', () => {
    const c = get('002_461e1c46383236d4.txt');
    assert.strictEqual(c.model.frontMatter?.entries.get('meeting-date')?.value instanceof Date || typeof c.model.frontMatter?.entries.get('meeting-date')?.value === 'string', true);
    const ordinals = c.diagnostics.filter((d) => d.ruleId === 'dates' && /ordinal/i.test(d.message)).map((d) => d.message);
    assert.ok(ordinals.some((m) => m.includes('11 th September 2024')), 'meeting date "11 th September 2024"');
    assert.ok(ordinals.some((m) => m.includes('31st July')), '"31st July and 1st August 2024"');
    assert.ok(ordinals.some((m) => m.includes('2nd September 2024')), '"2nd September 2024"');
    const twice = find(c, 'paragraph-numbering', /2\.2/);
    assert.strictEqual(twice.length, 1, 'the second 2.2');
    assert.match(line(c, twice[0]), /^2\.2 Inspectors noted/);
    assert.strictEqual(find(c, 'ages', /17-year olds/).length, 1);
    assert.strictEqual(find(c, 'abbreviations', /'etc'/).length, 1);
    assert.strictEqual(find(c, 'abbreviations', /'ILACS' is spelled out again/).length, 1);
  });

  it("2018 focused visit: 'EET' never spelled out, and 'Areas for Improvement' capitalised", () => {
    const c = get('003_25aa498d4c058242.txt');
    assert.deepStrictEqual(c.model.frontMatter?.entries.get('inspectors')?.value, ['John Roughton', 'Caroline Walsh']);
    assert.strictEqual(find(c, 'abbreviations', /'EET'/).length, 1);
    assert.strictEqual(find(c, 'required-sections', /Areas for improvement/).length, 1);
    assert.strictEqual(c.model.findings.filter((f) => f.kind === 'wni').length, 10);
  });

  it('2019 focused visit: clean, with its findings as bullets', () => {
    const c = get('004_6c15e3add131713b.txt');
    assert.deepStrictEqual(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    const findings = c.model.sections.find((s) => s.heading.text === 'Findings');
    assert.ok(findings, 'a Findings section');
    assert.strictEqual(c.model.bullets.filter((b) => b.sectionIndex === findings.index).length, 13);
    assert.strictEqual(c.model.findings.filter((f) => f.kind === 'wni').length, 3);
  });
});
