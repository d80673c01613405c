/**
 * A report's own abbreviations: the long form written out, the short form in
 * brackets after it ('multi-agency safeguarding hub (MASH)', 'personal advisers
 * (PAs)'), as house style asks (domain.md, "House style"). The long form is
 * found by walking back from the bracket, matching the short form's capitals to
 * the words' initials (hyphenated words may give one initial per part) and
 * skipping small words such as 'and' and 'of'.
 */
import type { AbbreviationDef } from './types';

const SHORT_IN_BRACKETS = /\(\s*([A-Z][A-Za-z0-9&]*?[A-Z0-9])(s?)\s*\)/g;
const WORD_BEFORE = /[A-Za-z0-9]+(?:[-\u2010\u2011][A-Za-z0-9]+)*(?:['\u2019]s)?/g;
const MINOR = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'on', 'with', 'at', 'by', 'or', 'a', 'an']);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Every definition in the text, the first of each short form only. */
export function findAbbreviations(text: string): AbbreviationDef[] {
  const out: AbbreviationDef[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(SHORT_IN_BRACKETS)) {
    const at = m.index ?? 0;
    const short = m[1];
    const letters = short.replace(/[^A-Z0-9]/g, '');
    if (letters.length < 2 || letters.length > 8 || /^\d+$/.test(letters)) continue;
    if (seen.has(short)) continue;
    const from = Math.max(0, at - 40 * letters.length - 40);
    const before: Word[] = [];
    for (const w of text.slice(from, at).matchAll(WORD_BEFORE)) {
      const start = from + (w.index ?? 0);
      before.push({ text: w[0], start, end: start + w[0].length });
    }
    const first = matchBackwards(before, letters);
    if (first === undefined) continue;
    const last = before[before.length - 1];
    const long = text.slice(first.start, last.end).replace(/\s+/g, ' ');
    seen.add(short);
    out.push({ short, long, span: { start: first.start, end: at + m[0].length } });
  }
  return out;
}

/** The first word of the long form, or undefined when the initials do not fit. */
function matchBackwards(words: Word[], letters: string): Word | undefined {
  let li = letters.length - 1;
  let skips = 0;
  let first: Word | undefined;
  for (let wi = words.length - 1; wi >= 0 && li >= 0; wi--) {
    const w = words[wi];
    const parts = w.text.replace(/['\u2019]s$/, '').split(/[-\u2010\u2011]/).filter(Boolean);
    // Try the parts' initials from the end (multi-agency -> M, A), then the word's own initial.
    let took = 0;
    for (let p = parts.length - 1; p >= 0 && li - took >= 0; p--) {
      if (parts[p][0].toUpperCase() === letters[li - took]) took++;
      else break;
    }
    if (took > 0 && took === parts.length) {
      li -= took;
      first = w;
      continue;
    }
    if (parts.length > 1 && parts[0][0].toUpperCase() === letters[li]) {
      li--;
      first = w;
      continue;
    }
    if (MINOR.has(w.text.toLowerCase()) && first !== undefined && skips < 3) {
      skips++;
      continue;
    }
    // A word right before the bracket that does not fit: not a definition.
    return undefined;
  }
  return li < 0 ? first : undefined;
}

/** Short form (plural s dropped) -> long form, for the analyser. */
export function abbreviationMap(defs: readonly AbbreviationDef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of defs) if (!map.has(d.short)) map.set(d.short, d.long);
  return map;
}
