import * as fc from 'fast-check';

/**
 * Mutations of a report, as plain data so that fast-check can shrink them and
 * a failure prints as something a person can replay. Every number is taken
 * modulo what the text offers, so any mutation applies to any text.
 */
export type Mutation =
  | { op: 'delete-line' | 'duplicate-line' | 'case-flip' | 'indent' | 'dedent' | 'tabs'; line: number }
  | { op: 'swap-lines' | 'move-line'; line: number; other: number }
  | { op: 'garble-line'; line: number; at: number; cut: number; noise: string }
  | { op: 'insert-line'; line: number; text: string }
  | { op: 'prefix'; line: number; prefix: string }
  | { op: 'table-cell'; line: number; cell: number; how: 'delete' | 'duplicate' | 'swap' | 'empty' | 'pipe' | 'garble'; noise: string }
  | { op: 'front-matter'; line: number; how: 'delete' | 'duplicate' | 'unclose' | 'garble' | 'value' | 'key'; text: string }
  | { op: 'number'; nth: number; value: string }
  | { op: 'word'; nth: number; text: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'space'; nth: number; text: string }
  | { op: 'line-endings'; style: 'crlf' | 'cr' | 'mixed' | 'lf'; every: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; cut: number; from: number; length: number };

/** Characters that mean something to Markdown, YAML or the rules, and awkward Unicode. */
export const AWKWARD = [
  '\u{1F600}', '\u{1D49C}', 'e\u0301', '\u0301', '\u0308\u0308', '\u202E', '\u202B', '\u200F', '\u05D0\u05D1\u05D2',
  '\u0627\u0644\u0639', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00A0', '\u202F', '\u2007', '\uD800', '\uDC00',
  '\u2028', '\u2029', '\u0085', '\f', '\v', '\0', '\t', '\r', '\n', '\r\n', '\uFFFD', '\u00AD', '\u2013', '\u2014', '\u2019',
];
const MARKUP = ['#', '|', '-', '*', '_', '[', ']', '(', ')', '<', '>', '!', '`', '~', ':', '=', '+', '.', '&', '\\', '"', "'", '{', '}', ' ', '1', '9', '0'];

/** Phrases the rules look for, so that mutations reach the rules' logic rather than only the parser. */
export const PHRASES = [
  'good', 'Good', 'outstanding', 'Outstanding', 'requires improvement to be good', 'Requires Improvement', 'inadequate',
  'adequate', 'Inadequate.', 'is good', 'Her Majesty\u2019s Inspector', "His Majesty's Inspector", "Her Majesty's Chief Inspector",
  'focussed', 'refocussing', 'per cent', '10 percent', '16 to 17 year olds', '18 year old', 'aged 18-21', '16- and 17-year-olds',
  'multi-agency safeguarding hub (MASH)', 'MASH', '(MASH)', 'MASH (multi-agency safeguarding hub)', 'eg', 'i.e.', 'etc', 'DfE', 'COVID-19',
  '11 to 22 July 2022', '31 February 2023', '29 February 2024', '1 April 2026', 'July 2022', '6 to 17 November 2023', '30 September to 11 October 2024',
  'Overall effectiveness', 'The experiences and progress of children in care', 'The impact of leaders on social work practice with children and families',
  'Recommendations', 'What needs to improve?', 'para-3', '[see](../history/x.md#para-2)', '[x](#wni-1)',
  '<!-- inspection-reports-disable -->', '<!-- inspection-reports-enable -->', '<!-- inspection-reports-disable-next-line grade-wording -->',
  '<!--', '-->', '```', '---', '...', '| a | b |', '|---|', '1.', '2.1', '10)', '- ', '> ', '&amp;', '&#0;', '\\',
];
const FRONT_MATTER_VALUES = [
  'ilacs', 'focused-visit', 'monitoring-visit', 'scrutiny', 'sif', 'nonsense', '', '~', 'null', '[]', '{}', '[a, b', '{a: 1',
  '"unclosed', "'x'", '2023-02-30', '2023-11-06 to 2023-11-17', '2023-11-17 to 2023-11-06', '2023-13-01', '99999-01-01', '-1', '1e999',
  '0x10', '.inf', '&a x', '*a', '*nope', '!!js/function "function(){ globalThis.pwned = true }"', '!!binary aGVsbG8=', '!custom x',
  '|\n  block', '>-', '@', '`', '%YAML 1.2', 'yes', 'true', '12:30', '2024-01-10T10:00:00Z', '\u{1F600}', '\u202Eevil',
];
const FRONT_MATTER_KEYS = ['report', 'authority', 'inspection-dates', 'published', 'lead-inspector', 'inspection-type', 'visit', 'inspectors', 'x', '<<', '? ', '- '];
const NUMBERS = ['0', '00', '007', '-1', '1', '2', '3', '10', '99', '100', '1.5', '2.1', '1e3', '99999999999999999999', '2023', '1999', '2026', '31', '32', '\u0663', '\uFF11'];
const SPACES = ['\t', '\u00A0', '\u202F', '\u2007', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '  ', '\u3000', '\u2028', ''];
const PREFIXES = ['# ', '## ', '### ', '#', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '> ', '    ', '\t', '| ', '<!-- ', '```', '---', '[x]: ', '<div>', '\\'];

