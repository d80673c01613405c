import * as assert from 'assert';
import { checkDocument } from '../../server/src/check';
import { data } from '../helpers/data';
import { abbreviationKey, spelledOutIn, STOP } from '../../server/src/domain/abbreviations';
import { definitions } from '../../server/src/features/abbreviations';
import { abbreviationMap, findAbbreviations } from '../../server/src/history/abbreviations';
import { model, profiles, report } from '../features/helpers';

const TEXT = 'Contacts go to the multi-agency safeguarding hub (MASH). Personal advisers (PAs) visit. '
  + 'An education, health and care plan (EHCP) is in place. The front door (MASH) is busy. Some children (UK) wait.';

describe('domain: one abbreviation finder', () => {
  it("finds 'words (ABBR)' where the words fit the letters, and nothing else", () => {
    const found = spelledOutIn(TEXT).map((d) => [d.written, d.key, TEXT.slice(d.words.from, d.words.to), TEXT.slice(d.open, d.end)]);
    assert.deepStrictEqual(found, [
      ['MASH', 'MASH', 'multi-agency safeguarding hub', '(MASH)'],
      ['PAs', 'PA', 'Personal advisers', '(PAs)'],
      ['EHCP', 'EHCP', 'education, health and care plan', '(EHCP)'],
    ]);
    assert.deepStrictEqual(spelledOutIn('no brackets here'), []);
    assert.strictEqual(abbreviationKey('IROs'), 'IRO');
    assert.strictEqual(abbreviationKey('CAMHS'), 'CAMHS');
    assert.ok(STOP.has('and') && STOP.has('of') && !STOP.has('hub'));
  });

  it('gives the rule, completion and the history the same definitions', () => {
    const text = report({ report: 'ilacs', authority: 'X', 'inspection-dates': '2023-03-06 to 2023-03-17', published: '2023-05-01', 'lead-inspector': 'J' }, `# T\n\n${TEXT}\n\nThe MASH and PAs and the EHCP are mentioned again.\n`);
    const m = model(text);
    const fromCompletion = definitions(m).map((d) => [d.abbr, d.full]);
    const fromHistory = [...abbreviationMap(findAbbreviations(TEXT)).entries()];
    assert.deepStrictEqual(fromCompletion.map(([a, f]) => [abbreviationKey(a), f]), fromHistory);
    const abbreviationDiagnostics = checkDocument(m, { data, profiles: profiles() }).filter((d) => d.ruleId === 'abbreviations');
    const unspelled = /never spelled out|used before it is spelled out/;
    for (const [short] of fromHistory) {
      assert.ok(!abbreviationDiagnostics.some((d) => d.message.startsWith(`'${short}`) && unspelled.test(d.message)), `${short} is spelled out for the rule too`);
    }
    // The control: without its words, the rule does report EHCP.
    const bare = model(text.replace('An education, health and care plan (EHCP)', 'An EHCP'));
    assert.deepStrictEqual(definitions(bare).map((d) => d.abbr), ['MASH', 'PAs']);
    assert.ok(checkDocument(bare, { data, profiles: profiles() }).some((d) => d.ruleId === 'abbreviations' && d.message.startsWith("'EHCP' is never spelled out")));
  });
});
