import { formatOfsted } from '../core/dates';
import { blockSpan } from '../model/text';
import type { Span } from '../core/types';
import type { Rule } from './types';

/**
 * Her or His Majesty's (Chief) Inspector by the document's date.
 * Source: ../shared/domain.md, "Her or His Majesty's Inspector": Queen Elizabeth II
 * died on 8 September 2022; a document dated before then says Her, one dated from
 * 1 October 2022 says His, and between the two either is right.
 */
export const QUEEN_DIED = '2022-09-08';
export const HIS_FROM = '2022-10-01';

const TITLE = /\b(her|his)(\s+)(majesty)(?:['\u2019\u02bc]|&#39;)?s(\s+)((?:chief\s+)?inspector(?:ate|s)?)/gi;

interface Use {
  word: string;
  wordSpan: Span;
  span: Span;
  title: string;
}

export const inspectorTitle: Rule = {
  id: 'inspector-title',
  summary: "Her or His Majesty's Inspector (and Chief Inspector) as the document's date requires.",
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    const date = model.documentDate;
    if (!date) return;
    const uses = findUses(ctx.model.blocks);
    if (uses.length === 0) return;
    const dated = formatOfsted(date);
    if (date < QUEEN_DIED || date >= HIS_FROM) {
      const want = date < QUEEN_DIED ? 'her' : 'his';
      for (const u of uses) {
        if (u.word.toLowerCase() === want) continue;
        const replacement = swapCase(u.word, want);
        const why = want === 'her'
          ? `This document is dated ${dated}, before the Queen died on 8 September 2022: write 'Her Majesty's ${u.title}'.`
          : `This document is dated ${dated}, after the accession of King Charles III: write 'His Majesty's ${u.title}' (from 1 October 2022).`;
        ctx.report({ span: u.span, message: why, fix: { title: `Replace '${u.word}' with '${replacement}'`, edits: [{ ...u.wordSpan, newText: replacement }] } });
      }
      return;
    }
    // 8 to 30 September 2022: either is right; only a document that mixes them is worth a word.
    const first = uses[0].word.toLowerCase();
    for (const u of uses) {
      if (u.word.toLowerCase() === first) continue;
      const replacement = swapCase(u.word, first);
      ctx.report({
        span: u.span,
        severity: 'warning',
        message: `Dated ${dated}, this document may say Her or His Majesty's ${u.title}, but it uses both: keep to '${first === 'her' ? 'Her' : 'His'}' as it does first.`,
        fix: { title: `Replace '${u.word}' with '${replacement}'`, edits: [{ ...u.wordSpan, newText: replacement }] },
      });
    }
  },
};

function findUses(blocks: readonly { text: string; offsets: Int32Array }[]): Use[] {
  const uses: Use[] = [];
  for (const block of blocks) {
    TITLE.lastIndex = 0;
    for (const m of block.text.matchAll(TITLE)) {
      const at = m.index ?? 0;
      uses.push({
        word: m[1],
        wordSpan: blockSpan(block.offsets, at, at + m[1].length),
        span: blockSpan(block.offsets, at, at + m[0].length),
        title: m[5].toLowerCase().split(/\s+/).map((w) => w[0].toUpperCase() + w.slice(1)).join(' '),
      });
    }
  }
  uses.sort((a, b) => a.span.start - b.span.start);
  return uses;
}

/** 'her' or 'his' in the case the author used: Her, HER or her. */
function swapCase(written: string, want: string): string {
  if (written === written.toUpperCase()) return want.toUpperCase();
  if (written[0] === written[0].toUpperCase()) return want[0].toUpperCase() + want.slice(1);
  return want;
}
