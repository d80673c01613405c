import * as assert from 'assert';
import { spelledOutIn } from '../../server/src/domain/abbreviations';
import { definitions, fullForm } from '../../server/src/features/abbreviations';

/** The words before '(ABBR)' that spell it out, by the one finder. */
function expansionBefore(words: string, abbr: string): string | undefined {
  const text = `${words} (${abbr})`;
  const d = spelledOutIn(text)[0];
  return d ? text.slice(d.words.from, d.words.to) : undefined;
}
import { completionsAt } from '../../server/src/features/completion';
import { choiceEscape, snippetEscape } from '../../server/src/features/judgementTable';
import { ilacsReport } from '../lsp/reports';
import { model, profiles, report } from './helpers';

/** Completions at the '¦' in a text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('¦');
  assert.ok(offset >= 0, 'no cursor in the text');
  const text = textWithCursor.replace('¦', '');
  return { text, list: completionsAt(model(text), profiles(), offset) };
}

const ILACS_2023 = { report: 'ilacs', authority: 'Exampleton City Council', 'inspection-dates': '2023-03-06 to 2023-03-17', published: '2023-05-02', 'lead-inspector': 'Jane Example' };
const ILACS_2026 = { ...ILACS_2023, 'inspection-dates': '2026-05-11 to 2026-05-22', published: '2026-07-01' };
const ILACS_2019 = { ...ILACS_2023, 'inspection-dates': '2019-03-04 to 2019-03-15', published: '2019-05-02' };

describe('features: completion', () => {
  it("offers the era's judgement names in the table's first column, without those already there", () => {
    const { list, text } = at(report(ILACS_2023, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | Good |\n| The exp¦ |\n'));
    assert.deepStrictEqual(list.map((c) => c.label), [
      'The impact of leaders on social work practice with children and families',
      'The experiences and progress of children who need help and protection',
      'The experiences and progress of children in care',
      'The experiences and progress of care leavers',
    ]);
    assert.strictEqual(text.slice(list[0].replace.start, list[0].replace.end), 'The exp');
    assert.match(list[0].detail!, /starting 16 January 2023 to 31 March 2026/);
  });

  it('drops Overall effectiveness from April 2026', () => {
    const { list } = at(report(ILACS_2026, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| ¦ |\n'));
    assert.ok(!list.some((c) => c.label === 'Overall effectiveness'));
    assert.strictEqual(list.length, 4);
  });

  it("offers the report's grades in the grade column, in sentence case; SIF reports get the SIF set", () => {
    const { list } = at(report(ILACS_2023, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | ¦ |\n'));
    assert.deepStrictEqual(list.map((c) => c.label), ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate']);
    const sif = at(report({ report: 'sif', authority: 'X', 'inspection-dates': '2015-03-02 to 2015-03-24', published: '2015-05-01' }, '# T\n\n| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | ¦ |\n'));
    assert.ok(sif.list.some((c) => c.label === 'Requires improvement'));
    assert.ok(!sif.list.some((c) => c.label === 'Requires improvement to be good'));
  });

  it('offers grades after a judgement name in a heading: lower case from 2021, capitalised too before', () => {
    const now = at(report(ILACS_2023, '# T\n\n## The experiences and progress of care leavers: ¦\n'));
    assert.deepStrictEqual(now.list.map((c) => c.insertText), ['outstanding', 'good', 'requires improvement to be good', 'inadequate']);
    const then = at(report(ILACS_2019, '# T\n\n## The experiences and progress of children in care and care leavers:¦\n'));
    assert.ok(then.list.some((c) => c.insertText === ' Good'), then.list.map((c) => c.insertText).join(','));
    assert.ok(then.list.some((c) => c.insertText === ' good'));
    // Not a judgement: nothing.
    assert.deepStrictEqual(at(report(ILACS_2023, '# T\n\n## Something else: ¦\n')).list, []);
  });

  it('offers the headings the report lacks, with judgement sections carrying the grade from the table', () => {
    const body = '# T\n\n| Judgement | Grade |\n| --- | --- |\n| The experiences and progress of care leavers | Inadequate |\n\n## What needs to improve?\n\n- An item.\n\n## ¦\n';
    const { list } = at(report(ILACS_2023, body));
    const labels = list.map((c) => c.label);
    assert.ok(!labels.includes('What needs to improve?'), 'offered a heading that is there');
    assert.ok(labels.includes('The experiences and progress of care leavers: inadequate'), labels.join('\n'));
    const unknown = list.find((c) => c.label.startsWith('The experiences and progress of children in care:'))!;
    assert.ok(unknown.snippet?.includes('${1|outstanding,good,requires improvement to be good,inadequate|}'), unknown.snippet);
    assert.ok(!labels.some((l) => l.startsWith('The experiences and progress of children in care and care leavers')), 'a 2018 judgement in a 2023 report');
  });

  it('respects alternatives: an early focused visit with "Areas for improvement" is not offered the later heading', () => {
    const fv = { report: 'focused-visit', authority: 'X', 'inspection-dates': '2018-06-05', published: '2018-07-01' };
    const { list } = at(report(fv, '# Letter\n\n## Overview\n\n## Areas for improvement\n\n- x\n\n## ¦\n'));
    const labels = list.map((c) => c.label);
    assert.ok(!labels.includes('What needs to improve in this area of social work practice'), labels.join('\n'));
    assert.ok(labels.includes('Areas of strength') || labels.includes('Findings'));
  });

  it('offers the full form of an abbreviation not yet spelled out, and nothing once it has been', () => {
    const { list, text } = at(report(ILACS_2023, '# T\n\nReferrals go to the MASH¦ first.\n'));
    assert.deepStrictEqual(list.map((c) => c.insertText), ['multi-agency safeguarding hub (MASH)']);
    assert.strictEqual(text.slice(list[0].replace.start, list[0].replace.end), 'MASH');
    assert.deepStrictEqual(at(report(ILACS_2023, '# T\n\nThe multi-agency safeguarding hub (MASH) is busy. The MASH¦ is quick.\n')).list, []);
    // The document's own spelling wins, and a plural follows.
    const own = at(report(ILACS_2023, '# T\n\nSome PAs¦ help.\n\nLater: personal advisers (PAs) help.\n'));
    assert.deepStrictEqual(own.list.map((c) => c.insertText), ['personal advisers (PAs)']);
    assert.deepStrictEqual(at(report(ILACS_2023, '# T\n\nThe XYZQ¦ team.\n')).list, []);
  });

  it('completes kinds, missing keys and enum values in the front matter', () => {
    const kinds = at('---\nreport: ¦\n---\n# T\n');
    assert.deepStrictEqual(kinds.list.map((c) => c.label), ['focused-visit', 'ilacs', 'monitoring-visit', 'scrutiny', 'sif']);
    const keys = at('---\nreport: ilacs\nauthority: X\n¦\n---\n# T\n');
    const labels = keys.list.map((c) => c.label);
    assert.deepStrictEqual(labels.slice(0, 3), ['inspection-dates', 'lead-inspector', 'published']);
    assert.ok(!labels.includes('authority'));
    assert.strictEqual(keys.list[0].insertText, 'inspection-dates: ');
    const values = at('---\nreport: ilacs\ninspection-type: ¦\n---\n# T\n');
    assert.deepStrictEqual(values.list.map((c) => c.label), ['standard', 'short']);
  });

  it('offers nothing in ordinary text or in a file that is not a report', () => {
    const text = ilacsReport();
    const m = model(text);
    assert.deepStrictEqual(completionsAt(m, profiles(), text.indexOf('Social workers') + 3), []);
    const plain = '---\ntitle: x\n---\n\n## ¦\n';
    assert.deepStrictEqual(at(plain).list, []);
  });
});

describe('features: abbreviations', () => {
  it('finds the words an abbreviation stands for', () => {
    assert.strictEqual(expansionBefore('Referrals go to the multi-agency safeguarding hub', 'MASH'), 'multi-agency safeguarding hub');
    assert.strictEqual(expansionBefore('support from child and adolescent mental health services', 'CAMHS'), 'child and adolescent mental health services');
    assert.strictEqual(expansionBefore('each has an education, health and care plan', 'EHCP'), 'education, health and care plan');
    assert.strictEqual(expansionBefore('the team of personal advisers', 'PAs'), 'personal advisers');
    assert.strictEqual(expansionBefore('nothing like it', 'MASH'), undefined);
  });

  it("reads the document's own definitions, with where they are", () => {
    const text = report(ILACS_2023, '# T\n\nThe local authority designated officer (LADO) is new.\n');
    const d = definitions(model(text));
    assert.deepStrictEqual(d.map((x) => [x.abbr, x.full]), [['LADO', 'local authority designated officer']]);
    assert.strictEqual(text.slice(d[0].offset, d[0].offset + 6), '(LADO)');
    assert.deepStrictEqual(fullForm(model(text), 'LADO'), { full: 'local authority designated officer', source: 'document' });
    assert.deepStrictEqual(fullForm(model(text), 'IROs'), { full: 'independent reviewing officers', source: 'common' });
  });
});

describe('features: snippet escaping', () => {
  it("escapes a choice's separators and a snippet's specials, once for the table and completion alike", () => {
    assert.strictEqual(choiceEscape('a,b|c$d}e\\f'), 'a\\,b\\|c\\$d\\}e\\\\f');
    assert.strictEqual(snippetEscape('a,b|c$d}e\\f'), 'a,b|c\\$d\\}e\\\\f');
  });
});
