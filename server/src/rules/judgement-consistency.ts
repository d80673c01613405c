import type { Fix, Span, TextEdit } from '../core/types';
import type { JudgementRef, Section, TableRow } from '../model/types';
import type { Era } from '../profiles/types';
import { checkRelations } from './judgement-relations';
import {
  canonicalGrade, covers, eraKeys, eraWindow, gradesFor, headingGrade, nameOf, outOfOrder, shortList, shortOf,
} from './judgement-sets';
import { rowJudgement, sectionJudgement } from './shared/nearJudgement';
import type { Rule, RuleContext } from './types';

/**
 * The judgement table and the judgement sections agree, and the judgements
 * relate as they do in published reports.
 * Source: ../shared/domain.md, "Grades" (every judgement in the table has exactly
 * one section, with the table's grade), "Frameworks and judgements" (the table's
 * judgements and order by inspection start date; no overall effectiveness from
 * 1 April 2026), "Report layout" (section order in the body) and "How the
 * judgements relate". The model records a table row with a missing cell under
 * this rule's id (model/parse.ts).
 *
 * A judgement section that is missing altogether is reported by
 * required-sections (which can insert it); a judgement from another era by
 * judgement-names. This rule does not report those again.
 */
export const judgementConsistency: Rule = {
  id: 'judgement-consistency',
  summary: 'The judgement table and the judgement sections agree: one section per judgement, same grade, order, and the relations between grades.',
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { model } = ctx;
    if (!model.profile?.graded) return;
    // An era without a judgement table (the inspections before the SIF) needs none.
    if (!model.table && (!model.era || model.era.table.length > 0)) {
      const at = model.title?.span ?? firstBodyLine(ctx);
      ctx.report({ span: at, message: `A${/^(?:[aeiou]|ILACS|SIF)/i.test(model.profile.label) ? 'n' : ''} ${model.profile.label} gives its judgements in a table with the header '| Judgement | Grade |'; none was found.` });
    }
    const rows = checkTable(ctx);
    checkSections(ctx, rows);
    checkRelations(ctx, rows);
  },
};

function firstBodyLine(ctx: RuleContext): Span {
  const { model } = ctx;
  const line = model.frontMatter ? model.lines.lineOf(model.frontMatter.span.end) + 1 : 0;
  return model.lines.lineSpan(Math.min(line, model.lines.lineCount - 1));
}

/** The first row for each judgement (era key), after reporting duplicates, gaps and order. */
function checkTable(ctx: RuleContext): Map<string, TableRow> {
  const { model, catalog } = ctx;
  const era = model.era;
  const first = new Map<string, TableRow>();
  const table = model.table;
  if (!table) return first;
  const inEra: { row: TableRow; key: string; order: number }[] = [];
  for (const row of table.rows) {
    const e = rowJudgement(ctx, row);
    if (!e) continue;
    const { ref: j, key } = e;
    if (first.has(key)) {
      ctx.report({ span: j.nameSpan, message: `'${j.nameText}' is in the judgement table twice; each judgement has one row.` });
      continue;
    }
    first.set(key, row);
    if (row.cells.length >= 2 && !j.gradeText.trim()) {
      ctx.report({ span: row.span, message: `The judgement table gives no grade for '${j.nameText}'.` });
    }
    if (era && era.table.includes(key)) inEra.push({ row, key, order: era.table.indexOf(key) });
  }
  if (!era) return first;
  // Order: leaders first in the table, then the practice judgements, then overall effectiveness.
  const sorted = [...inEra].sort((a, b) => a.order - b.order);
  const reorder = sorted.length > 0 && sorted.length === table.rows.length ? reorderFix(ctx, table.rows, sorted.map((r) => r.row)) : undefined;
  const wrong = outOfOrder(inEra.map((r) => r.order));
  inEra.forEach((r, i) => {
    if (!wrong.has(i)) return;
    ctx.report({
      span: r.row.judgement!.nameSpan,
      message: `'${shortOf(catalog, r.key)}' is out of order in the judgement table (order: ${shortList(catalog, era.table)}).`,
      fix: reorder,
    });
  });
  // Rows the era needs that are not there (unless a judgement from another era stands for them: judgement-names reports that).
  const others = [...first.keys()].filter((k) => !eraKeys(era).has(k));
  for (const key of era.table) {
    if (first.has(key) || era.optional.includes(key)) continue;
    if (others.some((o) => covers(catalog, o, key))) continue;
    const header = table.rows.length > 0 ? model.lines.lineSpan(table.line) : table.span;
    ctx.report({ span: header, message: `The judgement table has no row for '${nameOf(catalog, key)}', a judgement for ${eraWindow(catalog, era)}.` });
  }
  return first;
}

