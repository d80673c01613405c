/**
 * The judgement names published reports print, as the importer's patterns,
 * built from the judgement catalogue (server/profiles/judgements.yaml: every
 * judgement's name, variants and section headings, ILACS and SIF) once per
 * catalogue, like the grade phrases (./grades.ts).
 */
import { frameworksOf, printedNames } from '../domain/judgements';
import { escapeRegExp } from '../domain/text';
import type { Catalog } from '../profiles/types';
import { importGradesFor } from './grades';

export interface ImportNames {
  /**
   * The start of a judgement's name, after a row number ("2. ", "1.1 "): a
   * name whole, or its opening where names of several judgements open alike
   * ("The experiences and progress of ..."), or at least its first
   * `WRAP_WORDS` words cut short by the line's end or by the grade printed
   * beside it ("The impact of leaders on social work practice with" / "2.
   * Children looked after and achieving Requires improvement").
   */
  start: RegExp;
  /** Words a judgement table is made of besides the grades': the names' words and the header's. */
  tableWords: ReadonlySet<string>;
  /** Per framework: a name only that framework's judgements have (no other framework's name holds it), anywhere. */
  onlyIn: ReadonlyMap<string, RegExp>;
  /**
   * The words judgement names open with after 'The' ('experiences', 'impact'),
   * lower case: a heading printed a few words off a name ("The experiences of
   * children in care: outstanding") still opens with one.
   */
  openings: readonly string[];
  /** Per framework: the openings of its judgements' names alone ('experiences', 'experience', 'impact' for ILACS). */
  openingsIn: ReadonlyMap<string, readonly string[]>;
  /** The first row of a judgement table printed with row numbers, without the header ("1. Children who need help and protection"): each era's first row. */
  firstRow: RegExp;
  /** The start of a row naming an era's overall judgement ("Overall effectiveness"). */
  overallRow: RegExp;
  /** Per framework: the start of a heading over one of its judgement sections (a name, variant or section heading), the overall judgement's aside. */
  sectionStart: ReadonlyMap<string, RegExp>;
}

/** A name wrapped over lines still starts a judgement when its first line holds this many of its words. */
const WRAP_WORDS = 4;
/** A shared opening this long (in words) is a judgement's start on its own, whatever follows it. */
const OPENING_WORDS = 3;
/** The words of a table's header ("Judgement Grade", "Key judgement | Inspection grade") and "is" between a name and its grade. */
const HEADER_WORDS = ['judgement', 'grade', 'is'];

const built = new WeakMap<Catalog, ImportNames>();

/** The patterns of a catalogue's judgement names, built once per catalogue. */
export function importNamesFor(catalog: Catalog): ImportNames {
  let n = built.get(catalog);
  if (!n) {
    const open = openingsIn(catalog);
    const overall = new Set(catalog.eras.map((e) => e.overall));
    n = {
      start: startPattern(catalog),
      tableWords: tableWords(catalog),
      onlyIn: onlyIn(catalog),
      openings: [...new Set([...open.values()].flat())],
      openingsIn: open,
      firstRow: namesPattern(catalog, catalog.eras.map((e) => e.table[0]), '^1\\.?\\s+'),
      overallRow: namesPattern(catalog, catalog.eras.map((e) => e.overall), '^'),
      sectionStart: new Map([...new Set(catalog.eras.map((e) => e.framework))].map((f) => [
        f, namesPattern(catalog, catalog.eras.filter((e) => e.framework === f).flatMap((e) => e.sections).filter((k) => !overall.has(k)), '^'),
      ])),
    };
    built.set(catalog, n);
  }
  return n;
}

interface Form {
  key: string;
  /** Lower-case words, without a leading 'The'. */
  words: string[];
  the: boolean;
}

function forms(catalog: Catalog): Form[] {
  return Object.values(catalog.judgements).flatMap((j) => printedNames(j).map((name) => ({
    key: j.key,
    the: /^the\s/i.test(name),
    words: name.replace(/^the\s+/i, '').toLowerCase().split(/\s+/).filter(Boolean),
  })));
}

const words = (ws: string[]) => ws.map(escapeRegExp).join('\\s+');

