import * as assert from 'assert';
import { applyEdits } from '../../server/src/core/edits';
import { parseReport } from '../../server/src/model/parse';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { checkText } from '../../server/src/check';
import { HistoryIndex } from '../../server/src/history/index';
import { inboundLinks } from '../../server/src/history/inbound';
import { idChangeSummary, linksToRenumber, planNumbering, renumberIdMap } from '../../server/src/rules/shared/renumber';
import { withInboundLinks } from '../../server/src/rules/shared/renumberLinks';
import { data } from '../helpers/data';

const ILACS = `---
report: ilacs
authority: Testborough Council
inspection-dates: 2021-10-04 to 2021-10-15
published: 2021-12-01
lead-inspector: Ann Example
---

# Inspection of Testborough local authority children's services

## What needs to improve?

1. An improvement item, not a paragraph.

## The experiences and progress of children who need help and protection: good

1. First.
2. Second.
4. Third, misnumbered.
5. Fourth, misnumbered.

## The experiences and progress of children in care and care leavers: good

1. Fifth, restarted.
`;

const LATER = `---
report: monitoring-visit
authority: Testborough Council
inspection-dates: 2022-03-01
published: 2022-03-29
---

# Monitoring visit

Dear Sam Example,

Return home talks are still late ([2021 inspection, paragraph 4](../2021-10-ilacs.md#para-4)),
as paragraph 2 ([here](../2021-10-ilacs.md#para-2)) and [an unrelated report](../other.md#para-4) said.
`;

describe('renumbering (rules/shared/renumber.ts)', () => {
  const profiles = builtinProfiles();

  it('maps the finding ids that renumbering changes, and only those', () => {
    const model = parseReport(ILACS, 'reports/2021-10-ilacs.md', profiles);
    const map = renumberIdMap(model);
    assert.deepStrictEqual([...map.entries()], [['para-4', 'para-3'], ['para-5', 'para-4']]);
  });

  it('its edits give every paragraph its place, and a second plan finds nothing to do', () => {
    const model = parseReport(ILACS, 'reports/2021-10-ilacs.md', profiles);
    const plan = planNumbering(model);
    assert.strictEqual(plan.anomalies.length, 2);
    const fixed = applyEdits(ILACS, plan.edits);
    assert.deepStrictEqual(fixed.skipped, []);
    assert.match(fixed.text, /1\. First\.\n2\. Second\.\n3\. Third, misnumbered\.\n4\. Fourth, misnumbered\./);
    assert.match(fixed.text, /\n5\. Fifth, restarted\./);
    assert.match(fixed.text, /1\. An improvement item/);
    const again = planNumbering(parseReport(fixed.text, 'reports/2021-10-ilacs.md', profiles));
    assert.deepStrictEqual(again.anomalies, []);
    assert.deepStrictEqual(again.edits, []);
    assert.strictEqual(renumberIdMap(parseReport(fixed.text, 'x.md', profiles)).size, 0);
  });

  it('lists the links in another report that point at a changed id', () => {
    const map = renumberIdMap(parseReport(ILACS, 'reports/2021-10-ilacs.md', profiles));
    const later = parseReport(LATER, 'reports/visits/2022-03-mv.md', profiles);
    assert.strictEqual(later.links.length, 3);
    const changes = linksToRenumber(map, later.links, (l) => l.path === '../2021-10-ilacs.md');
    assert.deepStrictEqual(changes.map((c) => [c.link.href, c.newHref]), [['../2021-10-ilacs.md#para-4', '../2021-10-ilacs.md#para-3']]);
  });

  it('says what renumbering changes once, not one line per finding id (issue 13 class 8)', () => {
    const long = ILACS.replace('5. Fourth, misnumbered.', Array.from({ length: 12 }, (_, k) => `${k + 5}. Paragraph ${k + 5}.`).join('\n'));
    const r = checkText(long, '/w/reports/2021-10-ilacs.md', { data, profiles });
    const numbering = r.diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');
    assert.ok(numbering.length > 0);
    for (const d of numbering) {
      assert.deepStrictEqual(d.related?.map((x) => x.message), ['Renumbering changes 13 finding ids, para-4 to para-16.']);
    }
    assert.strictEqual(idChangeSummary([{ from: 'para-7', to: 'para-6' }]), 'Renumbering changes finding id para-7 to para-6.');
  });

  it('adds only the links in other reports that point at a changed id (issue 12 item 6)', () => {
    const index = new HistoryIndex({ data, profilesFor: () => profiles });
    index.upsert({ uri: '/w/reports/2021-10-ilacs.md', text: ILACS });
    index.upsert({ uri: '/w/reports/visits/2022-03-mv.md', text: LATER });
    const inbound = inboundLinks(index, '/w/reports/2021-10-ilacs.md');
    assert.deepStrictEqual(inbound.map((l) => [l.label, l.fragment, l.line + 1]), [['2022-03-mv.md', 'para-4', 12], ['2022-03-mv.md', 'para-2', 13]]);
    const r = checkText(ILACS, '/w/reports/2021-10-ilacs.md', { data, profiles });
    const out = withInboundLinks(r.model, r.diagnostics, () => inbound);
    const d = out.find((x) => x.ruleId === 'paragraph-numbering' && x.fix);
    assert.deepStrictEqual(d?.related?.map((x) => [x.message, x.uri]), [
      ['Renumbering changes 2 finding ids, para-4 to para-5.', undefined],
      ['2022-03-mv.md:12 links to #para-4, which renumbering makes #para-3: update the link.', '/w/reports/visits/2022-03-mv.md'],
    ]);
    // Nothing links to a changed id: the diagnostics are returned as they are.
    assert.strictEqual(withInboundLinks(r.model, r.diagnostics, () => inbound.filter((l) => l.fragment === 'para-2')), r.diagnostics);
  });

  it('does nothing for kinds that are not numbered', () => {
    const model = parseReport(LATER, 'x.md', profiles);
    const plan = planNumbering(model);
    assert.deepStrictEqual(plan.sequences, []);
    assert.strictEqual(renumberIdMap(model).size, 0);
  });
});
