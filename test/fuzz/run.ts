import * as assert from 'assert';
import * as fc from 'fast-check';
import { suites } from './suites';

/**
 * Runs one suite at a given size inside a mocha test. The seed is fixed so
 * that `npm test` is repeatable; FUZZ_SEED=<n> tries other cases. The test
 * asserts on the outcome with `assertPassed`, whose message on failure is
 * fast-check's report: the seed, the shrunk input and what broke.
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 7_2025);

export async function runSuite(name: string, numRuns: number): Promise<fc.RunDetails<unknown>> {
  const suite = suites.find((s) => s.name === name);
  if (!suite) throw new Error(`no fuzz suite '${name}'`);
  return (await fc.check(suite.property(), { numRuns, seed: SEED })) as fc.RunDetails<unknown>;
}

/** Fails the test with fast-check's report unless every case passed. */
export function assertPassed(details: fc.RunDetails<unknown>): void {
  assert.ok(!details.failed && !details.interrupted, fc.defaultReportMessage(details) ?? 'the property failed');
  assert.ok(details.numRuns > 0, 'no case was run');
}