const nat = (max = 1_000_000) => fc.nat({ max });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** Short noise: markup, awkward Unicode, rule phrases and random text. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(pick(MARKUP), pick(AWKWARD)), { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')) },
  { weight: 2, arbitrary: pick(PHRASES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: pick(['delete-line', 'duplicate-line', 'case-flip', 'indent', 'dedent', 'tabs'] as const), line: nat() }),
  fc.record({ op: pick(['swap-lines', 'move-line'] as const), line: nat(), other: nat() }),
  fc.record({ op: fc.constant('garble-line' as const), line: nat(), at: nat(), cut: nat(12), noise }),
  fc.record({ op: fc.constant('insert-line' as const), line: nat(), text: fc.oneof(noise, pick(PHRASES).map((p) => `${p} ${p}`)) }),
  fc.record({ op: fc.constant('prefix' as const), line: nat(), prefix: pick(PREFIXES) }),
  fc.record({
    op: fc.constant('table-cell' as const), line: nat(), cell: nat(8),
    how: pick(['delete', 'duplicate', 'swap', 'empty', 'pipe', 'garble'] as const), noise,
  }),
  fc.record({
    op: fc.constant('front-matter' as const), line: nat(),
    how: pick(['delete', 'duplicate', 'unclose', 'garble', 'value', 'key'] as const),
    text: fc.oneof(pick(FRONT_MATTER_VALUES), pick(FRONT_MATTER_KEYS), noise),
  }),
  fc.record({ op: fc.constant('number' as const), nth: nat(), value: pick(NUMBERS) }),
  fc.record({ op: fc.constant('word' as const), nth: nat(), text: fc.oneof(pick(PHRASES), noise) }),
  fc.record({ op: fc.constant('insert' as const), at: nat(), text: fc.oneof(pick(AWKWARD), noise) }),
  fc.record({ op: fc.constant('space' as const), nth: nat(), text: pick(SPACES) }),
  fc.record({ op: fc.constant('line-endings' as const), style: pick(['crlf', 'cr', 'mixed', 'lf'] as const), every: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: nat() }),
  fc.record({ op: fc.constant('splice' as const), at: nat(), cut: nat(200), from: nat(), length: nat(300) }),
);

