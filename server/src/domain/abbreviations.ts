/**
 * Abbreviations a text spells out, `words (ABBR)` (domain.md, "House style":
 * spelled out at first use, the short form in brackets after it): the one
 * finder the abbreviations rule, completion and the history use, and the
 * matching of an abbreviation's letters against the words that spell it out
 * (`multi-agency safeguarding hub` for MASH), with one list of small words.
 */

/** Small words an expansion may carry without a letter of their own in the short form. */
export const STOP = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'under', 'with']);

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

export interface Word { text: string; lower: string; from: number; to: number }

/** The letters an expansion's words should start with: 'DfE' -> 'dfe', 'COVID-19' -> 'covid'. */
export function lettersOf(key: string): string {
  return key.replace(/[^A-Za-z]/g, '').toLowerCase();
}

export function wordsIn(text: string, offset = 0): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), from: offset + (m.index ?? 0), to: offset + (m.index ?? 0) + m[0].length }));
}

/**
 * Index of the first word of the expansion that ends with the last of `words`,
 * matched by initial letters (small words like 'of' may be skipped), or
 * undefined (anchored: the expansion must take all the words but leading
 * small ones). 'Inspection of Local Authority Children's Services' fits ILACS;
 * 'Multi Agency Safeguarding Hub' and 'multi-agency safeguarding hub' fit MASH.
 */
export function matchInitials(words: readonly Word[], letters: string, anchored = false): number | undefined {
  const n = letters.length;
  if (n === 0 || n > 12 || words.length === 0) return undefined;
  const last = words.length - 1;
  if (words[last].lower[0] !== letters[n - 1]) return undefined;
  // Memoised on (word, letter): at most words x letters steps, whatever the text.
  const memo = new Map<number, number | undefined>();
  const go = (wi: number, li: number): number | undefined => {
    const k = wi * 16 + li;
    if (memo.has(k)) return memo.get(k);
    const r = step(wi, li);
    memo.set(k, r);
    return r;
  };
  const step = (wi: number, li: number): number | undefined => {
    if (li < 0) {
      // The expansion starts with a word of its own, not 'and' or 'of'; anchored: nothing but small words before it.
      if (STOP.has(words[wi + 1].lower)) return undefined;
      if (anchored && words.slice(0, wi + 1).some((w) => !STOP.has(w.lower))) return undefined;
      return wi + 1;
    }
    if (wi < 0) return undefined;
    const w = words[wi].lower;
    if (w[0] === letters[li]) {
      const r = go(wi - 1, li - 1);
      if (r !== undefined) return r;
    }
    return STOP.has(w) ? go(wi - 1, li) : undefined;
  };
  return go(last, n - 1);
}

/**
 * A looser fit for forms that take more than one letter from a word
 * ('multiagency safeguarding hub' for MASH) or skip one ('domestic abuse,
 * stalking and honour-based violence' for DASH): the first word starts with
 * the first letter, the letters appear in order, the last letter is in the
 * last three words, and the expansion is short.
 */
function matchLoosely(words: readonly Word[], letters: string): number | undefined {
  const last = words.length - 1;
  if (last < 0 || letters.length < 2) return undefined;
  if (!words.slice(-3).some((w) => w.lower.includes(letters[letters.length - 1]))) return undefined;
  for (let s = last; s >= Math.max(0, last - letters.length - 3); s--) {
    if (words[s].lower[0] !== letters[0] || STOP.has(words[s].lower)) continue;
    const joined = words.slice(s).map((w) => w.lower).join('');
    let k = 0;
    for (const ch of joined) if (ch === letters[k]) k++;
    if (k === letters.length) return s;
  }
  return undefined;
}

/**
 * The same words in another order ('education, training or employment' for
 * EET, a list whose order varies): the last content words, as many as there
 * are letters, with only small words between them, whose initials are the
 * letters in some order, the first of them starting with the first letter.
 * Three letters or more. Anchored: those words are all the content words.
 */
export function matchUnordered(words: readonly Word[], letters: string, anchored = false): number | undefined {
  const n = letters.length;
  if (n < 3 || n > 6) return undefined;
  const content: number[] = [];
  for (let i = words.length - 1; i >= 0 && content.length < n; i--) if (!STOP.has(words[i].lower)) content.push(i);
  if (content.length < n) return undefined;
  const start = content[n - 1];
  if (anchored && words.slice(0, start).some((w) => !STOP.has(w.lower))) return undefined;
  // The list may be reordered, but it starts where the short form does.
  if (words[start].lower[0] !== letters[0]) return undefined;
  const sorted = (xs: string[]) => xs.sort().join('');
  return sorted(content.map((i) => words[i].lower[0])) === sorted([...letters]) ? start : undefined;
}

/**
 * The letters to look for: the key's, and for a form like 'CAMHs' (the s of
 * 'services', not a plural) the written form's too.
 */
export function letterSets(key: string, written: string): string[] {
  const a = lettersOf(key);
  const b = lettersOf(written);
  return a === b ? [a] : [a, b];
}

export function expansionBefore(text: string, at: number, sets: string[]): { from: number; to: number } | undefined {
  // Only the words just before the bracket can be its expansion: read a bounded stretch.
  const from = Math.max(0, at - 400);
  const all = wordsIn(text.slice(from, at), from).filter((w) => w.from > from || from === 0);
  for (const letters of sets) {
    const words = all.slice(-(letters.length * 2 + 4));
    const start = matchInitials(words, letters) ?? matchLoosely(words, letters) ?? matchUnordered(words, letters);
    if (start !== undefined) return { from: words[start].from, to: words[words.length - 1].to };
  }
  return undefined;
}


/**
 * What an abbreviation looks like: two or more capitals (one lower-case letter
 * may sit between the first two: DfE), a plural s, a number or a second part:
 * MASH, PAs, DfE, COVID-19, C-SPA, MST-CAN. A RegExp source, for building patterns.
 */
export const ABBREVIATION = String.raw`(?:[A-Z]{1,3}-)?[A-Z][a-z]?[A-Z]+s?(?:-(?:\d+|[A-Z]{2,}))?`;

/** `words (ABC)`: the abbreviation alone in brackets. */
const IN_BRACKETS = new RegExp(String.raw`\(\s*(${ABBREVIATION})(?:['’]s?)?\s*\)`, 'gu');

/** 'PAs' -> 'PA', 'IROs' -> 'IRO'; 'CAMHS' and 'COVID-19' unchanged. */
export function abbreviationKey(written: string): string {
  return /[A-Z]s$/.test(written) ? written.slice(0, -1) : written;
}

export interface SpelledOut {
  /** As written in the brackets ('PAs'). */
  written: string;
  /** The abbreviation itself, a plural s dropped ('PA'). */
  key: string;
  /** The words that spell it out, as offsets into the text. */
  words: { from: number; to: number };
  /** Where the bracket opens, and just after it closes. */
  open: number;
  end: number;
}

/**
 * Every `words (ABBR)` in a text whose words fit the abbreviation's letters,
 * in order. 'the front door (MASH)' and 'children (UK)' are not spellings-out.
 */
export function spelledOutIn(text: string): SpelledOut[] {
  const out: SpelledOut[] = [];
  if (!text.includes('(')) return out;
  for (const m of text.matchAll(IN_BRACKETS)) {
    const written = m[1];
    const key = abbreviationKey(written);
    const open = m.index ?? 0;
    const words = expansionBefore(text, open, letterSets(key, written));
    if (words) out.push({ written, key, words, open, end: open + m[0].length });
  }
  return out;
}
