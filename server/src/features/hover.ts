import type { Diagnostic, Span } from '../core/types';
import type { JudgementRef, ReportModel } from '../model/types';
import { normalise } from '../model/text';
import type { Catalog } from '../profiles/types';
import { describeEra, erasWithGrade, frameworkName, erasWithJudgement } from '../domain/eras';
import { gradeMeaning, gradesFor, isOlderGrade } from '../domain/grades';
import { shortOf } from '../domain/judgements';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  span: Span;
}

export interface HoverInput {
  model: ReportModel;
  catalog: Catalog;
  offset: number;
  diagnostics: readonly Diagnostic[];
  /** A link to a rule's docs page, if it has one. */
  ruleLink(ruleId: string): string | undefined;
  /** A rule's one-line summary, if the rule is known. */
  ruleSummary(ruleId: string): string | undefined;
}

const contains = (s: Span, o: number) => o >= s.start && (o < s.end || (s.start === s.end && o === s.start));

/**
 * What to show on hover: on a diagnostic, its rule in one line with a link to
 * its page (the message itself is the editor's to show); on a judgement name or
 * a grade, what it is and which era it belongs to.
 */
export function hoverAt(input: HoverInput): HoverResult | undefined {
  const { model, offset } = input;
  const here = input.diagnostics.filter((d) => contains(d.span, offset));
  const parts: string[] = [];
  let span: Span | undefined;
  const seen = new Set<string>();
  for (const d of here) {
    if (seen.has(d.ruleId)) continue;
    seen.add(d.ruleId);
    span = span ? { start: Math.min(span.start, d.span.start), end: Math.max(span.end, d.span.end) } : d.span;
    const link = input.ruleLink(d.ruleId);
    const summary = input.ruleSummary(d.ruleId);
    parts.push(`**${d.ruleId}**${summary ? `: ${summary}` : ''}${link ? ` ([rule page](${link}))` : ''}`);
  }
  const refs: JudgementRef[] = [];
  for (const r of model.table?.rows ?? []) if (r.judgement) refs.push(r.judgement);
  for (const s of model.sections) if (s.judgement) refs.push(s.judgement);
  for (const j of refs) {
    if (contains(j.nameSpan, offset)) {
      const text = judgementHover(input.catalog, model, j);
      if (text) {
        parts.push(text);
        span ??= j.nameSpan;
      }
      break;
    }
    if (j.gradeText && contains(j.gradeSpan, offset)) {
      parts.push(gradeHover(input.catalog, model, j.gradeText, j.form === 'cell' ? 'table' : 'heading'));
      span ??= j.gradeSpan;
      break;
    }
  }
  if (parts.length === 0 || !span) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), span };
}

function eraList(catalog: Catalog, eras: { id: string }[]): string {
  return eras.map((e) => `- ${describeEra(catalog, catalog.eras.find((x) => x.id === e.id)!)}`).join('\n');
}

/** A judgement's exact name, the eras whose table has it, and whether this report's era does. */
export function judgementHover(catalog: Catalog, model: ReportModel, j: JudgementRef): string | undefined {
  if (!j.key) return undefined;
  const spec = catalog.judgements[j.key];
  if (!spec) return undefined;
  const eras = erasWithJudgement(catalog, j.key);
  const lines = [`**Judgement:** ${spec.name}`];
  if (!j.exact || j.nameText !== spec.name) lines.push(`Written here as “${j.nameText}”; the exact name is “${spec.name}”.`);
  if (eras.length > 0) lines.push(`In the judgement table of:\n${eraList(catalog, eras)}`);
  if (model.era) {
    const ok = model.era.table.includes(j.key);
    const eraText = describeEra(catalog, model.era);
    lines.push(ok ? `This report (${eraText}) has this judgement.` : `**Not a judgement of this report's era** (${eraText}).`);
  }
  return lines.join('\n\n');
}

/** A heading's end as an example, from the catalogue: the first practice judgement's short name and the lowest grade ('help and protection: inadequate'). */
function headingExample(catalog: Catalog, model: ReportModel): string {
  const era = model.era ?? [...catalog.eras].sort((a, b) => b.from.localeCompare(a.from))[0];
  const key = era?.practice[0] ?? era?.sections[0];
  return `${key ? shortOf(catalog, key) : 'judgement'}: ${(gradesFor(catalog, model).at(-1) ?? '').toLowerCase()}`;
}

/** What a grade means, the eras it belongs to and the form its place needs. */
export function gradeHover(catalog: Catalog, model: ReportModel, written: string, place: 'table' | 'heading'): string {
  const n = normalise(written).replace(/^['‘"“]+|['’"”]+$/g, '');
  const lines: string[] = [];
  const meaning = gradeMeaning(catalog, n);
  if (meaning) {
    // The lowest grade has a consequence worth saying (domain.md: monitoring visits follow an inadequate judgement).
    const lowest = catalog.eras.some((e) => (catalog.grades[e.grades] ?? []).at(-1)?.toLowerCase() === n);
    lines.push(`**Grade:** ${written}: ${meaning}${lowest ? `; an authority judged ${n} overall has monitoring visits until it is inspected again` : ''}.`);
    const eras = erasWithGrade(catalog, n);
    if (eras.length > 0) lines.push(`A grade in:\n${eraList(catalog, eras)}`);
    if (model.era && eras.length > 0) {
      const ok = eras.some((e) => e.id === model.era!.id);
      if (!ok) lines.push(`**Not a grade of this report's era** (${describeEra(catalog, model.era)}).`);
    }
  } else if (isOlderGrade(catalog, n)) {
    lines.push(`**“${written}”** is older wording. It is not a grade of ${frameworksList(catalog)}.`);
  } else if (Object.prototype.hasOwnProperty.call(catalog.notGrades, n)) {
    lines.push(`**“${written}”** is an education report-card word. It is never an ILACS grade.`);
  } else {
    lines.push(`**“${written}”** is not a grade. The grades are: ${gradesFor(catalog, model).join(', ')}.`);
  }
  lines.push(place === 'table'
    ? `In the judgement table: sentence case, no full stop (\`${longest(gradesFor(catalog, model))}\`).`
    : `In a section heading: lower case after the colon from 2021 (\`…${headingExample(catalog, model)}\`); capitalised was usual from 2018 to 2020.`);
  return lines.join('\n\n');
}

function longest(grades: readonly string[]): string {
  return grades.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** 'the SIF or ILACS': the frameworks the eras belong to. */
function frameworksList(catalog: Catalog): string {
  return [...new Set(catalog.eras.map((e) => frameworkName(e.framework)))].join(' or ');
}
