import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { data } from '../helpers/data';

const profiles = builtinProfiles();
const ids = (text: string) => checkText(text, 'mem://d.md', { data, profiles }).diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}`);

const BASE = `---
report: ilacs
authority: Exampleshire County Council
inspection-dates: 2022-07-11 to 2022-07-22
published: 2022-09-06
---
BODY
# Inspection of Exampleshire local authority children's services

Leaders were judged Inadequate. Services were judged Good.

Leaders were rated Outstanding.
`;

describe('disable comments', () => {
  it('reports without comments (the baseline the other cases switch off)', () => {
    const got = ids(BASE.replace('BODY\n', ''));
    assert.ok(got.includes('1 front-matter'), got.join('; '));
    assert.deepStrictEqual(got.filter((g) => g.endsWith('grade-wording')), ['9 grade-wording', '9 grade-wording', '11 grade-wording']);
  });

  it('disable-next-line covers only the next non-blank line, and only the named rule', () => {
    const got = ids(BASE.replace('BODY\n', '').replace('Leaders were rated', '<!-- inspection-reports-disable-next-line grade-wording -->\n\nLeaders were rated'));
    assert.deepStrictEqual(got.filter((g) => g.endsWith('grade-wording')), ['9 grade-wording', '9 grade-wording']);
    assert.ok(got.includes('1 front-matter'));
  });

  it('disable and enable make a region; without a rule id they cover every rule', () => {
    const text = BASE.replace('BODY\n', '')
      .replace('Leaders were judged', '<!-- inspection-reports-disable -->\nLeaders were judged')
      .replace('Leaders were rated', '<!-- inspection-reports-enable -->\n\nLeaders were rated');
    assert.deepStrictEqual(ids(text).filter((g) => g.endsWith('grade-wording')), ['14 grade-wording']);
  });

  it('a disable comment straight after the front matter covers the front matter too', () => {
    const got = ids(BASE.replace('BODY\n', '<!-- inspection-reports-disable front-matter -->\n'));
    assert.ok(!got.some((g) => g.endsWith('front-matter')), got.join('; '));
    assert.strictEqual(got.filter((g) => g.endsWith('grade-wording')).length, 3);
  });
});
