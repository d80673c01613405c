/**
 * Rejoins a block's wrapped lines into running text. A line-end hyphen is a
 * real hyphen in these documents far more often than a broken word
 * ("multi-\nagency", "up-to-\ndate", "16-\nand 17-year-olds"), so it is kept
 * unless the document itself spells the word without it elsewhere.
 */

/** Words the document uses, for deciding whether a line-end hyphen is real. */
export interface Vocabulary {
  has(word: string): boolean;
}

export const emptyVocabulary: Vocabulary = { has: () => false };

/** Collects the lower-case words of a text (letters, digits, hyphens and apostrophes inside). */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  for (const t of texts) {
    for (const m of t.toLowerCase().matchAll(/[a-z0-9][a-z0-9'’-]*[a-z0-9]/g)) words.add(m[0]);
  }
  return words;
}

/** Joins two pieces of a block, handling the hyphen at the end of the first. */
export function joinTwo(a: string, b: string, vocab: Vocabulary = emptyVocabulary): string {
  const left = a.replace(/\s+$/, '');
  const right = b.replace(/^\s+/, '');
  if (!left) return right;
  if (!right) return left;
  const hy = /([A-Za-z0-9’']+)[-‐]$/.exec(left);
  if (hy) {
    const next = /^[A-Za-z0-9’']+/.exec(right)?.[0] ?? '';
    // "16- and 17-year-olds": a suspended hyphen before 'and', 'or', 'to'.
    if (/^(and|or|to)$/.test(next)) return `${left} ${right}`;
    const joined = (hy[1] + next).toLowerCase();
    const hyphenated = `${hy[1]}-${next}`.toLowerCase();
    // A broken word: the document spells it whole elsewhere and never with the hyphen.
    if (/^[a-z]/.test(next) && next.length > 0 && vocab.has(joined) && !vocab.has(hyphenated)) {
      return left.slice(0, -1) + right;
    }
    return left + right;
  }
  // A dash at the end of a line ("children – due to") keeps its spaces.
  return `${left} ${right}`;
}

/** Joins all the lines of a block into one string with single spaces. */
export function joinLines(lines: readonly string[], vocab: Vocabulary = emptyVocabulary): string {
  let out = '';
  for (const l of lines) out = out ? joinTwo(out, l, vocab) : l.trim();
  return out.replace(/[ \t]+/g, ' ').trim();
}
