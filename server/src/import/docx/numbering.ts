/**
 * The numbers Word prints for automatically numbered paragraphs, computed
 * from the document's own word/numbering.xml the way Word does:
 *
 * - a paragraph's `w:numId` names a `w:num`, which points at a `w:abstractNum`
 *   holding up to nine levels (`w:lvl`: `w:start`, `w:numFmt`, `w:lvlText`
 *   such as `%1.` or `%1.%2`, `w:lvlRestart`, `w:isLgl`);
 * - paragraphs of different `w:num`s that share an abstract definition and
 *   override nothing continue one sequence (a list that runs on across
 *   headings, tables and other lists); a `w:num` with `w:lvlOverride`
 *   (`w:startOverride`, or a whole `w:lvl`) is a list of its own, which is how
 *   Word records "Restart at 1";
 * - numbering a paragraph at one level restarts the deeper levels, unless a
 *   deeper level's `w:lvlRestart` says otherwise (0: never);
 * - an abstract definition may point at a numbering style (`w:numStyleLink`)
 *   whose definition is held elsewhere (`w:styleLink`).
 */
import { child, kids, val, type XmlElement } from './xml';

export interface Level {
  start: number;
  fmt: string;
  text: string;
  /** `w:lvlRestart`: 0 never restarts; n restarts after a paragraph at level n (1-based) or above. */
  restart?: number;
  isLgl: boolean;
}

interface Abstract {
  id: string;
  levels: (Level | undefined)[];
  numStyleLink?: string;
  styleLink?: string;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

/** What a numbered paragraph shows. */
export interface Label {
  /** The printed label: "12.", "2.3", "(a)", or "" for `none`. */
  text: string;
  /** The level's number format: 'decimal', 'bullet', 'lowerLetter', ... */
  fmt: string;
  ilvl: number;
}

function readLevel(l: XmlElement): Level {
  const restart = val(child(l, 'w:lvlRestart'));
  const isLgl = child(l, 'w:isLgl');
  return {
    start: +(val(child(l, 'w:start')) ?? 0) || 0,
    fmt: val(child(l, 'w:numFmt')) ?? 'decimal',
    text: val(child(l, 'w:lvlText')) ?? '',
    restart: restart !== undefined ? +restart : undefined,
    isLgl: isLgl !== undefined && val(isLgl) !== '0' && val(isLgl) !== 'false',
  };
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const CARDINAL_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A counter in one of Word's number formats. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerRoman':
    case 'upperRoman': {
      let r = '';
      let x = n;
      for (const [v, s] of ROMAN) while (x >= v) { r += s; x -= v; }
      return fmt === 'upperRoman' ? r.toUpperCase() : r;
    }
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter: a ... z, aa ... zz, aaa ...
      if (n < 1) return String(n);
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'ordinal': {
      const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
      return `${n}${s}`;
    }
    case 'ordinalText': return ORDINAL_WORDS[n] ? cap(ORDINAL_WORDS[n]) : String(n);
    case 'cardinalText': return CARDINAL_WORDS[n] ? cap(CARDINAL_WORDS[n]) : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class Numbering {
  private readonly abstracts = new Map<string, Abstract>();
  private readonly nums = new Map<string, NumDef>();
  /** Counters per list instance (an abstract id, or `num:<id>` for a num with overrides). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** The numbering style → numId links from styles.xml, for `w:numStyleLink`. */
  private readonly styleNums: Map<string, string>;

  constructor(root: XmlElement | undefined, styleNums: Map<string, string> = new Map()) {
    this.styleNums = styleNums;
    for (const a of kids(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels: (Level | undefined)[] = [];
      for (const l of kids(a, 'w:lvl')) {
        const ilvl = +(l.attrs['w:ilvl'] ?? 0);
        if (ilvl >= 0 && ilvl < 9) levels[ilvl] = readLevel(l);
      }
      this.abstracts.set(id, { id, levels, numStyleLink: val(child(a, 'w:numStyleLink')), styleLink: val(child(a, 'w:styleLink')) });
    }
    for (const n of kids(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractId = val(child(n, 'w:abstractNumId'));
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of kids(n, 'w:lvlOverride')) {
        const ilvl = +(o.attrs['w:ilvl'] ?? 0);
        const start = val(child(o, 'w:startOverride'));
        const lvl = child(o, 'w:lvl');
        overrides.set(ilvl, { start: start !== undefined ? +start : undefined, level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(id, { abstractId, overrides });
    }
  }

  /** The abstract definition that holds a num's levels, following numbering-style links. */
  private abstractOf(num: NumDef): Abstract | undefined {
    let a = this.abstracts.get(num.abstractId);
    for (let guard = 0; a?.numStyleLink && guard < 4; guard++) {
      const link = a.numStyleLink;
      const holder = [...this.abstracts.values()].find((x) => x.styleLink === link);
      if (holder) return holder;
      const viaStyle = this.styleNums.get(link);
      const next = viaStyle ? this.nums.get(viaStyle) : undefined;
      if (!next) break;
      a = this.abstracts.get(next.abstractId);
    }
    return a;
  }

  /**
   * Numbers the next paragraph of list `numId` at level `ilvl`, in document
   * order, and returns what Word prints (undefined for numId 0 or an unknown
   * list, which Word shows unnumbered).
   */
  next(numId: string, ilvl: number): Label | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const abs = this.abstractOf(num);
    if (!abs) return undefined;
    const lvl = Math.max(0, Math.min(8, ilvl));
    const level = (i: number): Level | undefined => num.overrides.get(i)?.level ?? abs.levels[i];
    const def = level(lvl);
    if (!def) return undefined;
    const key = num.overrides.size > 0 ? `num:${numId}` : `abs:${abs.id}`;
    let list = this.counters.get(key);
    if (!list) {
      list = [];
      this.counters.set(key, list);
      // A restarted list starts its overridden levels at the override.
      for (const [i, o] of num.overrides) if (o.start !== undefined) list[i] = o.start - 1;
    }
    const counters = list;
    counters[lvl] = (counters[lvl] ?? (def.start - 1)) + 1;
    for (let d = lvl + 1; d < 9; d++) {
      const r = level(d)?.restart;
      if (r === undefined || (r > 0 && lvl <= r - 1)) counters[d] = undefined;
    }
    if (def.fmt === 'bullet') return { text: def.text, fmt: 'bullet', ilvl: lvl };
    const text = def.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = +k - 1;
      const l = level(i);
      const value = list[i] ?? l?.start ?? 1;
      return formatNumber(value, def.isLgl ? 'decimal' : l?.fmt ?? 'decimal');
    });
    return { text, fmt: def.fmt, ilvl: lvl };
  }
}

/** Numbering styles (`w:type="numbering"`) and the numId each names, for `w:numStyleLink`. */
export function numberingStyleLinks(styles: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of kids(styles, 'w:style')) {
    if (s.attrs['w:type'] !== 'numbering' || !s.attrs['w:styleId']) continue;
    const numId = val(child(child(child(s, 'w:pPr'), 'w:numPr'), 'w:numId'));
    if (numId) out.set(s.attrs['w:styleId'], numId);
  }
  return out;
}
