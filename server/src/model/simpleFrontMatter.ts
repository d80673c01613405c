/**
 * Front matter made of plain `key: value` lines only, read without the yaml
 * package: the form every report's front matter takes (dialect.md), and the
 * commonest case by far. Anything outside the subset below gives undefined,
 * and the yaml package reads the text as before (model/frontMatter.ts), so
 * that what is read, and every problem reported, is the yaml package's.
 *
 * The subset: each line is blank or `key: value` at the start of the line,
 * the key a name (letters, digits, '-', '_'), no key twice, no comments, no
 * tabs; the value one of
 *   - a plain scalar that cannot be mistaken for anything else (no leading
 *     indicator, no ': ' or ' #' inside): a string, or a whole number of up
 *     to 15 digits, as YAML 1.2's core schema reads it; anything else that
 *     looks like a number, a boolean or null is left to the yaml package;
 *   - a quoted string without escapes ("..." without '\', '...' without '');
 *   - a flow list of such plain scalars: [a, b, c], or [].
 * test/model/simpleFrontMatter.test.ts checks, on generated front matter,
 * that every value and span read here is the yaml package's.
 */

export interface SimpleEntry {
  key: string;
  value: unknown;
  /** Offsets in the text given. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

const LINE = /^([A-Za-z][A-Za-z0-9_-]*):( +)(.*?) *$/;
/** A first character that makes a plain scalar something else (YAML 1.2 indicators), or space. */
const INDICATOR = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
/** What the core schema reads as a number, a boolean or null: left to the yaml package (bar small whole numbers). */
const NOT_STRING = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const SMALL_WHOLE = /^[0-9]{1,15}$/;
const NO = Symbol('not simple');

/** A plain scalar's value, or NO when it is not in the subset. `flow`: inside [ ] (',' and brackets end it). */
function plain(s: string, flow: boolean): unknown {
  if (s === '' || INDICATOR.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.includes('\t')) return NO;
  if (flow && /[,[\]{}:#]/.test(s)) return NO;
  if (SMALL_WHOLE.test(s)) return Number(s);
  if (NOT_STRING.test(s)) return NO;
  return s;
}

function value(s: string): unknown {
  const c = s.charAt(0);
  if (c === '"') return /^"[^"\\]*"$/.test(s) ? s.slice(1, -1) : NO;
  if (c === "'") return /^'[^']*'$/.test(s) ? s.slice(1, -1) : NO;
  if (c === '[') {
    if (!s.endsWith(']')) return NO;
    const inner = s.slice(1, -1);
    if (inner.trim() === '') return inner.includes('\t') ? NO : [];
    const out: unknown[] = [];
    for (const part of inner.split(',')) {
      const v = plain(part.replace(/^ +| +$/g, ''), true);
      if (v === NO) return NO;
      out.push(v);
    }
    return out;
  }
  return plain(s, false);
}

/** The entries of front matter in the subset (text with '\n' line ends only), in order; undefined otherwise. */
export function readSimpleFrontMatter(text: string): SimpleEntry[] | undefined {
  const out: SimpleEntry[] = [];
  const keys = new Set<string>();
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (/^ *$/.test(line)) continue;
    const m = LINE.exec(line);
    // A key the core schema reads as a boolean or null ('True', 'null') is left to the yaml package too.
    if (!m || keys.has(m[1]) || NOT_STRING.test(m[1])) return undefined;
    const v = value(m[3]);
    if (v === NO) return undefined;
    keys.add(m[1]);
    const valueStart = start + m[1].length + 1 + m[2].length;
    out.push({ key: m[1], value: v, keyStart: start, keyEnd: start + m[1].length, valueStart, valueEnd: valueStart + m[3].length });
  }
  return out;
}
