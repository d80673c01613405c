import type { Span, TextEdit } from '../core/types';
import { blockSpan } from '../model/text';
import type { ReportModel, TextBlock } from '../model/types';

/**
 * Running text for the house-style rules (abbreviations, focused-spelling,
 * per-cent, ages): the model's text blocks with the Markdown that is not prose
 * blanked out, so that a URL, a link target, a code span or an HTML comment is
 * never read as words. Masking keeps every character's position (each masked
 * character becomes a space; newlines stay), so offsets in `text` are offsets
 * in `block.text`.
 */
export interface ProseBlock {
  block: TextBlock;
  /** block.text with non-prose markup blanked out. */
  text: string;
  /** Document offset where the block's text starts (mapped when first read). */
  readonly start: number;
}

export type ProseKind = TextBlock['kind'];

const MASKS: RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g, // HTML comments (disable comments among them)
  /(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, // code spans: from the start of a run of backticks only (else quadratic on a long run)
  /<(?:https?|mailto):[^<>\s]*>/gi, // autolinks
  /<\/?[A-Za-z][^<>]*>/g, // inline HTML tags
  /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi, // bare URLs
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // email addresses
];

/** Link destinations `](...)` and reference labels `][...]`: the bracketed part after the link text. */
const LINK_TARGET = /\]((?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))|(?:\[[^\]\n]*\]))/g;

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/** The text with code, URLs, link targets and HTML replaced by spaces (same length). */
export function maskMarkup(text: string): string {
  if (!/[`<\]@]|https?:|www\./i.test(text)) return text;
  const chars = text.split(''); // UTF-16 code units, so positions are kept
  for (const re of MASKS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) blank(chars, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  for (const m of text.matchAll(LINK_TARGET)) {
    const at = (m.index ?? 0) + 1;
    blank(chars, at, at + m[1].length);
  }
  return chars.join('');
}

/** Masked blocks per model, so that the rules that read prose mask each block once. */
const cache = new WeakMap<ReportModel, ProseBlock[]>();

/** The model's blocks of the given kinds, masked, in document order. */
export function proseBlocks(model: ReportModel, kinds: readonly ProseKind[] = ['paragraph', 'item', 'heading']): ProseBlock[] {
  let all = cache.get(model);
  if (!all) {
    all = [];
    for (const block of model.blocks) {
      if (block.kind === 'cell') continue;
      all.push({
        block,
        text: maskMarkup(block.text),
        get start() {
          return block.offsets[0] ?? 0;
        },
      });
    }
    // By first line (a stable sort keeps the model's order within a line): a block's offsets are mapped only when a rule needs them.
    all.sort((a, b) => a.block.line - b.block.line);
    cache.set(model, all);
  }
  return all.filter((pb) => kinds.includes(pb.block.kind));
}

/** Document span of [from, to) in a prose block. */
export function proseSpan(pb: ProseBlock, from: number, to: number): Span {
  return blockSpan(pb.block.offsets, from, to);
}

/**
 * True when [from, to) of the block is the same run of characters in the
 * document (nothing stripped in between, such as a list item's indentation),
 * so that replacing the document span replaces exactly those characters.
 */
export function isContiguous(model: ReportModel, pb: ProseBlock, from: number, to: number): boolean {
  if (to <= from) return false;
  const span = proseSpan(pb, from, to);
  return model.text.slice(span.start, span.end) === pb.block.text.slice(from, to);
}

/** An edit replacing [from, to) of the block, or undefined when that is not safe. */
export function replaceIn(model: ReportModel, pb: ProseBlock, from: number, to: number, newText: string): TextEdit | undefined {
  if (!isContiguous(model, pb, from, to)) return undefined;
  const span = proseSpan(pb, from, to);
  return { start: span.start, end: span.end, newText };
}

/** `replacement` with its first letter in the case of `original`'s first letter. */
export function matchInitialCase(original: string, replacement: string): string {
  if (!original || !replacement) return replacement;
  const first = original[0];
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return replacement;
  return replacement[0].toUpperCase() + replacement.slice(1);
}

/**
 * True when position `at` of the block starts a sentence: nothing but a
 * paragraph number, an opening quote or bracket, or emphasis markers before it
 * in the block, or a full stop, question mark or exclamation mark before it.
 */
export function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(/[\s*_‘'"“(\[]+$/u, '');
  if (before === '') return true;
  if (/^\d+(?:\.\d+)*\.?$/.test(before)) return true; // "1.1 " scrutiny paragraph numbers
  return /[.!?]$/.test(before);
}
