import type { Span } from '../core/types';
import { matchJudgementName } from '../model/judgements';
import type { ReportModel } from '../model/types';
import type { ProfileSet } from '../profiles/types';
import { definedBefore, fullForm } from './abbreviations';
import { describeEra, sectionJudgements, tableJudgements } from '../domain/eras';
import { gradesFor, headingGrade, intendedGrade, modernHeadings } from '../domain/grades';
import { choiceEscape, snippetEscape } from './judgementTable';
import { snippetOffers, type SnippetOffer } from './snippets';
import { allRules } from '../rules/index';

export type CompletionKind = 'judgement' | 'grade' | 'heading' | 'abbreviation' | 'kind' | 'key' | 'value' | 'rule' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Plain text to insert over `replace`. */
  insertText: string;
  /** The same as a snippet with tab stops, where one helps. */
  snippet?: string;
  replace: Span;
  sortText: string;
  /** A few words beside the label (the suggestion list shows them after it). */
  labelDescription?: string;
  /** The entry to select first. */
  preselect?: boolean;
}

/**
 * What to offer at an offset: judgement names and grades in the judgement
 * table; grades after a judgement name in a heading (only those of the report's
 * era, in the heading's form); the section headings the report still lacks; the
 * full form of an abbreviation not yet spelled out; kinds, keys and values in
 * the front matter; rule ids in a disable comment; the `ir-` snippets where
 * they fit (features/snippets.ts).
 */
export function completionsAt(model: ReportModel, profiles: ProfileSet, offset: number): CompletionEntry[] {
  const { lines } = model;
  const o = Math.max(0, Math.min(offset, model.text.length));
  const line = lines.lineOf(o);
  const lineStart = lines.lineStart(line);
  const lineText = lines.line(line);
  const before = model.text.slice(lineStart, o);
  const fmEnd = model.frontMatter ? lines.lineOf(model.frontMatter.span.end) : -1;
  if (line > 0 && line < fmEnd) return frontMatterCompletions(model, profiles, before, lineStart, lineText);
  const snippets = snippetOffers(model, profiles, o);
  if (snippets.length > 0) return snippets.map(snippetEntry);
  if (!model.isReport || line <= fmEnd) return [];
  const rules = ruleIdCompletions(before, o);
  if (rules) return rules;
  if (/^\s{0,3}\|/.test(lineText) && inTable(model, line)) return tableCompletions(model, profiles, before, lineStart, lineText, line);
  const heading = /^(\s{0,3}#{2,6}[ \t]+)/.exec(lineText);
  if (heading && before.length >= heading[1].length) return headingCompletions(model, profiles, heading[1].length, lineStart, lineText, o);
  return abbreviationCompletions(model, before, o);
}

function inTable(model: ReportModel, line: number): boolean {
  const t = model.table;
  if (!t) return false;
  const last = model.lines.lineOf(t.span.end);
  return line >= t.line + 2 && line <= last + 1;
}

function entry(e: Omit<CompletionEntry, 'sortText'>, order: number): CompletionEntry {
  return { ...e, sortText: String(order).padStart(4, '0') };
}

/** The cell the cursor is in: its index and content span (trimmed). */
function cellAt(before: string, lineStart: number, lineText: string): { index: number; span: Span } {
  let pipes = 0;
  let lastPipe = -1;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '\\') {
      i++;
      continue;
    }
    if (before[i] === '|') {
      pipes++;
      lastPipe = i;
    }
  }
  let end = lineText.length;
  for (let i = before.length; i < lineText.length; i++) {
    if (lineText[i] === '\\') {
      i++;
      continue;
    }
    if (lineText[i] === '|') {
      end = i;
      break;
    }
  }
  let start = lastPipe + 1;
  while (start < before.length && lineText[start] === ' ') start++;
  while (end > start && lineText[end - 1] === ' ' && end - 1 >= before.length) end--;
  return { index: pipes - 1, span: { start: lineStart + start, end: lineStart + Math.max(start, end) } };
}

