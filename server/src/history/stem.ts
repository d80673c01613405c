/**
 * A light English stemmer for matching findings: plurals, -ing, -ed, -ly,
 * -ness, -ment, -er and a final e come off, so that "assessments", "assessed"
 * and "assessing" meet, as do "leaver", "leaving" and "leave". It does not aim
 * to give real words, only the same stem for the forms reports use; stems are
 * never shown to users. Both sides of every comparison go through it.
 */

const IRREGULAR: Record<string, string> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  held: 'hold',
  met: 'meet',
  seen: 'see',
  saw: 'see',
  made: 'make',
  taken: 'take',
  took: 'take',
  given: 'give',
  gave: 'give',
  known: 'know',
  knew: 'know',
  left: 'leave',
  led: 'lead',
  kept: 'keep',
  found: 'find',
  heard: 'hear',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  sought: 'seek',
  thought: 'think',
  understood: 'understand',
  staff: 'staff',
  analyses: 'analysis',
  crises: 'crisis',
  data: 'data',
  news: 'news',
  always: 'always',
  process: 'process',
  access: 'access',
  needs: 'need',
};

const VOWEL = /[aeiouy]/;

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function undouble(s: string): string {
  const n = s.length;
  if (n >= 4 && s[n - 1] === s[n - 2] && !/[lsz]/.test(s[n - 1]) && !VOWEL.test(s[n - 1])) return s.slice(0, -1);
  return s;
}

function plural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:ch|sh|x|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Derivational and inflectional endings, longest first; each needs a stem of `min` letters with a vowel. */
const ENDINGS: { suffix: string; min: number; then?: string }[] = [
  { suffix: 'isation', min: 3, then: 'ise' },
  { suffix: 'ization', min: 3, then: 'ise' },
  { suffix: 'fulness', min: 3 },
  { suffix: 'ness', min: 3 },
  { suffix: 'ment', min: 4 },
  { suffix: 'ings', min: 3 },
  { suffix: 'ing', min: 3 },
  { suffix: 'edly', min: 3 },
  { suffix: 'ly', min: 4 },
  { suffix: 'ful', min: 4 },
  { suffix: 'ed', min: 3 },
  { suffix: 'er', min: 4 },
];

export function stem(word: string): string {
  let w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) w = irregular;
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = plural(w);
  w = w.replace(/iz(e|ed|es|ing|ation)$/, 'is$1');
  // Up to two endings: "timeliness" -> "timeli" -> "timely" -> "time".
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (const e of ENDINGS) {
      if (!w.endsWith(e.suffix)) continue;
      const base = w.slice(0, w.length - e.suffix.length);
      if (base.length < e.min || !hasVowel(base)) continue;
      if (e.suffix === 'er' && base.endsWith('e')) continue; // career, volunteer: not care, volunte
      w = e.then !== undefined ? base + e.then : base;
      if (e.suffix === 'ing' || e.suffix === 'ed' || e.suffix === 'ings') w = undouble(w);
      if (w.endsWith('i')) w = w.slice(0, -1) + 'y';
      changed = true;
      break;
    }
    if (!changed) break;
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Words with no weight of their own. Checked on the lower-case word before stemming. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between
both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each either etc few for
from further had hadn't has hasn't have haven't having he her here hers herself him himself his how however i if in into
is isn't it it's its itself just let's may me might more most much must my myself no nor not now of off often on once only
or other others our ours ourselves out over own per same shall she should shouldn't so some such than that that's the their
theirs them themselves then there there's these they this those though through thus to too under until up upon us very was
wasn't we were weren't what when where whether which while who whom whose why will with within without would wouldn't yet
you your yours yourself yourselves well many several still already almost quite rather being been across around along
among amongst towards toward via since ever every therefore although don doesn didn isn aren wasn weren hasn haven hadn
won wouldn shouldn couldn`.split(/\s+/).filter(Boolean),
);
