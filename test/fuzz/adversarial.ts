import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import type { Config } from '../../server/src/config/config';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { data } from '../helpers/data';

/**
 * Long adversarial lines: a short unit that the rules' regular expressions
 * (abbreviations, dates, ages, grades, per cent, inspector titles) or
 * markdown-it partly match, repeated to a given length, then a character that
 * spoils the match at the very end. A regex that backtracks catastrophically
 * takes seconds to minutes on these; a linear one takes milliseconds.
 */
export const UNITS = [
  'A', 'AB ', 'AB-', 'A-B', 'ABs-1', 'ABC-DE-', '(AB ', 'AB (', '(A', 'A)', '((', '(', ')', 'Ab', 'DfE ',
  ' ', '\t', '-', '- ', '1', '1 ', '1.', '11 to ', '1 July ', 'July ', '1 July 2023 to ', 'July 2023 ', '2023-', '2023-11-06 to ',
  '16-', '16 and ', '16 ', '16- and ', 'year ', 'year-', '-year-old ', 'aged ', '18 to ',
  'per ', 'per cent ', '10 per ', 'focuss', 'good ', 'is ', 'is good ', 'requires improvement ', 'since the council was judged ',
  'Her Majesty', "Majesty's ", 'Inspector ', 'His ',
  '*', '_', '**a', '[', '[a](', '<', '<!--', '`', '|', '\\', '&', '&#', '#', '1. ', '2.1 ', '> ', '] ', '](',
  'e\u0301', '\u{1F600}', '\u200B', '\u00A0', '. ', 'a.', 'eg ', 'i.e', 'etc ', "'", '\u2019s ', 'a\u2019',
];
const SPOILERS = ['!', 'x', '1', ')', ''];

export interface Adversarial {
  name: string;
  text: string;
}

function base(): string {
  const file = path.join(__dirname, '..', 'fixtures', 'valid', 'ilacs-2023-sections.md');
  return fs.readFileSync(file, 'utf8').replace(/<!--\s*expect\b[\s\S]*?-->\s*$/, '');
}

/** Where a long line goes: a paragraph, a heading, a table cell, a numbered paragraph, a front matter value. */
function place(doc: string, line: string, where: string): string {
  switch (where) {
    case 'paragraph': return `${doc}\n${line}\n`;
    case 'heading': return `${doc}\n## ${line}\n`;
    case 'table cell': return doc.replace('| Overall effectiveness | Good |', `| Overall effectiveness | ${line} |`);
    case 'numbered paragraph': return `${doc}\n7. ${line}\n`;
    case 'front matter': return doc.replace(/^authority: .*$/m, `authority: ${line}`);
    default: return doc;
  }
}

export const PLACES = ['paragraph', 'heading', 'table cell', 'numbered paragraph', 'front matter'];

export function adversarialDocs(length: number, places = PLACES): Adversarial[] {
  const doc = base();
  const out: Adversarial[] = [];
  UNITS.forEach((unit, i) => {
    const spoiler = SPOILERS[i % SPOILERS.length];
    const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + spoiler;
    for (const where of places) out.push({ name: `${JSON.stringify(unit)} x ${length} + ${JSON.stringify(spoiler)} in a ${where}`, text: place(doc, line, where) });
  });
  return out;
}

/** Settings with user patterns that would hang a checker that built regular expressions from them unescaped. */
export function adversarialConfig(): Config {
  return {
    rules: {}, history: [], kinds: {}, maxFileSize: 5 * 1024 * 1024,
    abbreviations: ['(A+)+$', '(a|aa)+b', '[', '\\', '.*.*.*=.*', 'A'.repeat(5000)],
    terms: ['(x+x+)+y', '((((((', '.*'],
  };
}

export function adversarialTimings(length: number): { name: string; ms: number }[] {
  const profiles = builtinProfiles();
  const config = adversarialConfig();
  return adversarialDocs(length).map((a) => {
    const t0 = performance.now();
    checkText(a.text, 'adversarial.md', { data, profiles, config });
    return { name: a.name, ms: performance.now() - t0 };
  });
}
