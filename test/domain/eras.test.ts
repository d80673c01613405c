import * as assert from 'assert';
import { checkDocument } from '../../server/src/check';
import { data } from '../helpers/data';
import { describeEra, eraDates, eraWindow } from '../../server/src/domain/eras';
import { hoverAt } from '../../server/src/features/hover';
import { catalog, model, profiles, report } from '../features/helpers';

/** 'inspections starting 1 January 2013 to 31 December 2017' -> '1 January 2013 to 31 December 2017'. */
const WINDOW = /inspections starting (?:from )?([^.()\n]+)/g;
const windows = (text: string) => [...text.matchAll(WINDOW)].map((m) => m[1].trim());

function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A report of the era (inspection starting on its first day) whose table has only its first judgement. */
function reportIn(eraId: string): string {
  const era = catalog().eras.find((e) => e.id === eraId)!;
  const first = catalog().judgements[era.table[0]].name;
  const front = { report: era.framework, authority: 'Anyshire', 'inspection-dates': `${era.from} to ${plusDays(era.from, 9)}`, published: plusDays(era.from, 60), 'lead-inspector': 'Jane Example' };
  return report(front, `# Title\n\n| Judgement | Grade |\n| --- | --- |\n| ${first} | Good |\n`);
}

function hoverOn(text: string, needle: string): string {
  const m = model(text);
  const diagnostics = checkDocument(m, { data, profiles: profiles() });
  return hoverAt({ model: m, catalog: catalog(), offset: text.indexOf(needle) + 3, diagnostics, ruleLink: () => undefined, ruleSummary: () => undefined })?.markdown ?? '';
}

describe('domain: era windows', () => {
  it('ends the SIF at the start of ILACS, not open-ended (domain.md: SIF 2013 to 2017)', () => {
    const sif = catalog().eras.find((e) => e.id === 'sif')!;
    assert.deepStrictEqual(eraDates(catalog(), sif), { from: sif.from, to: '2017-12-31' });
    assert.match(describeEra(catalog(), sif), /^SIF, inspections starting \d{1,2} \w+ 2013 to 31 December 2017$/);
    const last = catalog().eras[catalog().eras.length - 1];
    assert.strictEqual(eraDates(catalog(), last).to, undefined);
    assert.match(eraWindow(catalog(), last), /^inspections starting from \d+ \w+ \d{4}$/);
  });

  it('gives each era the day before the next one as its last day, with no gap and no overlap', () => {
    const eras = catalog().eras;
    for (let i = 0; i + 1 < eras.length; i++) {
      const { to } = eraDates(catalog(), eras[i]);
      assert.strictEqual(plusDays(to!, 1), eras[i + 1].from, eras[i].id);
    }
  });

  it("gives the same dates in the hover and in the diagnostics, for every era", () => {
    const withTable = catalog().eras.filter((e) => e.table.length > 1);
    assert.ok(withTable.length >= 4, 'the SIF and the ILACS eras have tables');
    for (const era of withTable) {
      const text = reportIn(era.id);
      const m = model(text);
      assert.strictEqual(m.era?.id, era.id, `${era.id}: the report is of the era`);
      const diagnostics = checkDocument(m, { data, profiles: profiles() });
      const missingRow = diagnostics.find((d) => /The judgement table has no row for/.test(d.message));
      assert.ok(missingRow, `${era.id}: a missing-row diagnostic naming the era`);
      const first = catalog().judgements[era.table[0]].name;
      const hover = hoverOn(text, `| ${first}`);
      assert.match(hover, /This report \(/, `${era.id}: the hover names the report's era`);
      const fromDiagnostic = windows(missingRow.message);
      const fromHover = windows(hover.slice(hover.indexOf('This report (')));
      assert.strictEqual(fromDiagnostic.length, 1, missingRow.message);
      assert.deepStrictEqual(fromHover.slice(0, 1), fromDiagnostic, era.id);
    }
  });

  it('gives the SIF the same dates in the wrong-era diagnostic and in the hover on that judgement', () => {
    const sifName = catalog().judgements['sif-leadership'].name;
    const front = { report: 'ilacs', authority: 'Anyshire', 'inspection-dates': '2019-03-04 to 2019-03-15', published: '2019-05-01', 'lead-inspector': 'Jane Example' };
    const text = report(front, `# Title\n\n| Judgement | Grade |\n| --- | --- |\n| ${sifName} | Good |\n`);
    const diagnostics = checkDocument(model(text), { data, profiles: profiles() });
    const wrongEra = diagnostics.find((d) => d.ruleId === 'judgement-names' && d.message.includes('it belongs to SIF'));
    assert.ok(wrongEra, diagnostics.map((d) => d.message).join('\n'));
    const hover = hoverOn(text, `| ${sifName}`);
    const inTable = hover.slice(hover.indexOf('In the judgement table of:'));
    const sif = catalog().eras.find((e) => e.id === 'sif')!;
    const sifWindow = eraWindow(catalog(), sif).replace('inspections starting ', '');
    assert.match(sifWindow, / to 31 December 2017$/);
    assert.ok(windows(wrongEra.message).includes(sifWindow), wrongEra.message);
    assert.deepStrictEqual(windows(inTable).slice(0, 1), [sifWindow], inTable);
  });
});
