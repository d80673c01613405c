import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { completionsAt } from '../../server/src/features/completion';
import { expandSnippet, SNIPPETS } from '../../server/src/features/snippets';
import { allRules } from '../../server/src/rules/index';
import { model, profiles, report } from './helpers';
import { data } from '../helpers/data';

/** Completions at the '¦' in a text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('¦');
  assert.ok(offset >= 0, 'no cursor in the text');
  const text = textWithCursor.replace('¦', '');
  return { text, list: completionsAt(model(text), profiles(), offset) };
}

const ILACS = (dates: string) => ({ report: 'ilacs', authority: 'Exampleton City Council', 'inspection-dates': dates, published: '2026-07-01', 'lead-inspector': 'Jane Example' });
const TABLE_PREFIXES = ['ir-table-2018', 'ir-table-2023', 'ir-table-2026'];

describe('features: the ir- snippets from the server (issue 12, item 8)', () => {
  it('offer the table of the inspection start date first, preselected, and the other eras after it', () => {
    const cases: [string, string][] = [['2019-03-04 to 2019-03-15', 'ir-table-2018'], ['2024-05-06 to 2024-05-17', 'ir-table-2023'], ['2026-05-11 to 2026-05-22', 'ir-table-2026']];
    for (const [dates, first] of cases) {
      const { list } = at(report(ILACS(dates), '# T\n\nir-¦\n'));
      const tables = list.filter((c) => TABLE_PREFIXES.includes(c.label));
      assert.strictEqual(tables.length, 3, `${dates}: every era is still offered`);
      assert.strictEqual(list[0].label, first, `${dates}: ${list.map((c) => c.label).join(', ')}`);
      assert.strictEqual(list[0].preselect, true);
      assert.deepStrictEqual(list.filter((c) => c.preselect).map((c) => c.label), [first]);
      assert.match(list[0].labelDescription!, /\(this report\)$/);
      // Sorted by sortText as an editor sorts them.
      assert.deepStrictEqual([...list].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((c) => c.label), list.map((c) => c.label));
    }
  });

  it('have short labels that differ before any cut, with a few words beside them', () => {
    const { list } = at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\n¦\n'));
    assert.ok(list.length >= 6, list.map((c) => c.label).join(', '));
    const labels = list.map((c) => c.label);
    assert.strictEqual(new Set(labels).size, labels.length, 'two snippets share a label');
    for (const c of list) {
      assert.strictEqual(c.kind, 'snippet');
      assert.match(c.label, /^ir-[a-z0-9-]+$/);
      assert.ok(c.label.length <= 26, `${c.label} is long`);
      assert.ok((c.labelDescription ?? '').length <= 45, `${c.label}: '${c.labelDescription}' is long`);
    }
    // The three tables' descriptions tell them apart without the labels' last characters.
    const descs = list.filter((c) => TABLE_PREFIXES.includes(c.label)).map((c) => c.labelDescription);
    assert.strictEqual(new Set(descs).size, 3, descs.join(' | '));
  });

  it('start a judgement section at the next paragraph number, not at 1', () => {
    const body = '# T\n\n## The experiences and progress of children who need help and protection: good\n\n1. One.\n2. Two.\n3. Three.\n\nir-j¦\n';
    const { list, text } = at(report(ILACS('2024-05-06 to 2024-05-17'), body));
    const section = list.find((c) => c.label === 'ir-judgement-section')!;
    assert.ok(section, list.map((c) => c.label).join(', '));
    assert.match(section.snippet!, /^\$\{3:4\}\. \$0$/m);
    assert.match(section.insertText, /\n4\. $/);
    // Inserted, it gives no numbering problem.
    const after = text.slice(0, section.replace.start) + section.insertText + 'Four.' + text.slice(section.replace.end);
    const numbering = checkText(after, 'file:///d.md', { data, profiles: profiles() }).diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');
    assert.deepStrictEqual(numbering.map((d) => d.message), []);
    // With no paragraph before the cursor, 1.
    assert.match(at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\nir-¦\n')).list.find((c) => c.label === 'ir-judgement-section')!.insertText, /\n1\. $/);
  });

  it('give a scrutiny section the next section number', () => {
    const fm = { report: 'scrutiny', authority: 'Exampleton City Council', meeting: 'Children and Young People Scrutiny Committee', 'meeting-date': '2024-09-11' };
    const { list } = at(report(fm, '# Improvement\n\n## Summary of issues\n\nText.\n\n## 1. Background\n\n1.1 One.\n\n## 2. Progress\n\n2.1 One.\n\nir-¦\n'));
    const s = list.find((c) => c.label === 'ir-scrutiny-section')!;
    assert.ok(s, list.map((c) => c.label).join(', '));
    assert.match(s.insertText, /^## 3\. Title\n\n3\.1 /);
    assert.ok(!list.some((c) => TABLE_PREFIXES.includes(c.label)), 'tables offered in a scrutiny report');
    assert.ok(!list.some((c) => c.label === 'ir-what-needs-to-improve'), 'an ILACS section offered in a scrutiny report');
  });

  it('offer only what fits a letter: no tables, no judgement sections', () => {
    const fm = { report: 'focused-visit', authority: 'Exampleshire County Council', 'inspection-dates': '2025-02-04', published: '2025-03-03', inspectors: '[A B]' };
    const labels = at(report(fm, '# Focused visit\n\nir-¦\n')).list.map((c) => c.label);
    assert.ok(labels.includes('ir-disable-next-line') && labels.includes('ir-priority-action'), labels.join(', '));
    assert.ok(!labels.some((l) => l.startsWith('ir-table') || l.startsWith('ir-judgement')), labels.join(', '));
  });

  it('offer whole documents only at the start of a file without front matter; nothing in other Markdown', () => {
    const start = at('ir-¦');
    const labels = start.list.map((c) => c.label);
    for (const p of ['ir-ilacs', 'ir-focused-visit', 'ir-scrutiny', 'ir-focused-visit-letter', 'ir-scrutiny-report']) assert.ok(labels.includes(p), `${p}: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.startsWith('ir-table')), 'a table offered before the front matter');
    assert.deepStrictEqual(at('# Notes\n\nSome text.\n\nir-¦').list, [], 'offered in the middle of plain Markdown');
    assert.deepStrictEqual(at('# Notes\n\nA well-¦').list, []);
    assert.deepStrictEqual(at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\nThe multi-¦ agency\n')).list, [], 'offered in prose');
  });

  it('replace only the typed prefix, and expand to what the snippet files hold', () => {
    const { text, list } = at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\n  ir-ta¦\n'));
    assert.strictEqual(text.slice(list[0].replace.start, list[0].replace.end), 'ir-ta');
    const def = SNIPPETS.find((s) => s.prefixes.includes('ir-table-2023'))!;
    assert.strictEqual(list[0].insertText, expandSnippet(def.body));
  });
});

describe('features: rule ids in a disable comment (issue 12, item 12)', () => {
  const ids = allRules.map((r) => r.id);

  it('offers every rule id, the history rules too, without those already named', () => {
    const { list, text } = at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\n<!-- inspection-reports-disable-next-line rec¦\n1. A finding.\n'));
    assert.deepStrictEqual(list.map((c) => c.label), ids);
    for (const id of ['finding-links', 'recurring-concern', 'quoted-grade']) assert.ok(list.some((c) => c.label === id), id);
    assert.strictEqual(text.slice(list[0].replace.start, list[0].replace.end), 'rec');
    const second = at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\n<!-- inspection-reports-disable dates quoted-grade ¦ -->\n'));
    assert.deepStrictEqual(second.list.map((c) => c.label), ids.filter((i) => i !== 'dates' && i !== 'quoted-grade'));
  });

  it('the disable snippet inserts a comment that switches off the chosen history rule', () => {
    const { list } = at(report(ILACS('2024-05-06 to 2024-05-17'), '# T\n\nir-dis¦\n'));
    const d = list.find((c) => c.label === 'ir-disable-next-line')!;
    for (const id of ids) assert.ok(d.snippet!.includes(id), id);
  });
});
