import * as fc from 'fast-check';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { randomReport } from './generate';
import { applyMutations, mutatedText, mutation } from './mutate';
import { applyByteMutation, byteMutation, pdfSeeds } from './pdfMutate';
import { checkProblems, fixProblems, importPdfProblems, importTextProblems, lineEndingProblems } from './properties';
import { plainTextSeeds, reportSeeds } from './seeds';
import { data } from '../helpers/data';

/**
 * The fuzz suites: each a fast-check property over generated input, shared by
 * the tests (test/fuzz/*.test.ts, small) and `npm run fuzz` (100,000 cases).
 * A property fails by throwing an Error whose message lists the problems.
 */
export interface Suite {
  name: string;
  /** Share of the fuzz script's cases. */
  share: number;
  property(): fc.IRawProperty<any>;
}

function fail(problems: string[], input: () => string): void {
  if (problems.length === 0) return;
  throw new Error(`${problems.slice(0, 5).join('\n')}\n--- input (JSON) ---\n${input()}`);
}

const mutatedCheck: Suite = {
  name: 'check: mutated reports',
  share: 0.4,
  property() {
    const seeds = reportSeeds();
    return fc.property(mutatedText(seeds.length, 6), ({ seed, mutations }) => {
      const s = seeds[seed];
      const text = applyMutations(s.text, mutations);
      fail(checkProblems(text, s.name, s.options).problems, () => JSON.stringify({ seed: s.name, mutations, text }));
    });
  },
};

const lineEnds: Suite = {
  name: 'check: line endings (LF, CRLF, CR) agree',
  share: 0.05,
  property() {
    const seeds = reportSeeds();
    return fc.property(mutatedText(seeds.length, 4), ({ seed, mutations }) => {
      const s = seeds[seed];
      const text = applyMutations(s.text, mutations);
      fail(lineEndingProblems(text, s.name, s.options), () => JSON.stringify({ seed: s.name, mutations, text }));
    });
  },
};

const randomCheck: Suite = {
  name: 'check: random reports',
  share: 0.15,
  property() {
    const options = { data, profiles: builtinProfiles() };
    return fc.property(randomReport, (text) => {
      fail(checkProblems(text, 'random.md', options).problems, () => JSON.stringify(text));
    });
  },
};

const fixes: Suite = {
  name: 'fix: fixes on mutated reports',
  share: 0.2,
  property() {
    const seeds = reportSeeds();
    return fc.property(mutatedText(seeds.length, 4), fc.nat(), ({ seed, mutations }, from) => {
      const s = seeds[seed];
      const text = applyMutations(s.text, mutations);
      fail(fixProblems(text, s.name, s.options, from), () => JSON.stringify({ seed: s.name, mutations, from, text }));
    });
  },
};

const importTextSuite: Suite = {
  name: 'import: garbled text',
  share: 0.15,
  property() {
    const seeds = plainTextSeeds();
    const options = { data, profiles: builtinProfiles() };
    return fc.property(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      (seed, mutations) => {
        const text = applyMutations(seeds[seed].text, mutations);
        fail(importTextProblems(text, options), () => JSON.stringify({ seed: seeds[seed].name, mutations }));
      },
    );
  },
};

const PDF_TIMEOUT_MS = 20_000;

const importPdfSuite: Suite = {
  name: 'import: garbled and truncated PDFs',
  share: 0.05,
  property() {
    const seeds = pdfSeeds();
    return fc.asyncProperty(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
      async (seed, mutations) => {
        const bytes = mutations.reduce(applyByteMutation, seeds[seed].bytes);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<string[]>((resolve) => {
          timer = setTimeout(() => resolve([`importPdf did not finish in ${PDF_TIMEOUT_MS / 1000} s`]), PDF_TIMEOUT_MS);
        });
        const problems = await Promise.race([importPdfProblems(bytes), timeout]);
        clearTimeout(timer);
        fail(problems, () => JSON.stringify({ seed: seeds[seed].name, mutations }));
      },
    );
  },
};

export const suites: Suite[] = [mutatedCheck, randomCheck, lineEnds, fixes, importTextSuite, importPdfSuite];
