import { assertPassed, runSuite } from './run';

/**
 * Issue 7, property tests of the fixes: on mutated reports, each fix alone
 * changes only its own range, removes its diagnostic and adds no error (as
 * test/fuzz/properties.ts defines it), and fixing all twice equals fixing once.
 */
describe('fuzz: fixes', function () {
  this.timeout(120_000);
  it('each fix stays in its range, removes its diagnostic, adds no error; fix all is idempotent', async () =>
    assertPassed(await runSuite('fix: fixes on mutated reports', 2000)));
});
