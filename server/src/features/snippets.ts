/**
 * The `ir-` snippets, offered by the language server's completion rather than
 * contributed to VS Code as static snippets (issue 12, item 8): VS Code asks no
 * provider while typing in Markdown (its quick suggestions are off there), but
 * it does ask the provider that registered a trigger character, and `-` is
 * ours; a static snippet also cannot know the report it lands in. Here the
 * server picks what fits where the cursor is:
 *
 * - at the start of a file without front matter: the front matter of each kind
 *   and the whole letters and scrutiny report;
 * - in a report's body, at the start of a line: the judgement table whose era
 *   the inspection start date names first (the others after, in case the date
 *   is wrong), judgement sections numbered from the next paragraph, a scrutiny
 *   section with the next section number, the sections the kind's profile has,
 *   and a disable comment with every rule id.
 *
 * The bodies are data: snippets/*.json, bundled into the server.
 */
import type { Span } from '../core/types';
import type { ReportModel } from '../model/types';
import type { Catalog, Era, ProfileSet } from '../profiles/types';
import { allRules } from '../rules/index';
import { describeEra } from '../domain/eras';
import frontMatterSnippets from '../../../snippets/front-matter.json';
import judgementTableSnippets from '../../../snippets/judgement-tables.json';
import letterSnippets from '../../../snippets/letters.json';
import scrutinySnippets from '../../../snippets/scrutiny.json';
import sectionSnippets from '../../../snippets/sections.json';

/** A snippet as the JSON files hold it (VS Code's snippet file format). */
export interface SnippetDef {
  name: string;
  prefixes: string[];
  description: string;
  body: string;
}

type Raw = Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;

function read(raw: Raw): SnippetDef[] {
  return Object.entries(raw).map(([name, s]) => ({
    name,
    prefixes: ([] as string[]).concat(s.prefix),
    description: s.description ?? name,
    body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
  }));
}

/** Every snippet, in the files' order. */
export const SNIPPETS: readonly SnippetDef[] = [
  ...read(frontMatterSnippets as Raw), ...read(letterSnippets as Raw), ...read(scrutinySnippets as Raw),
  ...read(judgementTableSnippets as Raw), ...read(sectionSnippets as Raw),
];

/** What a snippet offer is: the server turns it into a completion item. */
export interface SnippetOffer {
  /** The prefix, `ir-table-2023`: short, and distinct in its first characters. */
  label: string;
  /** A few words shown beside the label. */
  short: string;
  /** The snippet's description, and for a table the era it is for. */
  detail: string;
  /** The snippet (with tab stops) and the same text with every default taken. */
  snippet: string;
  plain: string;
  replace: Span;
  /** The one to pick first (the table of the report's era). */
  preselect: boolean;
  sortText: string;
}

/** What may be typed before the snippets are offered: nothing, `i`, `ir`, or `ir-...` at the start of a line. */
const TYPED = /^[ \t]{0,3}((?:ir-[\w-]*|ir|i)?)$/;

