import * as assert from 'assert';
import { checkText } from '../server/src/check';
import { applyEdits } from '../server/src/core/edits';
import { fixAll } from '../server/src/fix';
import { checkFixture, listFixtures, optionsFor, readFixture, show } from './helpers/fixtures';

/**
 * Every fix in every fixture: applied alone it changes only its own range,
 * removes its diagnostic and adds no error; and fixing all twice equals once.
 */
describe('fixes', () => {
  for (const file of listFixtures()) {
    const fixture = readFixture(file);
    const result = checkFixture(fixture);
    const fixable = result.diagnostics.filter((d) => d.fix);
    // Alternatives (fixes the author chooses between) obey the same rules, one at a time; fix-all never applies them.
    const offered = result.diagnostics.flatMap((d) => [...(d.fix ? [d.fix] : []), ...(d.alternatives ?? [])].map((fix) => ({ d, fix })));
    if (offered.length === 0) continue;
    describe(fixture.name, () => {
      const options = optionsFor(fixture);
      const errorsBefore = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}|${d.message}`));
      for (const { d, fix } of offered) {
        it(`fix '${fix.title}' for ${show(d)}`, () => {
          const edits = fix.edits;
          const fixed = applyEdits(fixture.text, edits);
          assert.deepStrictEqual(fixed.skipped, [], 'a fix\'s own edits never overlap');
          const from = Math.min(...edits.map((e) => e.start));
          const to = Math.max(...edits.map((e) => e.end));
          const growth = fixed.text.length - fixture.text.length;
          assert.strictEqual(fixed.text.slice(0, from), fixture.text.slice(0, from), 'text before the fix unchanged');
          assert.strictEqual(fixed.text.slice(to + growth), fixture.text.slice(to), 'text after the fix unchanged');
          const after = checkText(fixed.text, fixture.file, options).diagnostics;
          const same = after.filter((a) => a.ruleId === d.ruleId && a.message === d.message && a.range.start.line === d.range.start.line);
          assert.deepStrictEqual(same.map(show), [], 'the fixed diagnostic is gone');
          const newErrors = after.filter((a) => a.severity === 'error' && !errorsBefore.has(`${a.ruleId}|${a.message}`));
          assert.deepStrictEqual(newErrors.map(show), [], 'the fix adds no error');
        });
      }
      if (fixable.length > 0) it('fix all is idempotent: fixing twice changes nothing the second time', () => {
        const once = fixAll(fixture.text, fixture.file, options);
        assert.ok(once.applied > 0, 'fix all applied something');
        const twice = fixAll(once.text, fixture.file, options);
        assert.strictEqual(twice.text, once.text);
        assert.strictEqual(twice.applied, 0);
        assert.deepStrictEqual(once.diagnostics.filter((x) => x.fix).map(show), [], 'no fixable diagnostic left');
      });
    });
  }
});
