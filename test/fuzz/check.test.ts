import { assertPassed, runSuite } from './run';

/**
 * Issue 7, property tests of the checker (test/fuzz/properties.ts): on valid
 * reports mutated line by line, cell by cell and character by character, and
 * on reports made from nothing, checkText never throws, never reports an
 * internal error, keeps every range inside the document and equal to its span,
 * and gives the same result twice; LF, CRLF and CR line ends give the same
 * findings. `npm run fuzz` runs the same properties at 100,000 cases.
 */
describe('fuzz: the checker', function () {
  this.timeout(120_000);
  it('mutated reports: no throw, no internal error, ranges inside and matching their spans, same result twice', async () =>
    assertPassed(await runSuite('check: mutated reports', 3000)));
  it('random reports: the same', async () => assertPassed(await runSuite('check: random reports', 1500)));
  it('LF, CRLF and CR line ends give the same findings at the same places', async () =>
    assertPassed(await runSuite('check: line endings (LF, CRLF, CR) agree', 500)));
});
