import type { Fix, RelatedInfo } from '../core/types';
import { idChangeSummary, planNumbering, type Anomaly, type NumberingPlan, type NumberedItem } from './shared/renumber';
import { sectionJudgement } from './shared/nearJudgement';
import type { Rule } from './types';

export { planNumbering, renumberIdMap, linksToRenumber } from './shared/renumber';

/**
 * Paragraph numbers run without gaps, repeats or restarts: continuously from 1
 * at the first judgement section (ILACS), N.M inside `## N.` sections and
 * recommendations 1..n (scrutiny). Source: ../shared/domain.md "Report layout"
 * and "Council scrutiny reports"; ../shared/dialect.md "ILACS inspection report"
 * and "Council scrutiny report".
 */
export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  summary: 'Numbered paragraphs, sections and recommendations run 1, 2, 3 ... without gaps, repeats or restarts.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    // A judgement heading one word off its name still starts the numbering (one defect, one diagnostic).
    const plan = planNumbering(ctx.model, (s) => !!s.judgement || !!sectionJudgement(ctx, s));
    if (plan.anomalies.length === 0 && plan.lostStops.length === 0) return;
    const fix = plan.anomalies.length > 0 ? renumberFix(plan) : undefined;
    const related = plan.anomalies.length > 0 ? relatedInfo(plan) : undefined;
    for (const a of plan.anomalies) {
      ctx.report({ span: a.item.span, message: describe(a), fix, related });
    }
    for (const it of plan.lostStops) {
      if (plan.anomalies.some((a) => a.item === it)) continue;
      ctx.report({
        span: it.span,
        message: `Paragraph ${it.printed} has lost the full stop after its number, so it is not a numbered paragraph: write '${it.printed}.'.`,
        fix: { title: `Write '${it.printed}.'`, edits: [{ ...it.digits, newText: `${it.printed}.` }] },
      });
    }
  },
};

function label(a: Anomaly): { what: string; first: string } {
  switch (a.sequence.kind) {
    case 'section':
      return { what: 'Section', first: "Numbered sections run '## 1.', '## 2.' ..." };
    case 'section-paragraph':
      return { what: 'Paragraph', first: `Paragraphs in section ${a.sequence.sectionNumber} run ${a.sequence.sectionNumber}.1, ${a.sequence.sectionNumber}.2 ...` };
    case 'recommendation':
      return { what: 'Recommendation', first: 'Recommendations are numbered from 1' };
    default:
      return { what: 'Paragraph', first: 'Numbered paragraphs start at 1 at the first judgement section' };
  }
}

function describe(a: Anomaly): string {
  const { what, first } = label(a);
  const it = a.item;
  const prev = a.previous?.printed ?? '';
  const also = it.target !== it.printed ? ` In sequence it is ${it.target}.` : '';
  switch (a.kind) {
    case 'start':
      return `${first}; this one is numbered ${it.printed}.${also}`;
    case 'gap':
      return `${what} numbers jump from ${prev} to ${it.printed}.${also}`;
    case 'repeat':
      return prev === it.printed
        ? `${what} number ${it.printed} is used twice.${also}`
        : `${what} number ${it.printed} repeats the count of the one before it (${prev}).${also}`;
    case 'restart':
      return a.sequence.kind === 'paragraph'
        ? `Paragraph numbering restarts at ${it.printed} after ${prev}: numbering continues across sections.${also}`
        : `${what} numbering restarts at ${it.printed} after ${prev}.${also}`;
    case 'order':
      return `${what} number ${it.printed} is out of order after ${prev}.${also}`;
    case 'wrong-section': {
      const s = it.section!;
      return `Paragraph ${it.printed} is in section ${s.sectionPrinted}: its number starts ${s.sectionPrinted}.${also}`;
    }
  }
}

function changesText(plan: NumberingPlan, max = 4): string {
  const c = plan.idChanges;
  if (c.length === 0) return '';
  const shown = c.slice(0, max).map((x) => `${x.from} -> ${x.to}`).join(', ');
  return ` (${shown}${c.length > max ? `, and ${c.length - max} more` : ''})`;
}

function renumberFix(plan: NumberingPlan): Fix {
  return { title: `Renumber the document${changesText(plan)}`, edits: plan.edits };
}

/**
 * Said once: how many finding ids renumbering changes, and which (issue 13
 * class 8). The links in other reports that point at a changed id are added by
 * the front end that knows those reports (`withInboundLinks`).
 */
function relatedInfo(plan: NumberingPlan): RelatedInfo[] {
  const c = plan.idChanges;
  if (c.length === 0) return [];
  const byId = new Map<string, NumberedItem>();
  for (const seq of plan.sequences) for (const it of seq.items) if (it.paragraph && !byId.has(`para-${it.printed}`)) byId.set(`para-${it.printed}`, it);
  return [{ message: idChangeSummary(c), span: byId.get(c[0].from)?.span }];
}