function tableCompletions(model: ReportModel, profiles: ProfileSet, before: string, lineStart: number, lineText: string, line: number): CompletionEntry[] {
  const { catalog } = profiles;
  const cell = cellAt(before, lineStart, lineText);
  if (cell.index === 0) {
    const present = new Set((model.table?.rows ?? []).filter((r) => r.line !== line && r.judgement?.key).map((r) => r.judgement!.key!));
    const era = model.era;
    const specs = era
      ? tableJudgements(catalog, era)
      : catalog.eras.filter((e) => e.framework === (model.profile?.framework ?? 'ilacs')).flatMap((e) => tableJudgements(catalog, e))
        .filter((j, i, all) => all.findIndex((k) => k.key === j.key) === i);
    const detail = era ? describeEra(catalog, era) : 'the set depends on the inspection start date';
    return specs
      .filter((j) => !present.has(j.key))
      .map((j, i) => entry({ label: j.name, kind: 'judgement', detail, insertText: j.name, replace: cell.span }, i));
  }
  if (cell.index === 1) {
    return gradesFor(catalog, model).map((g, i) => entry({ label: g, kind: 'grade', detail: 'grade, in the table (sentence case)', insertText: g, replace: cell.span }, i));
  }
  return [];
}

function headingCompletions(model: ReportModel, profiles: ProfileSet, textStart: number, lineStart: number, lineText: string, offset: number): CompletionEntry[] {
  const { catalog } = profiles;
  const text = lineText.slice(textStart);
  const col = offset - lineStart - textStart;
  const colon = text.lastIndexOf(':', col - 1);
  const modern = modernHeadings(model);
  const lineEndTrim = lineStart + lineText.trimEnd().length;
  if (colon > 0) {
    const match = matchJudgementName(catalog, text.slice(0, colon));
    if (!match) return [];
    let from = lineStart + textStart + colon + 1;
    while (from < lineEndTrim && model.text[from] === ' ') from++;
    const replace = { start: Math.min(from, offset), end: Math.max(lineEndTrim, offset) };
    const grades = gradesFor(catalog, model);
    const forms = modern ? grades.map((g) => g.toLowerCase()) : [...grades, ...grades.map((g) => g.toLowerCase())];
    const insertPrefix = /[ \t]/.test(model.text[lineStart + textStart + colon + 1] ?? '') ? '' : ' ';
    const detail = modern ? 'grade, in a heading (lower case from 2021)' : 'grade (2018 to 2020: capitalised was usual)';
    return forms.map((g, i) => entry({ label: g, kind: 'grade', detail, insertText: insertPrefix + g, replace }, i));
  }
  const replace = { start: lineStart + textStart, end: Math.max(lineEndTrim, offset) };
  const out: CompletionEntry[] = [];
  const profile = model.profile;
  if (!profile) return out;
  const presentIds = new Set(model.sections.map((s) => s.spec?.id).filter((x): x is string => !!x));
  for (const s of model.sections) if (s.spec?.alternativeTo) presentIds.add(s.spec.alternativeTo);
  let order = 0;
  const specs = [...profile.sections].sort((a, b) => Number(b.required) - Number(a.required));
  for (const spec of specs) {
    if (!spec.heading || presentIds.has(spec.id)) continue;
    if (spec.alternativeTo && presentIds.has(spec.alternativeTo)) continue;
    if (profile.sections.some((o) => o.alternativeTo === spec.id && presentIds.has(o.id))) continue;
    out.push(entry({
      label: spec.heading,
      kind: 'heading',
      detail: `${spec.required ? 'required' : 'optional'} section of a ${profile.label}`,
      insertText: spec.heading,
      replace,
    }, order++));
  }
  if (profile.graded && model.era) {
    const present = new Set(model.sections.map((s) => s.judgement?.key).filter((k): k is string => !!k));
    const grades = gradesFor(catalog, model);
    const fromTable = new Map<string, string>();
    for (const r of model.table?.rows ?? []) {
      const j = r.judgement;
      const meant = j?.key && j.gradeText ? intendedGrade(catalog, grades, j.gradeText) : undefined;
      if (j?.key && meant) fromTable.set(j.key, meant);
    }
    for (const j of sectionJudgements(catalog, model.era)) {
      if (present.has(j.key)) continue;
      const known = fromTable.get(j.key);
      const grade = known ? headingGrade(model, known) : undefined;
      const choices = grades.map((g) => headingGrade(model, g));
      out.push(entry({
        label: `${j.name}: ${grade ?? '…'}`,
        kind: 'heading',
        detail: known ? 'judgement section, grade from the table' : `judgement section (${describeEra(catalog, model.era)})`,
        insertText: `${j.name}: ${grade ?? ''}`,
        snippet: grade ? undefined : `${snippetEscape(j.name)}: \${1|${choices.map(choiceEscape).join(',')}|}`,
        replace,
      }, order++));
    }
  }
  return out;
}