function startPattern(catalog: Catalog): RegExp {
  const all = forms(catalog);
  // Each name's start: the shortest opening (of OPENING_WORDS or more) it shares with another judgement's name, else the whole name.
  const starts = new Map<string, { words: string[]; the: boolean }>();
  for (const f of all) {
    let n = f.words.length;
    for (const g of all) {
      if (g.key === f.key) continue;
      let k = 0;
      while (k < f.words.length && k < g.words.length && f.words[k] === g.words[k]) k++;
      if (k >= OPENING_WORDS && k < n) n = k;
    }
    const id = f.words.slice(0, n).join(' ');
    const held = starts.get(id);
    starts.set(id, { words: f.words.slice(0, n), the: f.the || (held?.the ?? false) });
  }
  const gradeWord = [...importGradesFor(catalog).words].map(escapeRegExp).join('|');
  const alternatives = [...starts.values()].map((s) => {
    let alt = words(s.words);
    if (s.words.length > WRAP_WORDS) {
      // Cut short: the first WRAP_WORDS words, then as many more as the line holds, then its end or a grade.
      let rest = '';
      for (let i = s.words.length - 1; i >= WRAP_WORDS; i--) rest = `(?:\\s+${escapeRegExp(s.words[i])}${rest})?`;
      alt = `(?:${alt}|${words(s.words.slice(0, WRAP_WORDS))}${rest}(?=\\s*$|\\s+(?:${gradeWord})\\b))`;
    }
    return (s.the ? '(?:The\\s+)?' : '') + alt;
  });
  if (alternatives.length === 0) return /(?!)/;
  return new RegExp(`^(?:\\d(?:\\.\\d)?\\.?\\s+)?(?:${alternatives.join('|')})`, 'i');
}

function tableWords(catalog: Catalog): Set<string> {
  const out = new Set(HEADER_WORDS);
  for (const j of Object.values(catalog.judgements)) {
    for (const name of printedNames(j)) for (const w of name.toLowerCase().replace(/[,:|]/g, ' ').split(/\s+/)) if (w) out.add(w);
  }
  return out;
}

function onlyIn(catalog: Catalog): Map<string, RegExp> {
  const specs = Object.values(catalog.judgements).map((j) => ({ frameworks: frameworksOf(catalog, j.key), names: printedNames(j) }));
  const out = new Map<string, RegExp>();
  for (const framework of new Set(catalog.eras.map((e) => e.framework))) {
    const others = specs.filter((s) => [...s.frameworks].some((f) => f !== framework)).flatMap((s) => s.names.map((n) => n.toLowerCase()));
    const own = specs.filter((s) => s.frameworks.size === 1 && s.frameworks.has(framework)).flatMap((s) => s.names);
    const distinct = [...new Set(own)].filter((n) => !others.some((o) => o.includes(n.toLowerCase())));
    if (distinct.length > 0) out.set(framework, new RegExp(distinct.map((n) => words(n.split(/\s+/))).join('|'), 'i'));
  }
  return out;
}

/** The printed names of the judgements `keys`, as a case-insensitive pattern after `prefix`; one that matches nothing when there are none. */
function namesPattern(catalog: Catalog, keys: (string | undefined)[], prefix: string): RegExp {
  const names = [...new Set(keys)].flatMap((k) => (k && catalog.judgements[k] ? printedNames(catalog.judgements[k]) : []));
  if (names.length === 0) return /(?!)/;
  return new RegExp(`${prefix}(?:${[...new Set(names)].sort((a, b) => b.length - a.length).map((n) => words(n.split(/\s+/))).join('|')})`, 'i');
}

/** Per framework, the word after 'The' that its judgements' names open with. */
function openingsIn(catalog: Catalog): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const j of Object.values(catalog.judgements)) {
    const first = printedNames(j).map((n) => /^the\s+(\S+)/i.exec(n)?.[1].toLowerCase()).filter((w): w is string => w !== undefined);
    for (const f of frameworksOf(catalog, j.key)) out.set(f, [...new Set([...(out.get(f) ?? []), ...first])]);
  }
  return out;
}
