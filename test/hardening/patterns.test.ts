import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { applyKinds, readConfig } from '../../server/src/config/config';
import { builtinProfiles } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';
import { adversarialConfig, adversarialDocs, PLACES, UNITS } from '../fuzz/adversarial';
import { checkProblems } from '../fuzz/properties';
import { data } from '../helpers/data';

/**
 * Issue 7: patterns users may add cannot hang the checker, and the rules'
 * own regular expressions do not backtrack catastrophically.
 *
 * No regular expression is built from user data: section headings, accepted
 * wordings, closing lines and field values in profiles, and abbreviations and
 * terms in the settings, are compared as text (grade words from the catalogue
 * are escaped). These tests give such data the shape of catastrophic patterns
 * and check that it matches literally.
 *
 * Long adversarial lines (test/fuzz/adversarial.ts: 150,000 characters of a
 * unit a rule's expression partly matches, spoiled at the end) must each be
 * checked. The bound is the mocha timeout, 30 s for all the units in one place:
 * about ten times what the checks take here, while one quadratic expression
 * takes over a minute on one such line (the code-span mask in rules/prose.ts
 * took 31 s at 100,000 characters before it was anchored). `npm run fuzz`
 * prints the timings.
 */

const SETTINGS = `
abbreviations: ['(A+)+$', '(a|aa)+b', '[', '\\\\', 'C(AMHS']
terms: ['(x+x+)+y', '((((((', '.*']
kinds:
  council-paper:
    label: council paper
    frontMatter:
      authority: { required: true, type: text }
      status: { type: enum, values: ['(a+)+$', 'final'] }
    closing: ['(a+)+$ yours']
    sections:
      - id: first
        heading: '(a+)+$'
        accept: ['(x+x+)+y']
        required: true
      - id: second
        heading: 'Next [steps'
        required: true
`;

function settings() {
  const problems: DataProblem[] = [];
  const config = readConfig(SETTINGS, 'settings.yaml', problems);
  const profiles = applyKinds(builtinProfiles(), config, problems);
  assert.deepStrictEqual(problems, []);
  return { data, config, profiles };
}

function paper(first: string, second: string, status = 'final'): string {
  return `---\nreport: council-paper\nauthority: Kestrel Bay\nstatus: ${status}\n---\n\n# A paper\n\n## ${first}\n\nText.\n\n## ${second}\n\nMore text.\n`;
}

describe('hardening: patterns from users match literally and cannot hang the checker', () => {
  it('section headings, accepted wordings and field values that look like regular expressions match as text', () => {
    const options = settings();
    const ok = checkText(paper('(a+)+$', 'Next [steps', '(a+)+$'), 'paper.md', options);
    assert.deepStrictEqual(ok.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
    const accepted = checkText(paper('(x+x+)+y', 'Next [steps'), 'paper.md', options);
    assert.ok(!accepted.diagnostics.some((d) => /needs a '\(a\+\)\+\$' section/.test(d.message)), 'the accepted wording counts');
  });

  it('text that such a pattern would match as a regular expression is not taken for it, and is checked at once', () => {
    const options = settings();
    const long = paper(`${'a'.repeat(50_000)}!`, `${'x'.repeat(50_000)}y`, `${'a'.repeat(50_000)}!`);
    const r = checkText(long, 'paper.md', options);
    const messages = r.diagnostics.map((d) => d.message);
    assert.ok(messages.some((m) => m.includes("needs a '(a+)+$' section")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes("needs a 'Next [steps' section")), messages.join('\n'));
  });

  it('abbreviations and terms that look like regular expressions are matched as text', () => {
    const options = settings();
    const text = paper('(a+)+$', 'Next [steps').replace('Text.', `The C(AMHS team and ${'A'.repeat(100_000)}! and ${'(a|aa)+b '.repeat(5_000)}.`);
    const r = checkText(text, 'paper.md', options);
    assert.deepStrictEqual(checkProblems(text, 'paper.md', options).problems, []);
    assert.ok(r.diagnostics.length < 50);
  });

  for (const place of PLACES) {
    it(`checks a report with a 150,000-character adversarial line in a ${place}, for each of ${UNITS.length} units`, function () {
      this.timeout(30_000);
      const profiles = builtinProfiles();
      const config = adversarialConfig();
      let checked = 0;
      for (const a of adversarialDocs(150_000, [place])) {
        const r = checkText(a.text, 'adversarial.md', { data, profiles, config });
        assert.ok(!r.diagnostics.some((d) => d.ruleId === 'internal-error'), `${a.name}: ${r.diagnostics.find((d) => d.ruleId === 'internal-error')?.message}`);
        assert.ok(r.diagnostics.every((d) => d.span.end <= a.text.length), a.name);
        checked++;
      }
      assert.strictEqual(checked, UNITS.length);
    });
  }
});