/** Lines with their breaks: joining the array gives the text back. */
function splitKeep(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
function body(line: string): string {
  return line.replace(/(?:\r\n|\r|\n)$/, '');
}
function brk(line: string): string {
  return line.slice(body(line).length) || '\n';
}

function onLine(text: string, n: number, f: (line: string) => string): string {
  const lines = splitKeep(text);
  if (lines.length === 0) return f('');
  const i = n % lines.length;
  const b = body(lines[i]);
  lines[i] = f(b) + lines[i].slice(b.length);
  return lines.join('');
}

/** Replaces the nth match of a pattern (modulo the number of matches). */
function nthMatch(text: string, re: RegExp, nth: number, f: (m: string) => string): string {
  const all = [...text.matchAll(re)];
  if (all.length === 0) return text;
  const m = all[nth % all.length];
  const at = m.index ?? 0;
  return text.slice(0, at) + f(m[0]) + text.slice(at + m[0].length);
}

function frontMatterRange(lines: string[]): [number, number] | undefined {
  if (lines.length === 0 || body(lines[0]).trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(body(lines[i]))) return [1, i];
  return undefined;
}

function tableCell(line: string, m: Extract<Mutation, { op: 'table-cell' }>): string {
  if (!line.includes('|')) return line;
  const cells = line.split('|');
  const i = m.cell % cells.length;
  const j = (m.cell * 7 + 3) % cells.length;
  switch (m.how) {
    case 'delete': cells.splice(i, 1); break;
    case 'duplicate': cells.splice(i, 0, cells[i]); break;
    case 'swap': [cells[i], cells[j]] = [cells[j], cells[i]]; break;
    case 'empty': cells[i] = ' '; break;
    case 'pipe': cells[i] = `${cells[i]}|`; break;
    case 'garble': cells[i] = `${cells[i].slice(0, cells[i].length >> 1)}${m.noise}${cells[i].slice(cells[i].length >> 1)}`; break;
  }
  return cells.join('|');
}

function frontMatter(text: string, m: Extract<Mutation, { op: 'front-matter' }>): string {
  const lines = splitKeep(text);
  const range = frontMatterRange(lines);
  if (!range) return text;
  const [from, close] = range;
  const inside = close - from;
  const i = inside > 0 ? from + (m.line % inside) : from;
  const b = inside > 0 ? body(lines[i]) : '';
  switch (m.how) {
    case 'delete': if (inside > 0) lines.splice(i, 1); break;
    case 'duplicate': if (inside > 0) lines.splice(i, 0, lines[i]); break;
    case 'unclose': lines.splice(close, 1); break;
    case 'garble': if (inside > 0) lines[i] = b.slice(0, m.line % (b.length + 1)) + m.text + b.slice(m.line % (b.length + 1)) + brk(lines[i]); break;
    case 'value': if (inside > 0) lines[i] = b.replace(/:.*$/, `: ${m.text}`) + brk(lines[i]); break;
    case 'key': lines.splice(i, 0, `${m.text}: ${m.text}\n`); break;
  }
  return lines.join('');
}

function lineEndings(text: string, style: 'crlf' | 'cr' | 'mixed' | 'lf', every: number): string {
  const lines = splitKeep(text).map(body);
  const ends = text.match(/(?:\r\n|\r|\n)$/) ? '' : undefined;
  const breakFor = (i: number) => {
    if (style === 'crlf') return '\r\n';
    if (style === 'cr') return '\r';
    if (style === 'lf') return '\n';
    return ['\n', '\r\n', '\r'][(i % every) % 3];
  };
  let out = '';
  lines.forEach((l, i) => {
    out += l;
    if (i < lines.length - 1 || ends !== undefined) out += breakFor(i);
  });
  return out;
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = () => splitKeep(text);
  switch (m.op) {
    case 'delete-line': {
      const ls = lines();
      if (ls.length) ls.splice(m.line % ls.length, 1);
      return ls.join('');
    }
    case 'duplicate-line': {
      const ls = lines();
      if (!ls.length) return text;
      const i = m.line % ls.length;
      ls.splice(i, 0, body(ls[i]) + brk(ls[i]));
      return ls.join('');
    }
    case 'swap-lines': {
      const ls = lines().map((l) => [body(l), l.slice(body(l).length)]);
      if (!ls.length) return text;
      const i = m.line % ls.length;
      const j = m.other % ls.length;
      [ls[i][0], ls[j][0]] = [ls[j][0], ls[i][0]];
      return ls.map((x) => x.join('')).join('');
    }
    case 'move-line': {
      const ls = lines();
      if (!ls.length) return text;
      const i = m.line % ls.length;
      const [moved] = ls.splice(i, 1);
      ls.splice(m.other % (ls.length + 1), 0, body(moved) + brk(moved));
      return ls.join('');
    }
    case 'case-flip': return onLine(text, m.line, (l) => (l === l.toUpperCase() ? l.toLowerCase() : l.toUpperCase()));
    case 'indent': return onLine(text, m.line, (l) => `    ${l}`);
    case 'dedent': return onLine(text, m.line, (l) => l.trimStart());
    case 'tabs': return onLine(text, m.line, (l) => l.replace(/^( {1,4})/, '\t').replace(/ {2,}/g, '\t'));
    case 'garble-line': return onLine(text, m.line, (l) => {
      const at = m.at % (l.length + 1);
      return l.slice(0, at) + m.noise + l.slice(Math.min(l.length, at + m.cut));
    });
    case 'insert-line': {
      const ls = lines();
      ls.splice(m.line % (ls.length + 1), 0, `${m.text}\n`);
      return ls.join('');
    }
    case 'prefix': return onLine(text, m.line, (l) => m.prefix + l);
    case 'table-cell': {
      const ls = lines();
      const tables = ls.map((l, i) => [l, i] as const).filter(([l]) => l.includes('|'));
      if (!tables.length) return text;
      const [, i] = tables[m.line % tables.length];
      return onLine(text, i, (l) => tableCell(l, m));
    }
    case 'front-matter': return frontMatter(text, m);
    case 'number': return nthMatch(text, /\d+/g, m.nth, () => m.value);
    case 'word': return nthMatch(text, /[\p{L}\p{M}'’-]+/gu, m.nth, () => m.text);
    case 'insert': {
      const at = text.length ? m.at % (text.length + 1) : 0;
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'space': return nthMatch(text, / /g, m.nth, () => m.text);
    case 'line-endings': return lineEndings(text, m.style, m.every);
    case 'truncate': return text.slice(0, m.at % (text.length + 1));
    case 'splice': {
      const at = m.at % (text.length + 1);
      const from = m.from % (text.length + 1);
      return text.slice(0, at) + text.slice(from, from + m.length) + text.slice(Math.min(text.length, at + m.cut));
    }
  }
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A seed index and up to `maxMutations` mutations; `pickSeed` turns the index into a text. */
export function mutatedText(seedCount: number, maxMutations = 6): fc.Arbitrary<{ seed: number; mutations: Mutation[] }> {
  return fc.record({
    seed: fc.nat({ max: Math.max(0, seedCount - 1) }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: maxMutations }),
  });
}
