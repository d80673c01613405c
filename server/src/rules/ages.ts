import { proseBlocks, proseSpan, replaceIn, type ProseBlock } from './prose';
import type { Report, Rule } from './types';

/**
 * Ages in Ofsted's form: `16- and 17-year-olds`, `18-year-olds`, `a 17-year-old
 * child`, `aged 18 to 21`. Source: ../shared/domain.md, "House style": "Ages:
 * `16- and 17-year-olds`, `18-year-olds`; `aged 18 to 21`." '18 years old' is
 * ordinary English and is left alone.
 */
export const ages: Rule = {
  id: 'ages',
  summary: "Ages are written '16- and 17-year-olds', '18-year-olds' and 'aged 18 to 21'.",
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    const say = (pb: ProseBlock, from: number, to: number, want: string, why: string) => {
      const edit = replaceIn(model, pb, from, to, want);
      const r: Report = { span: proseSpan(pb, from, to), message: `Write '${want}', not '${pb.block.text.slice(from, to).replace(/\s+/g, ' ')}': ${why}.` };
      if (edit) r.fix = { title: `Replace with '${want}'`, edits: [edit] };
      ctx.report(r);
    };
    for (const pb of proseBlocks(model)) {
      if (!MAYBE.test(pb.text)) continue;
      const taken: [number, number][] = [];
      for (const m of pb.text.matchAll(PAIR)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        taken.push([from, to]);
        const [, a, sep1, conj, space, b, sep2, year, sep3, old] = m;
        // A line break is a space in Markdown: '16-' at the end of a line, 'and 17-year-olds' on the next, is right.
        if (sep1.replace(/\s+/g, ' ') === '- ' && /^\s+$/.test(space) && sep2 === '-' && sep3 === '-') continue;
        say(pb, from, to, `${a}- ${conj.toLowerCase()} ${b}-${year}-${old}`, 'both ages take a hyphen, and year-olds is hyphenated');
      }
      for (const m of pb.text.matchAll(SINGLE)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        if (taken.some(([f, t]) => from < t && f < to)) continue;
        const [, a, sep1, year, sep2, old] = m;
        if (sep1 === '-' && sep2 === '-') continue;
        say(pb, from, to, `${a}-${year}-${old}`, 'an age used as a noun or before a noun is hyphenated');
      }
      for (const m of pb.text.matchAll(AGED_RANGE)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        const [, aged, between, a, b] = m;
        const want = between ? `${aged} between ${a} and ${b}` : `${aged} ${a} to ${b}`;
        say(pb, from, to, want, `age ranges use '${between ? 'and' : 'to'}', not a dash`);
      }
    }
  },
};

/** One or two digits, not part of a bigger number or of a range like '18–24'. */
/** A cheap test first: most paragraphs mention no ages. */
const MAYBE = /year|aged/i;

const AGE = String.raw`(?<![\p{L}\p{N}.,\-–—/])(\d{1,2})`;

/** "16 and 17 year olds", "16 and 17-year-olds", "16- and 17-year olds", "16 or 17 year old". */
const PAIR = new RegExp(String.raw`${AGE}(\s*-\s*|\s+)(and|or|to)(\s+)(\d{1,2})([ \t\n-]+)(year)([ \t\n-]+)(olds?)(?![\p{L}\p{N}])`, 'giu');

/** "18 year olds", "18-year olds", "18 year-old", "an 18 year old care leaver"; never "18 years old". */
const SINGLE = new RegExp(String.raw`${AGE}([ \t\n-]+)(year)([ \t\n-]+)(olds?)(?![\p{L}\p{N}])`, 'giu');

/** "aged 18-21", "aged 18–21", "aged 18 - 21", "aged between 18-21": a dash in an age range. */
const AGED_RANGE = /(?<![\p{L}\p{N}])(aged)\s+(between\s+)?(\d{1,2})\s*[-–—]\s*(\d{1,2})(?![\p{N}-])/giu;
