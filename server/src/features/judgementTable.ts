import type { TextEdit } from '../core/types';
import type { ReportModel } from '../model/types';
import type { Catalog } from '../profiles/types';
import { describeEra, tableJudgements } from '../domain/eras';
import { gradesFor, intendedGrade } from '../domain/grades';

export type TableResult =
  | { ok: true; text: string; snippet: string; edit: TextEdit; era: string; rows: number }
  | { ok: false; message: string };

/** Escapes text for a snippet body: $, } and \ are special. */
export function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** Escapes a choice of a snippet's `${1|a,b|}`: also , and |. */
export function choiceEscape(s: string): string {
  return s.replace(/[$}\\,|]/g, '\\$&');
}

/**
 * The judgement table this report needs, for its kind and inspection start
 * date, as plain text and as a snippet whose grades are choices. A grade
 * already given in a judgement section's heading is offered first. The insertion
 * goes on the given line when it is blank, else after it, with blank lines around.
 */
export function judgementTableFor(model: ReportModel, catalog: Catalog, atLine: number): TableResult {
  if (!model.isReport) return { ok: false, message: 'This file is not a report: its front matter has no `report:` key.' };
  const profile = model.profile;
  if (!profile) return { ok: false, message: `Unknown report kind '${model.kind ?? ''}': no judgement table can be chosen.` };
  if (!profile.graded) return { ok: false, message: `A ${profile.label} gives no grades, so it has no judgement table.` };
  if (model.table) {
    const line = model.table.line + 1;
    return { ok: false, message: `This report already has a judgement table (line ${line}).` };
  }
  const era = model.era;
  if (!era) {
    return { ok: false, message: 'Add `inspection-dates` to the front matter first: the judgements depend on the inspection start date.' };
  }
  const grades = gradesFor(catalog, model);
  const given = new Map<string, string>();
  for (const s of model.sections) {
    const j = s.judgement;
    if (!j?.key || !j.gradeText) continue;
    const meant = intendedGrade(catalog, grades, j.gradeText);
    if (meant && !given.has(j.key)) given.set(j.key, meant);
  }
  const judgements = tableJudgements(catalog, era).filter((j) => !era.optional.includes(j.key) || model.sections.some((s) => s.judgement?.key === j.key));
  const header = '| Judgement | Grade |\n| --- | --- |\n';
  let plain = header;
  let snippet = header;
  judgements.forEach((j, i) => {
    const first = given.get(j.key);
    const choices = first ? [first, ...grades.filter((g) => g !== first)] : grades;
    plain += `| ${j.name} | ${first ?? ''} |\n`;
    snippet += `| ${snippetEscape(j.name)} | \${${i + 1}|${choices.map(choiceEscape).join(',')}|} |\n`;
  });
  const { lines } = model;
  const line = Math.max(0, Math.min(atLine, lines.lineCount - 1));
  let offset: number;
  let before = '';
  let after = '';
  if (lines.line(line).trim() === '') {
    // On a blank line: the table goes here, with a blank line before it; this line stays after it.
    offset = lines.lineStart(line);
    if (line > 0 && lines.line(line - 1).trim() !== '') before = '\n';
  } else if (line + 1 < lines.lineCount) {
    // After this line, as a block of its own.
    offset = lines.lineStart(line + 1);
    before = '\n';
    if (lines.line(line + 1).trim() !== '') after = '\n';
  } else {
    offset = lines.text.length;
    before = '\n\n';
  }
  const text = before + plain + after;
  return {
    ok: true,
    text,
    snippet: snippetEscape(before) + snippet + '$0' + after,
    edit: { start: offset, end: offset, newText: text },
    era: describeEra(catalog, era),
    rows: judgements.length,
  };
}
