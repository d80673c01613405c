import { proseBlocks, proseSpan, replaceIn } from './prose';
import type { Rule } from './types';

/**
 * Percentages as figures with the % sign: `10%`, not "10 per cent" or
 * "10 percent". Source: ../shared/domain.md, "House style": `10%`, not "per cent".
 */
export const perCent: Rule = {
  id: 'per-cent',
  summary: "Percentages are written '10%', not '10 per cent' or '10 percent'.",
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    for (const pb of proseBlocks(model)) {
      if (!/cent/i.test(pb.text)) continue;
      for (const m of pb.text.matchAll(PER_CENT)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        const want = `${m[1]}%`;
        const edit = replaceIn(model, pb, from, to, want);
        ctx.report({
          span: proseSpan(pb, from, to),
          message: `Write percentages with the % sign: '${want}', not '${m[0].replace(/\s+/g, ' ')}'.`,
          fix: edit ? { title: `Replace with '${want}'`, edits: [edit] } : undefined,
        });
      }
    }
  },
};

/**
 * A figure (digits, thousands commas, decimals) then 'per cent', 'per-cent' or
 * 'percent'. 'percentage' and 'percentile' are other words. A number in words
 * ('Eighty per cent of ...' at the start of a sentence) is left alone: a
 * sentence does not start with a figure.
 */
const PER_CENT = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<![\p{L}\p{N}])per(?:\s+|-)?cent(?![\p{L}\p{N}])/giu;
