import type { RelatedInfo, Span, TextEdit } from '../core/types';
import type { ReportModel } from '../model/types';
import { matchInitialCase, proseBlocks, proseSpan, replaceIn, startsSentence, type ProseBlock } from './prose';
import { ABBREVIATION as ABBR, abbreviationKey, lettersOf, letterSets, matchInitials, matchUnordered, spelledOutIn, STOP, wordsIn } from '../domain/abbreviations';
import type { Report, Rule, RuleContext } from './types';

export { abbreviationKey, matchInitials } from '../domain/abbreviations';

/**
 * Abbreviations are spelled out at their first use with the short form in
 * brackets after the words (`multi-agency safeguarding hub (MASH)`), not used
 * before that, and not spelled out twice; well-known forms need no spelling out;
 * no 'eg', 'ie' or 'etc'. Source: ../shared/domain.md, "House style":
 * "Abbreviations: spelled out at first use, the short form in brackets after it
 * ... Well-known forms (UK, NHS, GCSE, Ofsted, COVID-19) need no expansion.
 * No "eg", "ie", "etc"."
 *
 * Only running text counts: paragraphs and list items, and headings for uses
 * (a heading use alone never makes an abbreviation "used before" it is spelled
 * out). Front matter, table cells, code, link targets and HTML are not read.
 */
export const abbreviations: Rule = {
  id: 'abbreviations',
  summary: "Abbreviations are spelled out at first use, 'words (ABC)', not used before that nor spelled out twice; no 'eg', 'ie' or 'etc'.",
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const blocks = proseBlocks(ctx.model);
    const allowed = allowSet([...ctx.data.abbreviations, ...ctx.config.abbreviations]);
    const byKey = new Map<string, { uses: Use[]; defs: Definition[] }>();
    const partOf = parts(ctx.model);
    for (const pb of blocks) {
      for (const item of scanBlock(pb)) {
        if (isAllowed(allowed, item.key, item.written)) continue;
        if (partOf(item.docStart).heading) continue; // a part's heading names it
        let entry = byKey.get(item.key);
        if (!entry) byKey.set(item.key, (entry = { uses: [], defs: [] }));
        if (item.type === 'use') entry.uses.push(item);
        else entry.defs.push(item);
      }
      checkLatin(ctx, pb);
    }
    for (const [key, { uses, defs }] of byKey) checkOne(ctx, key, uses, freshInParts(defs, partOf));
  },
};

/**
 * The spellings-out that count: a part of its own (the SIF's LSCB review) may
 * spell an abbreviation out afresh at its first use in it, so that one is not
 * "spelled out again" (unless it is the report's first).
 */
function freshInParts(defs: Definition[], partOf: (offset: number) => { index: number }): Definition[] {
  const sorted = [...defs].sort((a, b) => a.docStart - b.docStart);
  const seen = new Set<number>();
  return sorted.filter((d, i) => {
    const part = partOf(d.docStart).index;
    if (part < 0 || seen.has(part)) return true;
    seen.add(part);
    return i === 0;
  });
}

/**
 * Which part of the report an offset is in (the index of a section whose spec
 * is a part of its own, or -1), and whether it is on that part's heading line.
 * Uses in a part count with the whole report's: only a part's own first
 * spelling-out is allowed again.
 */
function parts(model: ReportModel): (offset: number) => { index: number; heading: boolean } {
  const ranges = model.sections.filter((s) => s.spec?.part).map((s) => [s.startLine, s.endLine, s.index]);
  return (offset) => {
    const line = model.lines.lineOf(offset);
    const r = ranges.find(([a, b]) => line >= a && line < b);
    return r ? { index: r[2], heading: line === r[0] } : { index: -1, heading: false };
  };
}

// ---------------------------------------------------------------------------
// Finding abbreviations, their spellings-out and their uses in one block

const TOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}&])${ABBR}(?![\p{L}\p{N}&])`, 'gu');
/** `ABC (words)`: the short form first, the words in brackets (accepted as spelled out). */
/** TOKEN without 'g': a test that keeps no state between calls. */
const TOKEN_ANYWHERE = new RegExp(TOKEN.source, 'u');
const REVERSE = new RegExp(String.raw`(?<![\p{L}\p{N}&])(${ABBR})\s*\(([^()]{3,160})\)`, 'gu');
/** A cheap test that a block may hold an abbreviation at all. */
const MAYBE = /[A-Z][a-z]?[A-Z]/;
/** Letters beyond which a never-spelled-out word in capitals is not taken for an abbreviation. */
const MAX_BARE = 6;
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XX)$/;
const LATIN_CAPS = /^(?:ETC|IE|EG)$/;
/** A name, not an abbreviation in use: in quotes (‘FLOURISH’), or 'known as ECHO'. */
const NAMED_BEFORE = /(?:[‘'“"]|\b(?:known(?: locally)? as|called|named)\s+)$/;
const NAMED_AFTER = /^[’'”"]/;
interface Use {
  type: 'use';
  key: string;
  written: string;
  pb: ProseBlock;
  from: number;
  to: number;
  heading: boolean;
  /** Alone in brackets, but the words before it do not spell it out: `executive director (DCS)`. */
  bracketed: boolean;
  docStart: number;
}

interface Definition {
  type: 'def';
  key: string;
  written: string;
  pb: ProseBlock;
  /** The whole spelling-out in the block: words and bracket (`multi-agency safeguarding hub (MASH)`). */
  from: number;
  to: number;
  /** The words alone, for a forward spelling-out (undefined for `ABC (words)`). */
  words?: { from: number; to: number };
  docStart: number;
}

function scanBlock(pb: ProseBlock): (Use | Definition)[] {
  const text = pb.text;
  const heading = pb.block.kind === 'heading';
  if (heading && !/\p{Ll}/u.test(text)) return []; // a heading all in capitals
  const out: (Use | Definition)[] = [];
  if (!MAYBE.test(text)) return out;
  const taken: [number, number][] = []; // abbreviations that belong to a spelling-out
  const docAt = (i: number) => proseSpan(pb, i, i + 1).start;
  for (const d of spelledOutIn(text)) {
    const at = d.open + text.slice(d.open, d.end).indexOf(d.written);
    taken.push([at, at + d.written.length]);
    out.push({ type: 'def', key: d.key, written: d.written, pb, from: d.words.from, to: d.end, words: d.words, docStart: docAt(d.words.from) });
  }
  for (const m of text.matchAll(REVERSE)) {
    const written = m[1];
    const at = m.index ?? 0;
    if (taken.some(([f]) => f === at)) continue;
    const key = abbreviationKey(written);
    const inner = m[2];
    if (TOKEN_ANYWHERE.test(inner)) continue;
    const words = wordsIn(inner);
    if (!letterSets(key, written).some((letters) => (matchInitials(words, letters, true) ?? matchUnordered(words, letters, true)) !== undefined)) continue;
    taken.push([at, at + written.length]);
    out.push({ type: 'def', key, written, pb, from: at, to: at + m[0].length, docStart: docAt(at) });
  }
  const tokens = [...text.matchAll(TOKEN)];
  const shouting = shoutingRuns(text, tokens);
  for (let i = 0; i < tokens.length; i++) {
    const m = tokens[i];
    const written = m[0];
    const from = m.index ?? 0;
    const to = from + written.length;
    if (shouting[i] || taken.some(([f]) => f === from)) continue;
    if (ROMAN.test(written) || LATIN_CAPS.test(written)) continue;
    const before = text.slice(Math.max(0, from - 24), from);
    if (NAMED_BEFORE.test(before) && (NAMED_AFTER.test(text.slice(to, to + 1)) || !/[‘'“"]$/.test(before))) continue;
    const bracketed = /\(\s*$/.test(text.slice(Math.max(0, from - 8), from)) && /^(?:['’]s?)?\s*\)/.test(text.slice(to, to + 8));
    // The words just before it, with only a comma or a dash between ('education, employment or training, EET,'): spelled out.
    const adjacent = bracketed ? undefined : spelledOutJustBefore(text, from, letterSets(abbreviationKey(written), written));
    if (adjacent) {
      out.push({ type: 'def', key: abbreviationKey(written), written, pb, from: adjacent.from, to, words: adjacent, docStart: docAt(adjacent.from) });
      continue;
    }
    out.push({ type: 'use', key: abbreviationKey(written), written, pb, from, to, heading, bracketed, docStart: docAt(from) });
  }
  return out;
}

/**
 * The expansion of a bare abbreviation, when its words end right before it
 * (set off by a comma or a dash) and fit its letters strictly, in
 * order or as a list in another order ('education, employment or training, EET').
 */
function spelledOutJustBefore(text: string, at: number, sets: string[]): { from: number; to: number } | undefined {
  // A comma or a dash sets it off; three letters or more (two-letter forms follow ordinary words too often).
  const gap = /[\s,:;–—-]*$/.exec(text.slice(Math.max(0, at - 6), at));
  const end = at - (gap ? gap[0].length : 0);
  if (end <= 0 || !gap || !/[,:;–—-]/.test(gap[0]) || sets.every((l) => l.length < 3)) return undefined;
  const all = wordsIn(text.slice(Math.max(0, end - 300), end), Math.max(0, end - 300));
  if (all.length === 0 || all[all.length - 1].to !== end || STOP.has(all[all.length - 1].lower)) return undefined;
  for (const letters of sets) {
    const words = all.slice(-(letters.length * 2 + 4));
    const start = matchInitials(words, letters) ?? matchUnordered(words, letters);
    if (start !== undefined) return { from: words[start].from, to: end };
  }
  return undefined;
}

/**
 * Three or more words in capitals in a row, with only spaces between them, are
 * shouting or a heading in capitals, not abbreviations: true for each such token.
 */
function shoutingRuns(text: string, tokens: RegExpMatchArray[]): boolean[] {
  const out = tokens.map(() => false);
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const joined = i < tokens.length
      && /^[ \t]+$/.test(text.slice((tokens[i - 1].index ?? 0) + tokens[i - 1][0].length, tokens[i].index ?? 0));
    if (joined) continue;
    if (i - start >= 3) for (let k = start; k < i; k++) out[k] = true;
    start = i;
  }
  return out;
}

function allowSet(list: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const entry of list) {
    const word = entry.trim().split(/\s+/)[0];
    if (word) set.add(word.toUpperCase());
  }
  return set;
}

function isAllowed(allowed: Set<string>, key: string, written: string): boolean {
  return allowed.has(written.toUpperCase()) || allowed.has(key.toUpperCase());
}

// ---------------------------------------------------------------------------
// Reporting, once per abbreviation and problem

function lineOf(model: ReportModel, offset: number): number {
  return model.lines.lineOf(offset) + 1;
}

function defSpan(d: Definition): Span {
  return proseSpan(d.pb, d.from, d.to);
}

function checkOne(ctx: RuleContext, key: string, uses: Use[], defs: Definition[]): void {
  const { model } = ctx;
  uses.sort((a, b) => a.docStart - b.docStart);
  defs.sort((a, b) => a.docStart - b.docStart);
  if (defs.length === 0) {
    // A long word in capitals that is never spelled out is emphasis or a programme's name (FLOURISH), not an abbreviation.
    if (uses.length === 0 || lettersOf(key).length > MAX_BARE) return;
    const first = uses[0];
    const times = uses.length === 1 ? 'once' : `${uses.length} times`;
    const inBrackets = uses.find((u) => u.bracketed);
    const message = inBrackets
      ? `'${first.written}' is never spelled out (used ${times}): the words before '(${inBrackets.written})' on line ${lineOf(model, inBrackets.docStart)} do not match its letters; write them in full at its first use.`
      : `'${first.written}' is never spelled out (used ${times}): at its first use, write the words in full with '${first.written}' in brackets after them, or add '${key}' to 'abbreviations' in .inspection-reports.yaml if it is well known.`;
    ctx.report({
      span: proseSpan(first.pb, first.from, first.to),
      message,
      related: uses.slice(1, 6).map((u) => ({ message: `'${u.written}' is used here too`, span: proseSpan(u.pb, u.from, u.to) })),
    });
    return;
  }
  const first = defs[0];
  const early = uses.filter((u) => !u.heading && u.docStart < first.docStart);
  if (early.length > 0) {
    const u = early[0];
    const r: Report = {
      span: proseSpan(u.pb, u.from, u.to),
      message: `'${u.written}' is used before it is spelled out on line ${lineOf(model, first.docStart)}: spell it out here, at its first use.`,
      related: [
        { message: `'${first.written}' is spelled out here`, span: defSpan(first) },
        ...early.slice(1, 5).map((e) => ({ message: `'${e.written}' is also used here before it is spelled out`, span: proseSpan(e.pb, e.from, e.to) })),
      ],
    };
    const fix = moveExpansion(model, u, first);
    if (fix) r.fix = fix;
    ctx.report(r);
  }
  if (defs.length > 1) {
    // Two spellings-out can share words ('Services (ILACS) Inspection of ... (ILACS)'): then no fix, as its edits would overlap.
    const overlapping = (es: TextEdit[]) => es.some((e, i) => es.some((f, j) => j > i && e.start < f.end && f.start < e.end));
    const again = defs.slice(1);
    const edits: TextEdit[] = [];
    for (const d of again) {
      const e = replaceIn(model, d.pb, d.from, d.to, d.written);
      if (e) edits.push(e);
    }
    const related: RelatedInfo[] = [
      { message: `'${first.written}' is first spelled out here`, span: defSpan(first) },
      ...again.slice(1).map((d) => ({ message: `and spelled out again here`, span: defSpan(d) })),
    ];
    ctx.report({
      span: defSpan(again[0]),
      message: `'${again[0].written}' is spelled out ${again.length > 1 ? `${defs.length} times` : 'again'} (first on line ${lineOf(model, first.docStart)}): after the first time, write '${again[0].written}' alone.`,
      related,
      fix: edits.length === again.length && !overlapping(edits) ? { title: `Write '${again[0].written}' alone after its first spelling-out`, edits } : undefined,
    });
  }
}

/**
 * The fix for "used before it is spelled out": the words go to the first use,
 * and the later spelling-out becomes the short form. Offered only when it is
 * mechanical: the same form at both places, plain words (no Markdown), and a
 * capital letter we can account for.
 */
function moveExpansion(model: ReportModel, use: Use, def: Definition): { title: string; edits: TextEdit[] } | undefined {
  if (!def.words || use.written !== def.written) return undefined;
  if (/\(\s*$/.test(use.pb.text.slice(Math.max(0, use.from - 8), use.from))) return undefined; // "(MASH)" not spelled out: leave it to the author
  const raw = def.pb.block.text.slice(def.words.from, def.words.to);
  if (raw !== def.pb.text.slice(def.words.from, def.words.to) || /[*_`[\]<>()\\]/.test(raw)) return undefined;
  let words = raw.replace(/\s+/g, ' ');
  const list = wordsIn(words);
  const proper = list.filter((w) => !STOP.has(w.lower)).every((w) => /^\p{Lu}/u.test(w.text));
  if (/^\p{Lu}/u.test(words) && !proper && startsSentence(def.pb.text, def.words.from)) {
    if (!/^\p{Lu}{2}/u.test(words)) words = words[0].toLowerCase() + words.slice(1);
  }
  if (startsSentence(use.pb.text, use.from)) words = matchInitialCase('A', words);
  const atUse = replaceIn(model, use.pb, use.from, use.to, `${words} (${use.written})`);
  const atDef = replaceIn(model, def.pb, def.from, def.to, def.written);
  if (!atUse || !atDef) return undefined;
  return { title: `Spell out '${use.written}' here and use the short form at line ${lineOf(model, def.docStart)}`, edits: [atUse, atDef] };
}

