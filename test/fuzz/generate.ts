import * as fc from 'fast-check';
import { AWKWARD, PHRASES } from './mutate';

/**
 * Reports made from nothing: front matter with any of the known keys (or
 * others), then headings, judgement tables, numbered paragraphs, bullets and
 * prose built from the phrases the rules look for and awkward characters.
 */
const KINDS = ['ilacs', 'focused-visit', 'monitoring-visit', 'scrutiny', 'sif', 'jtai', ''];
const DATES = ['2018-01-01', '2023-01-16', '2023-11-06 to 2023-11-17', '2026-04-01', '2026-03-31', '2014-07-07', '2023-02-29', 'soon', '2024-13-45'];
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('children', 'care', 'leaders', 'social', 'workers', 'plans', 'the', 'and', 'of', 'are', 'is', 'help') },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => `${ws.join(' ')}.`);

const frontMatter = fc.record({
  report: fc.constantFrom(...KINDS),
  authority: fc.constantFrom('Kestrel Bay', '', 'A\u0301 town', '\u{1F600}'),
  dates: fc.constantFrom(...DATES),
  published: fc.constantFrom(...DATES),
  extra: fc.array(fc.tuple(fc.constantFrom('visit', 'lead-inspector', 'inspectors', 'inspection-type', 'zzz'), word), { maxLength: 3 }),
}).map((f) => ['---', `report: ${f.report}`, `authority: ${f.authority}`, `inspection-dates: ${f.dates}`, `published: ${f.published}`,
  ...f.extra.map(([k, v]) => `${k}: ${v}`), '---', ''].join('\n'));

const block = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###'), fc.array(word, { minLength: 1, maxLength: 8 })).map(([h, ws]) => `${h} ${ws.join(' ')}`),
  fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 6 })
    .map((rows) => ['| Judgement | Grade |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n')),
  fc.tuple(fc.nat({ max: 30 }), sentence).map(([n, s]) => `${n}. ${s}`),
  fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }), sentence).map(([a, b, s]) => `${a}.${b} ${s}`),
  sentence.map((s) => `- ${s}`),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')),
);

export const randomReport: fc.Arbitrary<string> = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: frontMatter }, { weight: 1, arbitrary: fc.constant('') }),
  fc.array(block, { maxLength: 25 }),
  fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\r'),
).map(([fm, blocks, sep]) => fm + blocks.join(sep));
