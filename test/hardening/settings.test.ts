import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { defaultConfig, readConfig } from '../../server/src/config/config';
import { builtinProfiles } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';
import { cli, cleanReport, reportWithError, tempDir } from './helpers';
import { data } from '../helpers/data';

/**
 * Issue 7: a malformed .inspection-reports.yaml gives one problem and the
 * defaults are used; YAML aliases are bounded ("billion laughs" in the settings
 * or in a report's front matter gives a message, not a blow-up); custom tags
 * (`!!js/function` and the like) run nothing.
 */

const MALFORMED = [
  'rules: [unclosed\n',
  '{{{{\n',
  'rules:\n  grade-wording: off\n   dates: off\n',
  '\trules: {}\n',
  'rules: "unclosed\nterms: [x]\n',
  'rules:\n  grade-wording: off\nrules:\n  dates: off\n',
];

/** Nine levels of nine aliases: 9^9 (387 million) strings if expanded. */
function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const TAGS = [
  '!!js/function "function () { globalThis.__irPwned = 1 }"',
  '!!js/eval "globalThis.__irPwned = 2"',
  '!!js/regexp /(a+)+$/',
  '!!js/undefined ""',
  '!<tag:yaml.org,2002:js/function> "function () { globalThis.__irPwned = 3 }"',
  '!custom "globalThis.__irPwned = 4"',
];

const pwned = () => (globalThis as { __irPwned?: unknown }).__irPwned;

describe('hardening: settings file and YAML', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('settings');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const text of MALFORMED) {
    it(`malformed settings ${JSON.stringify(text)}: one problem, defaults used`, async () => {
      const problems: DataProblem[] = [];
      const config = readConfig(text, 'settings.yaml', problems);
      assert.strictEqual(problems.length, 1, problems.map((p) => p.message).join('\n'));
      assert.deepStrictEqual({ ...config, source: undefined }, { ...defaultConfig(), source: undefined });
      // And from the command line: one line about the settings, and the report is checked with the defaults.
      fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), text);
      fs.writeFileSync(path.join(dir, 'draft.md'), reportWithError());
      const r = await cli(dir, 'check', 'draft.md');
      const about = r.err.filter((l) => l.includes('.inspection-reports.yaml'));
      assert.strictEqual(about.length, 1, r.err.join('\n'));
      assert.match(about[0], /^\.inspection-reports\.yaml: settings problem: .+ \(defaults used\)$/);
      assert.ok(r.out.some((l) => l.includes('error grade-wording')), 'checked with the default rules');
      assert.strictEqual(r.code, 1);
    });
  }

  it('bounds aliases in the settings file: one message, defaults used', () => {
    const problems: DataProblem[] = [];
    const config = readConfig(`terms: [x]\n${billionLaughs()}`, 'settings.yaml', problems);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /alias/i);
    assert.deepStrictEqual(config.terms, []);
  });

  it('bounds aliases in a report\'s front matter: a message, and the rest of the report is checked', () => {
    const text = cleanReport().replace('inspection-type: standard\n', `inspection-type: standard\n${billionLaughs()}`);
    const r = checkText(text, 'laughs.md', { data, profiles: builtinProfiles() });
    const fm = r.diagnostics.filter((d) => d.ruleId === 'front-matter');
    assert.ok(fm.some((d) => /cannot be read: .*alias/i.test(d.message)), fm.map((d) => d.message).join('\n'));
    assert.ok(r.model.isReport);
    assert.ok(r.model.sections.length > 0, 'the body is still read');
  });

  for (const tag of TAGS) {
    it(`custom tag ${tag.split(' ')[0]}: runs nothing, in the settings (one message) or in front matter`, () => {
      const problems: DataProblem[] = [];
      const config = readConfig(`abbreviations: [MASH]\nterms: ${tag}\n`, 'settings.yaml', problems);
      assert.strictEqual(problems.length, 1, problems.map((p) => p.message).join('\n'));
      assert.match(problems[0].message, /tag/i);
      assert.deepStrictEqual(config.abbreviations, [], 'defaults used');
      const text = cleanReport().replace('authority: Kestrel Bay Borough Council', `authority: ${tag}`);
      const r = checkText(text, 'tags.md', { data, profiles: builtinProfiles(), config });
      assert.ok(r.model.isReport);
      const authority = r.model.frontMatter?.entries.get('authority')?.value;
      assert.ok(authority === null || typeof authority === 'string', `authority is data, not code: ${typeof authority}`);
      assert.strictEqual(pwned(), undefined, 'nothing ran');
    });
  }
});
