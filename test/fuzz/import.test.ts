import { assertPassed, runSuite } from './run';

/**
 * Issue 7, property tests of the importer: garbled text and garbled or
 * truncated PDFs (the project's own, laid out by test/import/pdfMaker.ts, and
 * two from ../shared/corpus when it is there) never make it throw or leave a
 * rejected promise behind; it gives a report or one clear one-line reason, and
 * what it writes checks without internal errors.
 */
describe('fuzz: the importer', function () {
  this.timeout(120_000);
  it('garbled text: a report or one clear reason, never a throw', async () => assertPassed(await runSuite('import: garbled text', 1500)));
  it('garbled and truncated PDFs: a report or one clear reason, never a throw or a stray rejection', async () =>
    assertPassed(await runSuite('import: garbled and truncated PDFs', 250)));
});
