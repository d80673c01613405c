import * as fc from 'fast-check';
import { suites } from './suites';

/**
 * Runs one suite at a given size inside a mocha test. The seed is fixed so
 * that `npm test` is repeatable; FUZZ_SEED=<n> tries other cases. A failure
 * throws fast-check's report: the seed, the shrunk input and what broke.
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 7_2025);

export async function runSuite(name: string, numRuns: number): Promise<void> {
  const suite = suites.find((s) => s.name === name);
  if (!suite) throw new Error(`no fuzz suite '${name}'`);
  await fc.assert(suite.property(), { numRuns, seed: SEED });
}