// ---------------------------------------------------------------------------
// eg, ie, etc

const LATIN = /(?<![\p{L}\p{N}.])(e\.\s?g\.?|eg\.?|i\.\s?e\.?|ie\.?|etc\.?)(?![\p{L}\p{N}])/giu;
/** A cheap test first: most paragraphs have none of these. */
const LATIN_MAYBE = /(?:^|[^a-z])(?:e\.?\s?g|i\.?\s?e|etc)(?:[^a-z]|$)/i;

function checkLatin(ctx: RuleContext, pb: ProseBlock): void {
  if (!LATIN_MAYBE.test(pb.text)) return;
  for (const m of pb.text.matchAll(LATIN)) {
    const written = m[1];
    const from = m.index ?? 0;
    let to = from + written.length;
    const bare = written.toLowerCase().replace(/[\s.]/g, '');
    const span = proseSpan(pb, from, to);
    if (bare === 'etc') {
      ctx.report({ span, message: `House style has no '${written}': name what else is meant, or end the list with 'and other ...' or 'such as ...'.` });
      continue;
    }
    const want = matchInitialCase(written, bare === 'eg' ? 'for example' : 'that is');
    // A full stop at the very end of the paragraph is the sentence's own: keep it.
    if (written.endsWith('.') && pb.text.slice(to).trim() === '') to--;
    const edit = replaceIn(ctx.model, pb, from, to, want);
    ctx.report({
      span,
      message: `House style has no '${written}': write '${want}'.`,
      fix: edit ? { title: `Replace with '${want}'`, edits: [edit] } : undefined,
    });
  }
}
