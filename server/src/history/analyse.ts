/**
 * Turns a finding's text into the terms it is matched by: abbreviations
 * expanded (the report's own definitions first, then the well-known ones in
 * synonyms.yaml), words stemmed, the domain's synonym phrases brought to one
 * form ("children looked after" -> "children in care"), names of reports and
 * months dropped, stop words dropped.
 *
 * The analyser owns the vocabulary: each stem has a number (term id), and the
 * index counts ids. Indexing speed matters (thousands of reports at start-up),
 * so words are scanned by hand and each written form is looked up once.
 */
import { STOP_WORDS, stem } from './stem';
import type { SynonymData } from './synonyms';

interface Phrase {
  ids: number[];
  /** The canonical phrase's counted term ids (empty: the phrase is dropped). */
  canonical: number[];
  /** A concept: the phrase's own words are counted too. */
  keepWords: boolean;
}

interface WordInfo {
  id: number;
  keep: boolean;
}

const MAX_CACHE = 500_000;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Counted words: not stop words, not one letter, not a number of three or more digits (years, percentages). */
function keepWord(lower: string): boolean {
  if (lower.length < 2 || STOP_WORDS.has(lower)) return false;
  if (lower.length > 2) {
    const c = lower.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(lower)) return false;
  }
  return true;
}

/** Possibly an abbreviation: two capitals first ('MASH', 'PAs', 'EHCP'). */
function looksAbbreviated(w: string): boolean {
  return w.length >= 2 && isUpper(w.charCodeAt(0)) && isUpper(w.charCodeAt(1)) && /^[A-Z][A-Z0-9]*[A-Z0-9]s?$/.test(w);
}

export class Analyser {
  private readonly stemOf = new Map<string, string>();
  private readonly idOfStem = new Map<string, number>();
  private readonly stems: string[] = [];
  /** A word for each stem, the first seen: to show a stem to a reader. */
  private readonly wordsByStem = new Map<string, string>();
  /** Written form (case kept) -> term id and whether it counts. */
  private readonly info = new Map<string, WordInfo>();
  /**
   * The same, as an open-addressing table keyed by a hash of the characters, so
   * that scanning a text looks words up without cutting a string for each.
   */
  private slots = new Int32Array(1 << 16).fill(-1);
  private entryText: string[] = [];
  private entryHash = new Int32Array(1024);
  private entryId = new Int32Array(1024);
  private entryKeep = new Uint8Array(1024);
  /**
   * Phrases by their first term id: the one-word phrase, and the longer ones by
   * their second term id, longest first ("children" starts two dozen phrases;
   * the word after it rules out most of them at once).
   */
  private readonly phrases = new Map<number, { one?: Phrase; next: Map<number, Phrase[]> }>();
  /** Well-known abbreviations (upper case, no plural s) -> written words of the long form. */
  private readonly common = new Map<string, string[]>();

  constructor(data?: SynonymData) {
    for (const [short, long] of data?.abbreviations ?? []) this.common.set(short.toUpperCase(), splitWords(long));
    for (const group of data?.synonyms ?? []) {
      if (group.length < 2) continue;
      // The canonical words, and one term for the phrase as a whole: "return home
      // interviews" says more than "return", "home" and "interviews" apart.
      const canonical = [...this.wordInfos(group[0]).filter((w) => w.keep).map((w) => w.id), this.phraseTerm(group[0])];
      for (const variant of group) this.addPhrase(variant, canonical);
    }
    for (const [name, phrases] of data?.concepts ?? []) {
      const canonical = [this.phraseTerm(name)];
      for (const p of phrases) this.addPhrase(p, canonical, true);
    }
    for (const phrase of data?.ignore ?? []) this.addPhrase(phrase, []);
    // Words met in the data are not how reports write them ("centres" for "centre"):
    // a stem is shown with the first word seen in a report.
    for (const k of [...this.wordsByStem.keys()]) if (!k.startsWith('~')) this.wordsByStem.delete(k);
  }

  /** Number of distinct stems seen. */
  get size(): number {
    return this.stems.length;
  }