/** One edit that rewrites the table's rows in the era's order. */
function reorderFix(ctx: RuleContext, rows: TableRow[], ordered: TableRow[]): { title: string; edits: TextEdit[] } | undefined {
  const { model } = ctx;
  const start = rows[0].span.start;
  const end = rows[rows.length - 1].span.end;
  // Only when the rows are consecutive lines.
  for (let i = 1; i < rows.length; i++) if (rows[i].line !== rows[i - 1].line + 1) return undefined;
  const eol = model.text.slice(model.lines.lineEnd(rows[0].line), model.lines.lineStart(rows[0].line + 1)) || '\n';
  const newText = ordered.map((r) => model.text.slice(r.span.start, r.span.end)).join(eol);
  return { title: 'Put the table rows in the order of the judgement set', edits: [{ start, end, newText }] };
}

function checkSections(ctx: RuleContext, rows: Map<string, TableRow>): void {
  const { model, catalog } = ctx;
  const era = model.era;
  const grades = gradesFor(catalog, model);
  const seen = new Map<string, Section>();
  const ordered: { s: Section; key: string; order: number }[] = [];
  for (const s of model.sections) {
    const e = sectionJudgement(ctx, s);
    if (!e) continue;
    const { ref: j, key } = e;
    if (era && !eraKeys(era).has(key)) continue; // another era's judgement: judgement-names
    if (seen.has(key)) {
      ctx.report({ span: s.heading.textSpan, message: `A second section on '${shortOf(catalog, key)}'; each judgement has exactly one section (the first is on line ${seen.get(key)!.heading.line + 1}).` });
      continue;
    }
    seen.set(key, s);
    if (era && !era.sections.includes(key)) {
      ctx.report({ span: s.heading.textSpan, severity: 'warning', message: `'${nameOf(catalog, key)}' has no section of its own: its grade is given in the judgement table.` });
      continue;
    }
    checkGrade(ctx, s, j, rows.get(key), grades);
    if (model.table && !rows.has(key)) {
      ctx.report({ span: j.nameSpan, message: `'${shortOf(catalog, key)}' has a section but no row in the judgement table.` });
    }
    if (era) ordered.push({ s, key, order: era.sections.indexOf(key) });
  }
  if (!era) return;
  const wrong = outOfOrder(ordered.map((o) => o.order));
  ordered.forEach((o, i) => {
    if (wrong.has(i)) ctx.report({ span: o.s.heading.textSpan, message: sectionOrderMessage(ctx, era, o.key) });
  });
}

function sectionOrderMessage(ctx: RuleContext, era: Era, key: string): string {
  const { catalog } = ctx;
  return `The section on '${shortOf(catalog, key)}' is out of order (order in the body: ${shortList(catalog, era.sections)}).`;
}

function checkGrade(ctx: RuleContext, s: Section, j: JudgementRef, row: TableRow | undefined, grades: string[]): void {
  const rj = row?.judgement;
  const tableGrade = rj ? canonicalGrade(ctx.catalog, grades, rj.gradeText) : undefined;
  if (!j.gradeText.trim()) {
    const message = `This judgement heading gives no grade${rj?.gradeText.trim() ? `; the table gives '${rj.gradeText}'` : ''}.`;
    if (!tableGrade || (j.form !== 'colon' && j.form !== 'bare')) {
      ctx.report({ span: s.heading.textSpan, message });
      return;
    }
    const grade = headingGrade(ctx.model, tableGrade);
    const text = j.form === 'bare' ? `: ${grade}` : ` ${grade}`;
    ctx.report({
      span: s.heading.textSpan,
      message,
      fix: { title: `Add the table's grade '${grade}'`, edits: [{ start: j.gradeSpan.start, end: j.gradeSpan.end, newText: text }] },
    });
    return;
  }
  if (!rj || !rj.gradeText.trim()) return;
  const headingGradeCanon = canonicalGrade(ctx.catalog, grades, j.gradeText);
  // A grade that is not a grade at all is grade-wording's to report.
  if (!tableGrade || !headingGradeCanon) return;
  if (tableGrade !== headingGradeCanon) {
    // Which one is wrong is the author's call: offer both, apply neither in "fix all".
    const alternatives: Fix[] = [];
    if (j.form === 'colon') {
      const grade = headingGrade(ctx.model, tableGrade);
      alternatives.push({ title: `Use the table's grade '${grade}' in the heading`, edits: [{ ...j.gradeSpan, newText: grade }] });
    }
    if (rj.gradeSpan.end > rj.gradeSpan.start) {
      alternatives.push({ title: `Use the heading's grade '${headingGradeCanon}' in the table`, edits: [{ ...rj.gradeSpan, newText: headingGradeCanon }] });
    }
    ctx.report({
      span: j.gradeSpan,
      message: `The heading gives '${j.gradeText}' but the judgement table gives '${rj.gradeText}' (line ${row!.line + 1}); they must agree.`,
      alternatives,
    });
  }
}
