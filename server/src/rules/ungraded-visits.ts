import type { Span } from '../core/types';
import { gradesFor, gradeWords } from '../domain/grades';
import { overallMentions } from '../domain/judgements';
import { escapeRegExp } from '../domain/text';
import { looksLikeGrade, matchJudgementName } from '../model/judgements';
import { blockSpan, normalise } from '../model/text';
import type { Catalog } from '../profiles/types';
import type { Rule, RuleContext } from './types';

/**
 * Visit letters give no grades.
 * Source: ../shared/domain.md, "Report layout": focused visits and monitoring
 * visits "are letters and give no grades: no judgement table, no
 * `<judgement>: <grade>` headings. A monitoring letter may name the judgement
 * that started the monitoring"; monitoring visits are "for authorities judged
 * inadequate". ../shared/dialect.md: "Visits are not graded"; "No grades are given."
 */
export const ungradedVisits: Rule = {
  id: 'ungraded-visits',
  summary: 'Focused and monitoring visit letters give no grades: no judgement table, no graded headings, no grade lines.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    const profile = model.profile;
    if (!profile || profile.graded || !profile.letter) return;
    const what = `a ${profile.label}`;
    if (model.table) {
      ctx.report({
        span: model.lines.lineSpan(model.table.line),
        message: `A judgement table has no place in ${what}: visits are not graded. Remove the table.`,
      });
    }
    for (const s of model.sections) {
      const j = s.judgement;
      if (!j || !j.gradeText || !looksLikeGrade(ctx.catalog, j.gradeText)) continue;
      const cut = { start: j.nameSpan.end, end: s.heading.textSpan.end };
      ctx.report({
        span: s.heading.textSpan,
        message: `'${s.heading.text}' gives a grade; ${what} has no '<judgement>: <grade>' headings.`,
        fix: cut.end > cut.start ? { title: 'Remove the grade from the heading', edits: [{ ...cut, newText: '' }] } : undefined,
      });
    }
    checkGradeLines(ctx, what);
    if (profile.kind === 'monitoring-visit') checkMonitoringCause(ctx);
  },
};

/** A line that is only `<judgement>: <grade>` (bold or not), in a paragraph or list item. */
function checkGradeLines(ctx: RuleContext, what: string): void {
  const { catalog, model } = ctx;
  for (const block of model.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    let at = 0;
    for (const line of block.text.split('\n')) {
      const found = gradeLine(catalog, line);
      if (found) {
        const span: Span = blockSpan(block.offsets, at, at + line.length);
        ctx.report({ span, message: `'${found.name}: ${found.grade}' gives a grade; ${what} gives none.` });
      }
      at += line.length + 1;
    }
  }
}

const EMPHASIS = /^[*_]+|[*_]+$/g;

/** "Grade", "Judgement", "Overall grade" (the overall judgement's words, judgements.yaml mentions) before a grade's colon. Once per catalogue. */
const labels = new WeakMap<Catalog, RegExp>();
function gradeLabel(catalog: Catalog): RegExp {
  let re = labels.get(catalog);
  if (!re) {
    const overall = overallMentions(catalog).map((m) => escapeRegExp(m).replace(/ /g, '\\s+')).join('|');
    re = new RegExp(`^(?:${overall ? `(?:${overall})\\s+` : ''})?(?:grade|judgement)$`, 'i');
    labels.set(catalog, re);
  }
  return re;
}

function gradeLine(catalog: Catalog, line: string): { name: string; grade: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const name = line.slice(0, colon).trim().replace(EMPHASIS, '').trim();
  const grade = line.slice(colon + 1).trim().replace(EMPHASIS, '').replace(/\.$/, '').trim();
  if (!name || !grade || !looksLikeGrade(catalog, grade)) return undefined;
  if (!matchJudgementName(catalog, name) && !gradeLabel(catalog).test(name)) return undefined;
  return { name, grade };
}

/** "since the local authority was judged <grade>": made once per catalogue. */
const causes = new WeakMap<Catalog, RegExp>();
function causePattern(catalog: Catalog): RegExp {
  let re = causes.get(catalog);
  if (!re) {
    const words = gradeWords(catalog).map(escapeRegExp).join('|');
    re = new RegExp(`\\bsince\\s+(?:the\\s+)?(?:local\\s+authority|council|authority)(?:'s\\s+children's\\s+services)?\\s+(?:was|were)\\s+(?:judged|found\\s+to\\s+be)\\s+(?:as\\s+)?(${words})\\b`, 'gi');
    causes.set(catalog, re);
  }
  return re;
}

/**
 * A monitoring letter names the judgement that began the monitoring: that
 * judgement is the lowest grade (judgements.yaml: the last of the report's
 * grade set, 'inadequate'). "since the local authority was judged good" is a slip.
 */
function checkMonitoringCause(ctx: RuleContext): void {
  const { catalog, model } = ctx;
  const inadequate = gradesFor(catalog, model).at(-1)?.toLowerCase();
  if (!inadequate) return;
  const re = causePattern(catalog);
  for (const block of model.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    // Most paragraphs say no "since": a plain search first, then the pattern.
    if (!block.text.toLowerCase().includes('since')) continue;
    const text = block.text.replace(/[\u2018\u2019]/g, "'");
    for (const m of text.matchAll(re)) {
      const grade = m[1];
      if (normalise(grade) === inadequate) continue;
      const from = (m.index ?? 0) + m[0].length - grade.length;
      ctx.report({
        span: blockSpan(block.offsets, from, from + grade.length),
        severity: 'warning',
        message: `Monitoring visits follow ${/^[aeiou]/.test(inadequate) ? 'an' : 'a'} ${inadequate} judgement; '${grade}' here is probably a slip for '${inadequate}'.`,
      });
    }
  }
}