  /** The stem a term id stands for. */
  term(id: number): string {
    return this.stems[id] ?? '';
  }

  /** The term id of a stem, if it has one. */
  idOf(stemmed: string): number | undefined {
    return this.idOfStem.get(stemmed);
  }

  /** The stem of a lower-case word, cached. */
  stem(word: string): string {
    let s = this.stemOf.get(word);
    if (s === undefined) {
      s = stem(word);
      if (this.stemOf.size < MAX_CACHE) this.stemOf.set(word, s);
      if (!this.wordsByStem.has(s)) this.wordsByStem.set(s, word);
    }
    return s;
  }

  /** A word that has this stem (the first seen), or the stem itself. */
  wordFor(stemmed: string): string {
    return this.wordsByStem.get(stemmed) ?? stemmed;
  }

  /** The counted term ids of a text, in order. `own` maps the report's abbreviations to their long forms. */
  termIds(text: string, own?: ReadonlyMap<string, string>): number[] {
    const ids: number[] = [];
    const keeps: boolean[] = [];
    const t = cleanText(text, own);
    const n = t.length;
    let i = 0;
    while (i < n) {
      if (!isWordChar(t.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0x811c9dc5;
      while (i < n) {
        const c = t.charCodeAt(i);
        if (!isWordChar(c)) break;
        hash = Math.imul(hash ^ c, 0x01000193);
        i++;
      }
      // The s of a possessive, the t of a contraction: not words.
      if (i - start === 1 && start > 0 && (t[start - 1] === "'" || t[start - 1] === '\u2019')) continue;
      if (i - start >= 2 && isUpper(t.charCodeAt(start)) && isUpper(t.charCodeAt(start + 1))) {
        const w = t.slice(start, i);
        if (looksAbbreviated(w)) {
          const key = w.endsWith('s') ? w.slice(0, -1) : w;
          const long = own?.get(key) ?? own?.get(w);
          const words = long !== undefined ? splitWords(long) : this.common.get(key) ?? this.common.get(w);
          if (words) {
            for (const x of words) {
              const inf = this.lookup(x);
              ids.push(inf.id);
              keeps.push(inf.keep);
            }
            continue;
          }
        }
      }
      const e = this.find(t, start, i, hash);
      if (e >= 0) {
        ids.push(this.entryId[e]);
        keeps.push(this.entryKeep[e] === 1);
      } else {
        const inf = this.lookup(t.slice(start, i));
        ids.push(inf.id);
        keeps.push(inf.keep);
      }
    }
    if (this.phrases.size === 0) return ids.filter((_, k) => keeps[k]);
    const out: number[] = [];
    for (let k = 0; k < ids.length;) {
      const phrase = this.matchPhrase(ids, k);
      if (phrase) {
        for (const c of phrase.canonical) out.push(c);
        if (!phrase.keepWords) {
          k += phrase.ids.length;
          continue;
        }
      }
      if (keeps[k]) out.push(ids[k]);
      k++;
    }
    return out;
  }

  /** The counted stems of a text (for tests and messages). */
  terms(text: string, own?: ReadonlyMap<string, string>): string[] {
    return this.termIds(text, own).map((id) => this.stems[id]);
  }

  /** The table entry for t[start, end), added when new; -1 once the table is full (garbage input). */
  private find(t: string, start: number, end: number, hash: number): number {
    const len = end - start;
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const e = this.slots[slot];
      if (e < 0) break;
      if (this.entryHash[e] === hash) {
        const w = this.entryText[e];
        if (w.length === len) {
          let k = 0;
          while (k < len && w.charCodeAt(k) === t.charCodeAt(start + k)) k++;
          if (k === len) return e;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (this.entryText.length >= MAX_CACHE) return -1;
    const written = t.slice(start, end);
    const inf = this.lookup(written);
    const e = this.entryText.length;
    if (e >= this.entryId.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.entryHash = grow(this.entryHash, (n) => new Int32Array(n));
      this.entryId = grow(this.entryId, (n) => new Int32Array(n));
      this.entryKeep = grow(this.entryKeep, (n) => new Uint8Array(n));
    }
    this.entryText.push(written);
    this.entryHash[e] = hash;
    this.entryId[e] = inf.id;
    this.entryKeep[e] = inf.keep ? 1 : 0;
    if ((e + 1) * 2 > this.slots.length) {
      // Keep the table at most half full.
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      mask = this.slots.length - 1;
      for (let x = 0; x <= e; x++) {
        let sl = this.entryHash[x] & mask;
        while (this.slots[sl] >= 0) sl = (sl + 1) & mask;
        this.slots[sl] = x;
      }
    } else {
      this.slots[slot] = e;
    }
    return e;
  }

  private lookup(written: string): WordInfo {
    let inf = this.info.get(written);
    if (inf === undefined) {
      const lower = written.toLowerCase();
      inf = { id: this.intern(this.stem(lower)), keep: keepWord(lower) };
      if (this.info.size < MAX_CACHE) this.info.set(written, inf);
    }
    return inf;
  }

  private intern(s: string): number {
    let id = this.idOfStem.get(s);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(s);
      this.idOfStem.set(s, id);
    }
    return id;
  }

  /** The term for a whole phrase: '~' and its words (no word's stem starts with '~'). */
  private phraseTerm(phrase: string): number {
    const name = `~${splitWords(phrase).join(' ').toLowerCase()}`;
    if (!this.wordsByStem.has(name)) this.wordsByStem.set(name, name.slice(1));
    return this.intern(name);
  }

  private wordInfos(phrase: string): WordInfo[] {
    return splitWords(phrase).map((w) => this.lookup(w));
  }

  private addPhrase(variant: string, canonical: number[], keepWords = false): void {
    const ids = this.wordInfos(variant).map((w) => w.id);
    if (ids.length === 0) return;
    let entry = this.phrases.get(ids[0]);
    if (!entry) this.phrases.set(ids[0], (entry = { next: new Map() }));
    const phrase = { ids, canonical, keepWords };
    if (ids.length === 1) {
      entry.one ??= phrase; // first entry wins
      return;
    }
    const list = entry.next.get(ids[1]) ?? [];
    if (list.some((p) => p.ids.length === ids.length && p.ids.every((x, k) => x === ids[k]))) return; // first entry wins
    list.push(phrase);
    list.sort((a, b) => b.ids.length - a.ids.length);
    entry.next.set(ids[1], list);
  }

  private matchPhrase(ids: number[], at: number): Phrase | undefined {
    const entry = this.phrases.get(ids[at]);
    if (!entry) return undefined;
    const list = at + 1 < ids.length ? entry.next.get(ids[at + 1]) : undefined;
    if (list) {
      for (const p of list) {
        if (at + p.ids.length > ids.length) continue;
        let ok = true;
        for (let k = 2; k < p.ids.length && ok; k++) ok = ids[at + k] === p.ids[k];
        if (ok) return p;
      }
    }
    return entry.one;
  }
}

function splitWords(s: string): string[] {
  return (s.match(/[A-Za-z0-9]+/g) ?? []).filter((w, k, all) => !(w === 's' && k > 0 && all.length > 1));
}

/**
 * Drops what is not prose: HTML comments, links to other reports (text and
 * target), other links' targets, and a short form in brackets right after its
 * definition (it would count twice).
 */
export function cleanText(text: string, own?: ReadonlyMap<string, string>): string {
  let t = text;
  if (t.includes('<!--')) t = t.replace(/<!--[\s\S]*?-->/g, ' ');
  if (t.includes('](')) {
    t = t
      .replace(/\[[^\]]*\]\(([^)]*)\)/g, (all, target: string) => (/\.(md|markdown)\b|#(para|wni|finding|rec|priority)-/i.test(target) ? ' ' : all))
      .replace(/\]\([^)]*\)/g, ' ');
  }
  if (own && own.size > 0 && t.includes('(')) {
    t = t.replace(/\(\s*([A-Z][A-Za-z0-9]*)\s*\)/g, (all, short: string) => {
      const key = short.endsWith('s') && short.length > 2 ? short.slice(0, -1) : short;
      return own.has(key) || own.has(short) ? ' ' : all;
    });
  }
  return t;
}
