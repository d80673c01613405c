import { proseBlocks, proseSpan, replaceIn } from './prose';
import type { Rule } from './types';

/**
 * 'focused', not 'focussed', in every form: focussing, focusses, refocussed,
 * unfocussed. Source: ../shared/domain.md, "Focused visits ...": Ofsted writes
 * "focused", not "focussed".
 */
export const focusedSpelling: Rule = {
  id: 'focused-spelling',
  summary: "Ofsted spells 'focused' with one s: not 'focussed', 'focussing' or 'refocussed'.",
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    for (const pb of proseBlocks(model)) {
      if (!/focuss/i.test(pb.text)) continue;
      for (const m of pb.text.matchAll(DOUBLE_S)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        const written = m[0];
        const want = written.replace(/(ocu)s(s)/i, '$1$2');
        const edit = replaceIn(model, pb, from, to, want);
        ctx.report({
          span: proseSpan(pb, from, to),
          message: `Ofsted writes '${want}', not '${written}' (one s).`,
          fix: edit ? { title: `Replace with '${want}'`, edits: [edit] } : undefined,
        });
      }
    }
  },
};

/** focussed, focussing, focusses; with re- or un- in front; any case. */
const DOUBLE_S = /(?<![\p{L}\p{N}])(?:re|un)?focuss(?:ed|ing|es)(?![\p{L}\p{N}])/giu;
