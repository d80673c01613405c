import * as assert from 'assert';
import { checkDocument } from '../../server/src/check';
import { gradeHover, hoverAt } from '../../server/src/features/hover';
import { judgementTableFor } from '../../server/src/features/judgementTable';
import { ruleById } from '../../server/src/rules/index';
import { ilacsReport } from '../lsp/reports';
import { catalog, model, profiles, report } from './helpers';
import { data } from '../helpers/data';
import { loadBuiltinData } from '../../server/src/io/builtinData';
import { ruleDocUri as docUri } from '../../server/src/profiles/data';

const ruleDocUri = (id: string) => docUri(data, id);

function hover(text: string, needle: string, delta = 1) {
  const m = model(text);
  const diagnostics = checkDocument(m, { data, profiles: profiles() });
  return hoverAt({ model: m, catalog: catalog(), offset: text.indexOf(needle) + delta, diagnostics, ruleLink: ruleDocUri, ruleSummary: (id) => ruleById(id)?.summary });
}

const ILACS_2026 = { report: 'ilacs', authority: 'X', 'inspection-dates': '2026-05-11 to 2026-05-22', published: '2026-07-01', 'lead-inspector': 'Jane Example' };

describe('features: hover', () => {
  it("shows the rule in one line with a link to its page on a diagnostic, and spans it", () => {
    const text = ilacsReport();
    const h = hover(text, '| Requires improvement |', 4)!;
    assert.ok(h);
    assert.equal(h.markdown.split('\n')[0], `**grade-wording**: ${ruleById('grade-wording')!.summary} ([rule page](${ruleDocUri('grade-wording')}))`);
    assert.equal(h.markdown.split('\n')[1], '', 'one line, then the grade\'s own hover');
    assert.ok(!h.markdown.includes('## Switching it off'), 'not the whole page');
    assert.strictEqual(text.slice(h.span.start, h.span.end), 'Requires improvement');
  });

  it("says when a judgement is not of the report's era", () => {
    const text = report(ILACS_2026, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | Good |\n| The experience and progress of care leavers | Good |\n');
    const overall = hover(text, 'Overall effectiveness |')!;
    assert.match(overall.markdown, /\*\*Not a judgement of this report's era\*\* \(ILACS, inspections starting from 1 April 2026\)/);
    const variant = hover(text, 'The experience and progress of care leavers')!;
    assert.match(variant.markdown, /the exact name is “The experiences and progress of care leavers”/);
  });

  it('explains grades, the SIF grade and words that are never grades', () => {
    const text = report(ILACS_2026, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| The experiences and progress of care leavers | Requires improvement |\n| The experiences and progress of children in care | Strong standard |\n');
    const ri = hover(text, 'Requires improvement |')!;
    assert.match(ri.markdown, /the third of the four SIF grades.*; ILACS writes “Requires improvement to be good”/);
    assert.match(ri.markdown, /- SIF, inspections starting \d+ \w+ 2013 to 31 December 2017/, 'the SIF ended when ILACS began');
    assert.match(ri.markdown, /\*\*Not a grade of this report's era\*\*/);
    const word = hover(text, 'Strong standard')!;
    assert.match(word.markdown, /education report-card word/);
    // A grade of a set no era uses is older wording (a made-up catalogue: the built-in one may give 'adequate' an era).
    const older = { ...catalog(), grades: { ...catalog().grades, older: ['Fine', 'Passable'] } };
    assert.match(gradeHover(older, model(ilacsReport()), 'passable', 'table'), /^\*\*“passable”\*\* is older wording\. It is not a grade of SIF or ILACS\./);
    const inadequate = report(ILACS_2026, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| The experiences and progress of care leavers | Inadequate |\n');
    assert.match(hover(inadequate, 'Inadequate |')!.markdown, /\*\*Grade:\*\* Inadequate: the lowest of the four grades; an authority judged inadequate overall has monitoring visits/);
  });

  it('gives nothing on plain text', () => {
    assert.strictEqual(hover(ilacsReport(), 'Inspection dates:'), undefined);
  });
});

describe('features: rule docs', () => {
  it('finds docs/rules from source, and only rule pages', () => {
    assert.ok(data.ruleDocs.size > 10, 'docs/rules not found');
    assert.ok(ruleDocUri('grade-wording')!.startsWith('file://'));
    assert.strictEqual(ruleDocUri('no-such-rule'), undefined);
    assert.strictEqual(ruleDocUri('../../package'), undefined);
    // The CLI has no use for the pages: it does not list them.
    assert.strictEqual(loadBuiltinData().ruleDocs.size, 0);
    assert.strictEqual(loadBuiltinData().profiles, data.profiles, 'read once, shared');
  });
});

describe('features: judgement table', () => {
  const front = (dates: string, kind = 'ilacs') => ({ report: kind, authority: 'X', 'inspection-dates': dates, published: '2026-12-01', 'lead-inspector': 'J' });
  const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Judgement') && !l.startsWith('| ---')).map((l) => l.split('|')[1].trim());

  it('gives each era its judgements, in table order', () => {
    const t2018 = judgementTableFor(model(report(front('2018-03-05 to 2018-03-16'), '# T\n')), catalog(), 5);
    const t2023 = judgementTableFor(model(report(front('2023-01-16 to 2023-01-27'), '# T\n')), catalog(), 5);
    const t2026 = judgementTableFor(model(report(front('2026-04-01 to 2026-04-10'), '# T\n')), catalog(), 5);
    assert.ok(t2018.ok && t2023.ok && t2026.ok);
    assert.deepStrictEqual(rows(t2018.text), [
      'The impact of leaders on social work practice with children and families',
      'The experiences and progress of children who need help and protection',
      'The experiences and progress of children in care and care leavers',
      'Overall effectiveness',
    ]);
    assert.strictEqual(rows(t2023.text).length, 5);
    assert.deepStrictEqual(rows(t2026.text), rows(t2023.text).slice(0, 4));
    assert.ok(t2026.snippet.includes('${4|Outstanding,Good,Requires improvement to be good,Inadequate|}'));
  });

  it('inserts on a blank line, or after a line with a blank line between', () => {
    const text = report(front('2023-03-06 to 2023-03-17'), '# Title\n\nLead inspector: J\n');
    const m = model(text);
    const after = judgementTableFor(m, catalog(), m.lines.lineOf(text.indexOf('# Title')));
    assert.ok(after.ok);
    const out = text.slice(0, after.edit.start) + after.edit.newText + text.slice(after.edit.end);
    assert.ok(out.includes('# Title\n\n| Judgement | Grade |\n'), out);
    assert.ok(out.includes('| Overall effectiveness |  |\n\nLead inspector'), out);
    const parsed = model(out);
    assert.strictEqual(parsed.table?.rows.length, 5);
    const end = judgementTableFor(m, catalog(), m.lines.lineCount - 1);
    assert.ok(end.ok);
    assert.strictEqual(model(text.slice(0, end.edit.start) + end.edit.newText).table?.rows.length, 5);
  });

  it('refuses clearly: ungraded kinds, no dates, a table already there, not a report', () => {
    const letter = judgementTableFor(model(report({ report: 'monitoring-visit', 'inspection-dates': '2023-01-10' }, '# L\n')), catalog(), 3);
    assert.ok(!letter.ok && /gives no grades/.test(letter.message));
    const noDates = judgementTableFor(model(report({ report: 'ilacs' }, '# L\n')), catalog(), 3);
    assert.ok(!noDates.ok && /inspection-dates/.test(noDates.message));
    const has = judgementTableFor(model(ilacsReport()), catalog(), 3);
    assert.ok(!has.ok && /already has a judgement table/.test(has.message));
    const plain = judgementTableFor(model('# Notes\n'), catalog(), 0);
    assert.ok(!plain.ok && /not a report/.test(plain.message));
  });
});