const ABBR_BEFORE = /(^|[^A-Za-z0-9&-])([A-Z][A-Za-z&]*[A-Z]s?)$/;

function abbreviationCompletions(model: ReportModel, before: string, offset: number): CompletionEntry[] {
  const m = ABBR_BEFORE.exec(before);
  if (!m) return [];
  const abbr = m[2];
  const start = offset - abbr.length;
  if (definedBefore(model, abbr, start)) return [];
  const found = fullForm(model, abbr);
  if (!found) return [];
  const text = `${found.full} (${abbr})`;
  return [entry({
    label: text,
    kind: 'abbreviation',
    detail: found.source === 'document' ? 'spelled out as later in this report' : 'full form, then the abbreviation',
    documentation: 'Abbreviations are spelled out at first use, with the short form in brackets after it.',
    insertText: text,
    replace: { start, end: offset },
  }, 0)];
}

function frontMatterCompletions(model: ReportModel, profiles: ProfileSet, before: string, lineStart: number, lineText: string): CompletionEntry[] {
  const kindValue = /^report:[ \t]*([\w-]*)$/.exec(before);
  if (kindValue) {
    const start = lineStart + before.length - kindValue[1].length;
    const end = lineStart + lineText.trimEnd().length;
    return [...profiles.profiles.values()]
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map((p, i) => entry({ label: p.kind, kind: 'kind', detail: p.label, insertText: p.kind, replace: { start, end: Math.max(start, end) } }, i));
  }
  const profile = model.profile;
  if (!profile) return [];
  const value = /^([\w-]+):[ \t]*([\w-]*)$/.exec(before);
  if (value) {
    const spec = profile.frontMatter[value[1]];
    if (!spec?.values) return [];
    const start = lineStart + before.length - value[2].length;
    return spec.values.map((v, i) => entry({ label: v, kind: 'value', detail: `${value[1]} for a ${profile.label}`, insertText: v, replace: { start, end: lineStart + lineText.trimEnd().length } }, i));
  }
  const key = /^([\w-]*)$/.exec(before);
  if (!key) return [];
  const present = new Set(model.frontMatter?.entries.keys() ?? []);
  const start = lineStart;
  return Object.entries(profile.frontMatter)
    .filter(([k]) => !present.has(k))
    .sort((a, b) => Number(b[1].required) - Number(a[1].required) || a[0].localeCompare(b[0]))
    .map(([k, spec], i) => entry({
      label: k,
      kind: 'key',
      detail: `${spec.required ? 'required' : 'optional'}: ${spec.type}${spec.values ? ` (${spec.values.join(', ')})` : ''}`,
      insertText: `${k}: `,
      replace: { start, end: lineStart + before.length },
    }, i));
}

function snippetEntry(s: SnippetOffer): CompletionEntry {
  return {
    label: s.label, kind: 'snippet', detail: s.detail, labelDescription: s.short, insertText: s.plain, snippet: s.snippet,
    replace: s.replace, sortText: s.sortText, preselect: s.preselect || undefined,
  };
}

const DISABLE_BEFORE = /<!--\s*inspection-reports-(?:disable-next-line|disable|enable)((?:[ \t]+[\w-]+)*)[ \t]+([\w-]*)$/;

/**
 * In a disable comment, after its keyword: every rule id not yet named there,
 * the core rules and the history's (finding-links, recurring-concern,
 * quoted-grade) alike. Undefined when the cursor is not in one.
 */
export function ruleIdCompletions(before: string, offset: number): CompletionEntry[] | undefined {
  const m = DISABLE_BEFORE.exec(before);
  if (!m) return undefined;
  const named = new Set(m[1].trim().split(/\s+/));
  const replace = { start: offset - m[2].length, end: offset };
  const rules = allRules.map((r) => ({ id: r.id, detail: r.needsHistory ? `${r.summary} (needs the history)` : r.summary }));
  return rules.filter((r) => !named.has(r.id))
    .map((r, i) => entry({ label: r.id, kind: 'rule', detail: r.detail, insertText: r.id, replace }, i));
}
