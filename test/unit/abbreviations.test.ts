import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { defaultConfig } from '../../server/src/config/config';
import type { DataProblem } from '../../server/src/profiles/load';
import { readAbbreviationList } from '../../server/src/profiles/abbreviations';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { abbreviationKey, abbreviations, matchInitials } from '../../server/src/rules/abbreviations';
import { maskMarkup } from '../../server/src/rules/prose';
import { matchUnordered } from '../../server/src/domain/abbreviations';
import { data } from '../helpers/data';

const words = (s: string) => [...s.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu)].map((m) => ({
  text: m[0], lower: m[0].toLowerCase(), from: m.index ?? 0, to: (m.index ?? 0) + m[0].length,
}));

describe('abbreviations: data and matching', () => {
  it('reads the built-in allow-list without problems, with the forms domain.md names', () => {
    assert.deepStrictEqual(data.problems, []);
    const list = data.abbreviations;
    for (const f of ['UK', 'NHS', 'GCSE', 'Ofsted', 'COVID-19']) assert.ok(list.includes(f), f);
    assert.ok(!list.includes('ILACS'), 'ILACS is left to the workspace');
  });

  it('reports bad allow-list data instead of throwing', () => {
    const problems: DataProblem[] = [];
    assert.deepStrictEqual(readAbbreviationList('allow: nope', 'x.yaml', problems), []);
    assert.strictEqual(problems.length, 1);
    const more: DataProblem[] = [];
    assert.deepStrictEqual(readAbbreviationList('allow: [UK, 3, ""]', 'x.yaml', more), ['UK']);
    assert.strictEqual(more.length, 2);
    assert.deepStrictEqual(readAbbreviationList(': : :', 'x.yaml', []), []);
  });

  it('matches expansions on first letters, skipping small words', () => {
    const at = (s: string, letters: string) => {
      const w = words(s);
      const i = matchInitials(w, letters);
      return i === undefined ? undefined : s.slice(w[i].from);
    };
    assert.strictEqual(at('the Inspection of Local Authority Children’s Services', 'ilacs'), 'Inspection of Local Authority Children’s Services');
    assert.strictEqual(at('at the Front Door Multi Agency Safeguarding Hub', 'mash'), 'Multi Agency Safeguarding Hub');
    assert.strictEqual(at('report to the Department for Education', 'dfe'), 'Department for Education');
    assert.strictEqual(at('young people who are not in education, employment or training', 'neet'), 'not in education, employment or training');
    assert.strictEqual(at('the executive director', 'dcs'), undefined);
    assert.strictEqual(at('the front door', 'mash'), undefined);
  });

  it('accepts a list of words in another order, starting where the short form does (issue 12 item 14)', () => {
    const at = (s: string, letters: string, anchored = false) => {
      const w = words(s);
      const i = matchUnordered(w, letters, anchored);
      return i === undefined ? undefined : s.slice(w[i].from);
    };
    assert.strictEqual(at('care leavers in education, training or employment', 'eet'), 'education, training or employment');
    assert.strictEqual(at('the Local Children’s Safeguarding Board', 'lscb'), 'Local Children’s Safeguarding Board');
    assert.strictEqual(at('education, training or employment', 'eet', true), 'education, training or employment');
    assert.strictEqual(at('young people in education, training or employment', 'eet', true), undefined);
    // Not where the first word does not start the short form, nor for two letters.
    assert.strictEqual(at('the Independent Chair of the Local Safeguarding Board', 'lscb'), undefined);
    assert.strictEqual(at('when care leavers are parents', 'pa'), undefined);
  });

  it('keys plurals to their singular', () => {
    assert.strictEqual(abbreviationKey('PAs'), 'PA');
    assert.strictEqual(abbreviationKey('CAMHS'), 'CAMHS');
    assert.strictEqual(abbreviationKey('COVID-19'), 'COVID-19');
  });

  it('masks code, link targets, URLs and comments without moving anything', () => {
    const s = 'See `MASH` and [the LADO](../a-LADO.md#para-2) at https://x.org/EDT <!-- CAMHS --> now';
    const m = maskMarkup(s);
    assert.strictEqual(m.length, s.length);
    assert.ok(!/MASH|a-LADO|EDT|CAMHS/.test(m));
    assert.ok(m.includes('[the LADO]'));
  });

  it('takes the settings list as well as the built-in one, and does not fail on unbalanced brackets', () => {
    const text = '---\nreport: ilacs\n---\n\nThe CAMHS team and the XYZ panel met.\n';
    const profiles = builtinProfiles();
    const rules = [abbreviations];
    const ids = (config = defaultConfig()) => checkText(text, 'x.md', { data, profiles, config, rules }).diagnostics.map((d) => /'([^']+)'/.exec(d.message)?.[1]);
    assert.deepStrictEqual(ids(), ['CAMHS', 'XYZ']);
    assert.deepStrictEqual(ids({ ...defaultConfig(), abbreviations: ['camhs'] }), ['XYZ']);
    const odd = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'abbreviations', 'scrutiny-ilacs.md'), 'utf8').replace(/\)/g, '(((');
    const found = checkText(odd, 'y.md', { data, profiles, rules }).diagnostics;
    assert.deepStrictEqual(found.filter((d) => d.ruleId !== 'abbreviations'), [], 'no internal error');
  });
});