/** The snippets that fit at an offset (empty where none do). */
export function snippetOffers(model: ReportModel, profiles: ProfileSet, offset: number): SnippetOffer[] {
  const { lines } = model;
  const o = Math.max(0, Math.min(offset, model.text.length));
  const line = lines.lineOf(o);
  const lineStart = lines.lineStart(line);
  const typed = TYPED.exec(model.text.slice(lineStart, o));
  if (!typed) return [];
  const replace = { start: o - typed[1].length, end: o };
  if (!model.frontMatter) {
    // A new file: only at its start (nothing but blank lines before the cursor).
    if (model.text.slice(0, lineStart).trim() !== '') return [];
    return SNIPPETS.filter(isWholeDocument).map((s, i) => offer(s, s.body, replace, i, s.description));
  }
  if (!model.isReport || line <= lines.lineOf(model.frontMatter.span.end)) return [];
  const out: SnippetOffer[] = [];
  SNIPPETS.forEach((s, i) => {
    if (isWholeDocument(s)) return;
    const body = fitBody(model, profiles, s, line);
    if (body === undefined) return;
    const fit = eraFit(model, profiles.catalog, s);
    // The report's own era first, then what belongs to no era, then the other eras.
    const rank = !fit.short ? 100 : fit.mine ? 0 : 200;
    const detail = fit.eras.length > 0 ? `${s.description} For ${fit.eras.map((e) => describeEra(profiles.catalog, e)).join('; ')}.` : s.description;
    const o2 = offer(s, body, replace, rank + i, detail, fit.short);
    o2.preselect = fit.mine && s.body.startsWith('|');
    out.push(o2);
  });
  return out.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

function isWholeDocument(s: SnippetDef): boolean {
  return s.body.startsWith('---\n');
}

function offer(s: SnippetDef, body: string, replace: Span, order: number, detail: string, short?: string): SnippetOffer {
  return {
    label: s.prefixes.find((p) => p.startsWith('ir-')) ?? s.prefixes[0],
    short: short ?? s.name.replace(/\s*\(.*\)$/, ''),
    detail,
    snippet: body,
    plain: expandSnippet(body),
    replace,
    preselect: false,
    sortText: String(Math.max(0, order)).padStart(4, '0'),
  };
}

/**
 * The body to insert here, or undefined when the snippet does not belong in
 * this report: tables and judgement sections only in graded kinds, a scrutiny
 * section only where sections are numbered, a section only where the kind has
 * it. Numbers are the next ones; the disable comment lists every rule.
 */
function fitBody(model: ReportModel, profiles: ProfileSet, s: SnippetDef, line: number): string | undefined {
  const profile = model.profile;
  if (!profile) return undefined;
  const names = judgementNamesIn(profiles.catalog, s.body);
  if (names.length > 0) {
    if (!profile.graded) return undefined;
    const frameworks = new Set(eraFit(model, profiles.catalog, s).eras.map((e) => e.framework));
    if (frameworks.size > 0 && !frameworks.has(profile.framework ?? 'ilacs')) return undefined;
    // A judgement section's first paragraph: the next number, not always 1.
    return s.body.replace(/^\$\{(\d+):1\}\. /m, (_, n: string) => `\${${n}:${nextParagraph(model, line)}}. `);
  }
  if (/inspection-reports-disable/.test(s.body)) {
    const ids = allRules.map((r) => r.id);
    return s.body.replace(/\$\{1\|[^|]*\|\}/, `\${1|${ids.join(',')}|}`);
  }
  const numbered = /^## \$\{(\d+):\d+\}\. /.exec(s.body);
  if (numbered) {
    if (profile.numbering !== 'section') return undefined;
    const n = nextSection(model, line);
    return s.body.replace(/^## \$\{(\d+):\d+\}\. /, `## \${${numbered[1]}:${n}}. `);
  }
  const heading = /^## ([^$\n]+)$/m.exec(s.body);
  if (heading) return profile.sections.some((x) => x.heading === heading[1].trim()) ? s.body : undefined;
  return s.body;
}

/** The judgement names a snippet's body names (table cells and choices). */
function judgementNamesIn(catalog: Catalog, body: string): string[] {
  const all = new Set(Object.values(catalog.judgements).map((j) => j.name));
  const found = new Set<string>();
  for (const piece of body.split(/[|,{}\n]|: \$/)) {
    const t = piece.replace(/^\s*(##\s*)?(\$\{\d+)?/, '').trim();
    if (all.has(t)) found.add(t);
  }
  return [...found];
}

/**
 * The eras a table or judgement-section snippet is for: a table whose rows are
 * exactly an era's table, a section snippet whose choices are exactly an era's
 * sections. `mine` when the report's own era is one of them; `short` only for
 * snippets that name judgements.
 */
function eraFit(model: ReportModel, catalog: Catalog, s: SnippetDef): { eras: Era[]; mine: boolean; short?: string } {
  const names = new Set(judgementNamesIn(catalog, s.body));
  if (names.size === 0) return { eras: [], mine: false };
  const table = s.body.startsWith('|');
  const same = (keys: string[]) => keys.length === names.size && keys.every((k) => names.has(catalog.judgements[k]?.name ?? ''));
  const eras = catalog.eras.filter((e) => same(table ? e.table : e.sections));
  const mine = !!model.era && eras.some((e) => e.id === model.era!.id);
  const years = eras.map((e) => e.from.slice(0, 4));
  const set = years.length > 0 ? `${years[0]} set` : 'judgements';
  const short = table ? `table, ${names.size} judgements, ${set}${mine ? ' (this report)' : ''}` : `judgement section, ${set}${mine ? ' (this report)' : ''}`;
  return { eras, mine, short };
}

/** The number the next numbered paragraph takes: one more than the last before `line`, else 1. */
export function nextParagraph(model: ReportModel, line: number): number {
  let last = 0;
  for (const p of model.numbered) if (p.line < line && p.parts.length === 1) last = p.parts[0];
  return last + 1;
}

/** The number the next scrutiny section takes: one more than the last numbered section before `line`, else 1. */
export function nextSection(model: ReportModel, line: number): number {
  let last = 0;
  for (const s of model.sections) if (s.startLine < line && s.number) last = s.number.value;
  return last + 1;
}

/** A snippet with every tab stop at its default (a choice's first option, mirrors filled): the plain text. */
export function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      out += body[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = body.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/.exec(rest))) {
      const first = m[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
      values.set(m[1], first);
      out += first;
      i += m[0].length - 1;
    } else if ((m = /^\$\{(\d+):/.exec(rest))) {
      // A placeholder: find its closing brace (placeholders may nest).
      let depth = 1;
      let j = m[0].length;
      for (; j < rest.length && depth > 0; j++) {
        if (rest[j] === '\\') j++;
        else if (rest[j] === '{') depth++;
        else if (rest[j] === '}') depth--;
      }
      const inner = expandSnippet(rest.slice(m[0].length, j - 1));
      values.set(m[1], inner);
      out += inner;
      i += j - 1;
    } else if ((m = /^\$\{(\d+)\}/.exec(rest)) || (m = /^\$(\d+)/.exec(rest))) {
      out += values.get(m[1]) ?? '';
      i += m[0].length - 1;
    } else out += c;
  }
  return out;
}
