/**
 * Turns the blocks of a published document into a dialect file: finds the
 * kind and front matter, drops boilerplate, and gives each block its form
 * (title, heading, numbered paragraph, bullet, table, paragraph).
 */
import { applyOverrides, authorityFromTitle, authorityInText, dateInFileName, datesIn, detectKind, inspectorsIn, leadInspector, singleDate, visitDates, visitNumber } from './detect';
import { buildVocabulary, joinLines } from './joinLines';
import { agreeing, frameworkGradeAlternation, importGradesFor } from './grades';
import { importNamesFor } from './names';
import { BULLET, CLOSING_START, isBoilerplate, isKnownHeading, NUMBERED, SUB_NUMBERED } from './patterns';
import { renderBlocks, renderFrontMatter, type Block } from './render';
import { inferMissing } from './infer';
import { relativeOutputPath } from './naming';
import { dropContents, nestLscbReview, numericPublished } from './sif';
import { parseNumericRange } from '../core/dates';
import { phraseAlternation } from '../domain/grades';
import { nameOf } from '../domain/judgements';
import { eraFor } from '../profiles/load';
import type { Catalog } from '../profiles/types';
import type { ImportOptions, ImportResult, ImportedFrontMatter, Para, TableRow } from './types';

interface Item {
  text: string;
  lines: string[];
  heading?: 1 | 2;
  level?: number;
  table?: TableRow[];
  grid?: string[][];
  page?: number;
}

/**
 * A judgement heading ends with a grade of some era's set ('requires' may be
 * 'require', agreeing with a plural name); a heading printed a few words off a
 * judgement's name ("The experiences of children in care: outstanding") is kept
 * as a heading, as printed. Built once per catalogue.
 */
const headingPatterns = new WeakMap<Catalog, { heading: RegExp; near: RegExp }>();
export function judgementHeadingPatterns(catalog: Catalog): { heading: RegExp; near: RegExp } {
  const g = importGradesFor(catalog);
  let p = headingPatterns.get(catalog);
  if (!p) {
    const grade = `(${agreeing(g.eraAlternation)})`;
    const opening = phraseAlternation(importNamesFor(catalog).openings);
    p = {
      heading: new RegExp(`(?::\\s*|\\s)${grade}\\.?\\s*$`, 'i'),
      near: new RegExp(`^(?:The )?(?:${opening})\\b[^.;:]{10,140}:\\s*${grade}\\.?$`, 'i'),
    };
    headingPatterns.set(catalog, p);
  }
  return p;
}
const MAJESTY = /^(Her|His) Majesty.s (Chief )?Inspector$/i;

/** Builds the dialect file from a reader's blocks, by the judgement catalogue's grades and names. */
export function buildReport(paras: Para[], catalog: Catalog, options: ImportOptions = {}): ImportResult {
  const { heading: JUDGEMENT_HEADING, near: NEAR_JUDGEMENT_HEADING } = judgementHeadingPatterns(catalog);
  const nameStart = importNamesFor(catalog).start;
  const vocab = buildVocabulary(paras.flatMap((p) => p.lines));
  let items: Item[] = [];
  for (const p of paras) {
    const lines = p.lines.map((l) => l.trim()).filter(Boolean);
    if (!p.table && lines.length === 0) continue;
    const text = joinLines(lines, vocab);
    if (CLOSING_START.test(text)) break; // the closing boilerplate runs to the end
    if (!p.table && isBoilerplate(text)) continue;
    items.push({ text, lines, heading: p.heading, level: p.level, table: p.table, grid: p.grid, page: p.page });
  }
  const tableItem = items.find((i) => i.table && i.table.length > 0);
  const table = tableItem?.table ?? [];
  const known = options.known;
  const kind = known?.kind ?? detectKind(items.map((i, index) => ({ text: i.text, index })), table.length > 0, table.map((r) => r.name), catalog);
  if (!kind) {
    const words = items.reduce((n, i) => n + i.text.split(/\s+/).length, 0);
    if (items.slice(0, 8).some((it) => /^Review of the effectiveness of the Local Safeguarding Children Board$/i.test(it.text))) {
      return { ok: false, reason: 'a review of a Local Safeguarding Children Board, not a report on children\'s services: not imported' };
    }
    return { ok: false, reason: words === 0 ? 'no text found' : `no recognisable report structure (no judgement table, title or letter opening found in ${words} words)` };
  }
  if (kind === 'sif') items = dropContents(items);
  const warnings: string[] = [];
  let fm: ImportedFrontMatter = { report: kind };
  const blocks: Block[] = [];
  const letter = kind === 'focused-visit' || kind === 'monitoring-visit';

  // --- Opening: title block, front matter lines, letter address. ---
  let i = 0;
  if (letter) {
    const dear = items.findIndex((it) => /^Dear\b/.test(it.text));
    const subject = items.findIndex((it) => /^(Focused|Monitoring) visit (to|of)\b/i.test(it.text));
    const head = dear >= 0 ? items.slice(0, dear) : [];
    for (const it of head) {
      const d = singleDate(it.text);
      if (d) fm.published = d;
    }
    if (subject >= 0) {
      blocks.push({ t: 'title', text: items[subject].text });
      fm.authority = authorityFromTitle(items[subject].text);
    }
    // The letter's date goes to `published` only: the dialect's letter has no date line (a bare date would read as a paragraph number).
    items = items.filter((_, k) => k !== subject && (dear < 0 || k >= dear));
    const opening = items.slice(0, 6).map((it) => it.text).join(' ');
    const on = /\bchildren.s services (?:on|between|from)\s+(.+?)(?:\.\s|$)/i.exec(opening) ?? /\bvisit (?:on|between|from)\s+(.+?)(?:\.\s|$)/i.exec(opening);
    const dates = visitDates(on ? on[1] : opening);
    if (dates) fm.inspectionDates = dates;
    fm.inspectors = inspectorsIn(opening);
    if (kind === 'monitoring-visit') fm.visitNumber = visitNumber(opening);
  } else if (kind === 'scrutiny') {
    while (i < items.length && i < 12) {
      const it = items[i];
      const m = /^(Meeting Title|Report Title|Meeting Date)\s*:?\s*(.*)$/i.exec(it.text);
      if (!m || it.grid) break;
      const label = m[1].toLowerCase();
      if (label === 'meeting title') fm.meeting = m[2].trim();
      else if (label === 'report title') blocks.push({ t: 'title', text: m[2].trim() });
      else {
        const d = datesIn(m[2]);
        if (d) fm.meetingDate = d.start;
        blocks.push({ t: 'para', lines: [it.text.replace(/\t+/g, ': ')] });
      }
      i++;
    }
    fm.authority = authorityInText(items.map((it) => it.text).join('\n'));
  } else {
    // ILACS and SIF: the title block runs to "Inspection date(s):".
    const datesAt = items.findIndex((it, k) => k < 15 && /^Inspection dates?\b/i.test(it.text));
    const titleEnd = datesAt >= 0 ? datesAt : 0;
    const titleItems = items.slice(0, titleEnd);
    const title = titleItems.find((it) => it.heading === 1) ?? titleItems[0];
    for (const it of titleItems) {
      if (it === title) blocks.push({ t: 'title', text: it.text });
      else blocks.push({ t: 'para', lines: [it.text] });
    }
    if (title) {
      fm.authority = authorityFromTitle(title.text) ??
        (/^Inspection of\b/i.test(title.text) ? titleItems.find((it) => it !== title && /\b(Council|Borough|County|City)\b/.test(it.text) && it.text.length < 80)?.text : title.text);
    }
    i = titleEnd;
    for (; i < items.length && i < titleEnd + 8; i++) {
      const it = items[i];
      if (/^Inspection dates?\b/i.test(it.text)) {
        // Split inspections ("30 September to 11 October 2024 and 13 to 16 January 2025") span both visits.
        const all = visitDates(datesLines(it.lines).replace(/^Inspection dates?:?/i, ''));
        if (all) fm.inspectionDates = [{ start: all[0].start, end: all[all.length - 1].end }];
        else if (kind === 'sif' && parseNumericRange(it.lines[0])) fm.inspectionDates = [parseNumericRange(it.lines[0])!];
        const reporting = /Reporting inspector:?\s*(.+)$/i.exec(it.text);
        if (reporting) fm.leadInspector = leadInspector(`Lead inspector: ${reporting[1]}`);
        blocks.push({ t: 'para', lines: [it.text] });
      } else if (/^(Report )?published:?/i.test(it.text) || /^Age group:/i.test(it.text)) {
        const p = /Published:?\s*(\d{1,2} \w+ \d{4})/i.exec(it.text);
        if (p) fm.published = singleDate(p[1]);
        else if (kind === 'sif') fm.published = numericPublished(it.text) ?? fm.published;
        blocks.push({ t: 'para', lines: [it.text] });
      } else if (/^Lead inspectors?\b/i.test(it.text)) {
        const lines = it.lines.length > 1 && MAJESTY.test(it.lines[it.lines.length - 1]) ? [joinLines(it.lines.slice(0, -1)), it.lines[it.lines.length - 1]] : [it.text];
        if (items[i + 1] && MAJESTY.test(items[i + 1].text)) lines.push(items[++i].text);
        fm.leadInspector = leadInspector(lines.join(', '));
        blocks.push({ t: 'para', lines });
      } else break;
    }
  }
  if (!fm.leadInspector && (kind === 'ilacs' || kind === 'sif')) {
    const lead = items.find((it) => /^Lead inspectors?:/i.test(it.text));
    if (lead) fm.leadInspector = leadInspector(lead.text);
  }

  // --- Body. ---
  const body = items.slice(i);
  let closing = false;
  for (let k = 0; k < body.length; k++) {
    const it = body[k];
    const t = it.text;
    if (it.table) {
      if (it.table.length > 0) blocks.push({ t: 'table', rows: sifOverall(kind, it.table, blocks, catalog) });
      continue;
    }
    if (it.grid) {
      blocks.push({ t: 'grid', rows: it.grid });
      if (kind === 'scrutiny') scrutinyHeader(it.grid, fm);
      continue;
    }
    const unbulleted = t.replace(/^-\s+(?=\d{1,2}\.\d|Recommendation)/i, '');
    if (isKnownHeading(unbulleted)) {
      blocks.push({ t: 'heading', text: unbulleted.replace(/[\s:]+$/, ''), level: it.level });
      continue;
    }
    if (((nameStart.test(t) && t.length < 260 && JUDGEMENT_HEADING.test(t)) || (it.lines.length <= 2 && NEAR_JUDGEMENT_HEADING.test(t))) && !NUMBERED.test(t)) {
      blocks.push({ t: 'heading', text: t, level: it.level });
      continue;
    }
    const sub = SUB_NUMBERED.exec(unbulleted);
    if (sub) {
      blocks.push({ t: 'para', lines: [unbulleted] });
      continue;
    }
    const num = NUMBERED.exec(t);
    if (num) {
      if (kind === 'scrutiny' && scrutinySection(num[1], t, body.slice(k + 1))) {
        blocks.push({ t: 'heading', text: t, level: it.level });
        continue;
      }
      blocks.push({ t: 'numbered', printed: `${num[1]}${num[2] === ')' ? ')' : '.'}`, text: t.slice(num[0].length) });
      continue;
    }
    const bullet = BULLET.exec(t);
    if (bullet && t.length > bullet[0].length) {
      blocks.push({ t: 'bullet', text: t.slice(bullet[0].length) });
      continue;
    }
    if (it.heading && t.length < 160 && !/[.,;]$/.test(t)) {
      blocks.push(it.heading === 1 && !blocks.some((b) => b.t === 'title') ? { t: 'title', text: t } : { t: 'heading', text: t, level: it.level });
      continue;
    }
    const signOff = /^Yours (sincerely|faithfully)/i.test(t);
    // A letter's closing lines (sign-off, name, title) keep their lines: they print one under another.
    if (signOff && letter) closing = true;
    if (signOff || closing || MAJESTY.test(t)) {
      blocks.push({ t: 'para', lines: it.lines });
      continue;
    }
    blocks.push({ t: 'para', lines: [t] });
  }

  // --- Front matter from the options, and warnings for what is missing. ---
  // A document that records its own front matter (exported by this tool) gives it whole: nothing is inferred.
  if (known) {
    warnings.push(...disagreements(fm, known.frontMatter));
    fm = { ...known.frontMatter };
  }
  if (!known && !fm.published && options.sourceName) {
    const d = dateInFileName(options.sourceName);
    if (d) { fm.published = d; fm.publishedSource = 'file name'; }
  }
  if (!known && !fm.published && options.metadataDate) { fm.published = options.metadataDate; fm.publishedSource = 'PDF metadata'; }
  const text = items.map((it) => it.text).join('\n');
  // The recorded YAML exactly as written, unless --set changed a value.
  const frontMatterText = (f: ImportedFrontMatter, exact: boolean) => (known && exact ? `---\n${known.yaml}\n---` : renderFrontMatter(f));
  const titleOf = (bs: Block[]) => bs.find((b): b is Extract<Block, { t: 'title' }> => b.t === 'title')?.text;
  // What an import without --set gives: an earlier attempt may have left it behind.
  let withoutOverrides: { relativePath: string; markdown: string } | undefined;
  const { title: titleOverride, ...overrides } = options.overrides ?? {};
  if (options.overrides && Object.keys(options.overrides).length > 0) {
    const plainFm: ImportedFrontMatter = structuredClone(fm);
    if (!known) inferMissing(plainFm, { title: titleOf(blocks), text, authorities: options.authorities });
    withoutOverrides = { relativePath: relativeOutputPath(plainFm), markdown: `${frontMatterText(plainFm, true)}\n\n${renderBlocks(blocks)}` };
  }
  if (titleOverride !== undefined && titleOverride.trim()) {
    const at = blocks.findIndex((b) => b.t === 'title');
    if (at >= 0) blocks[at] = { t: 'title', text: titleOverride.trim() };
    else blocks.unshift({ t: 'title', text: titleOverride.trim() });
  }
  warnings.push(...applyOverrides(fm, overrides));
  if (!known) warnings.push(...inferMissing(fm, { title: titleOf(blocks), text, authorities: options.authorities }));
  if (!fm.authority) warnings.push("no authority found: add it to the front matter (or use --set authority='...')");
  if (kind === 'scrutiny') {
    if (!fm.meetingDate) warnings.push('no meeting date found');
  } else if (!fm.inspectionDates) warnings.push('no inspection dates found');
  if (!fm.published && kind !== 'scrutiny') warnings.push('no published date found');
  if ((kind === 'ilacs') && !fm.leadInspector) warnings.push('no lead inspector found');
  // A table is expected where the era has one (not before the SIF: those inspections printed none).
  const era = eraFor(catalog, kind, fm.inspectionDates?.[0]?.start);
  if ((kind === 'ilacs' || kind === 'sif') && table.length === 0 && (!era || era.table.length > 0)) warnings.push('no judgement table found');
  if (!blocks.some((b) => b.t === 'title')) warnings.push("no title found: add one (or use --set title='...')");

  const markdown = `${frontMatterText(fm, Object.keys(overrides).length === 0)}\n\n${renderBlocks(kind === 'sif' ? nestLscbReview(blocks, catalog) : blocks)}`;
  const finalTable = blocks.find((b): b is Extract<Block, { t: 'table' }> => b.t === 'table')?.rows ?? [];
  const relativePath = relativeOutputPath(fm);
  if (withoutOverrides && withoutOverrides.relativePath === relativePath) withoutOverrides = undefined;
  return { ok: true, kind, frontMatter: fm, table: finalTable, markdown, relativePath, warnings, withoutOverrides };
}

/**
 * Where the title page says otherwise than the front matter a document records
 * (the document was edited in Word after it was exported): the recorded value
 * is used, and the user told.
 */
function disagreements(page: ImportedFrontMatter, recorded: ImportedFrontMatter): string[] {
  const out: string[] = [];
  const range = (d?: { start: string; end: string }[]) => d?.map((r) => (r.start === r.end ? r.start : `${r.start} to ${r.end}`)).join(', ');
  const pairs: [string, string | undefined, string | undefined][] = [
    ['inspection-dates', range(page.inspectionDates), range(recorded.inspectionDates)],
    ['lead-inspector', page.leadInspector, recorded.leadInspector],
    ['published', page.published, recorded.published],
    ['meeting-date', page.meetingDate, recorded.meetingDate],
  ];
  for (const [key, onPage, value] of pairs) {
    if (onPage !== undefined && value !== undefined && onPage !== value) {
      out.push(`the document says ${key} ${onPage}, its recorded front matter ${value}: the recorded value is used (was the document edited after it was exported?)`);
    }
  }
  return out;
}

/** A scrutiny report's header table (`Meeting | ...`, `Meeting date | 16 April 2025`): the front matter it gives, where still missing. */
function scrutinyHeader(rows: string[][], fm: ImportedFrontMatter): void {
  for (const [label, value] of rows) {
    if (!value) continue;
    if (/^Meeting( title)?$/i.test(label.trim())) fm.meeting ??= value.trim();
    else if (/^(Meeting )?date$/i.test(label.trim())) fm.meetingDate ??= datesIn(value)?.start;
  }
}

/** Scrutiny: "1. Background" is a section heading when paragraphs 1.1, 1.2 ... follow. */
function scrutinySection(n: string, text: string, rest: Item[]): boolean {
  if (text.length > 90 || /[.;]$/.test(text)) return false;
  for (const it of rest.slice(0, 4)) {
    const m = /^(?:-\s+)?(\d{1,2})\.(\d{1,2})\s/.exec(it.text);
    if (m) return m[1] === n;
    if (NUMBERED.test(it.text)) return false;
  }
  return false;
}

/** The sentence a SIF report states its overall judgement in, above the table (the grade in group 1), once per catalogue. */
const overallSentences = new WeakMap<Catalog, RegExp>();
export function overallSentence(catalog: Catalog): RegExp {
  let re = overallSentences.get(catalog);
  if (!re) {
    // "Children's services in X require improvement": the grade itself is the verb.
    const verb = frameworkGradeAlternation(catalog, 'sif');
    re = new RegExp(`^(?:The overall judgement is(?: that children.s services)?|Children.s services (?:in .+? )?(?:are|is|(?=(?:${verb})\\b)))\\s*(?:judged\\s+)?(.+?)\\.?$`, 'i');
    overallSentences.set(catalog, re);
  }
  return re;
}

/** SIF reports state the overall judgement in a sentence above the table: add it as the last row (the SIF era's overall judgement). */
function sifOverall(kind: string, rows: TableRow[], blocks: Block[], catalog: Catalog): TableRow[] {
  const era = catalog.eras.find((e) => e.framework === 'sif' && e.overall !== undefined);
  if (kind !== 'sif' || !era?.overall || rows.some((r) => importNamesFor(catalog).overallRow.test(r.name))) return rows;
  for (const b of blocks) {
    if (b.t !== 'para' && b.t !== 'heading') continue;
    const text = b.t === 'para' ? b.lines.join(' ') : b.text;
    const m = overallSentence(catalog).exec(text);
    if (!m) continue;
    const g = importGradesFor(catalog).any.exec(m[1].replace(/^require\b/i, 'requires'));
    if (!g) continue;
    const printed = g[1].charAt(0).toUpperCase() + g[1].slice(1).toLowerCase();
    // The row is not printed: write its grade as the table's rows write theirs (judgements.yaml gradeForms: the era's other wording, unless a row prints it).
    const form = Object.entries(catalog.gradeForms?.[era.grades] ?? {}).find(([f]) => f.toLowerCase() === printed.toLowerCase())?.[1];
    const grade = form !== undefined && !rows.some((r) => r.grade.toLowerCase().endsWith(printed.toLowerCase())) ? form : printed;
    return [...rows, { name: nameOf(catalog, era.overall), grade }];
  }
  return rows;
}

/**
 * The lines of an 'Inspection dates:' paragraph that hold the dates: up to a line
 * that ends with a year and is not followed by an 'and ...' part. A split
 * inspection may wrap before its last part's month ("... 2013 and 28 – 30" /
 * "January 2014") or put the last part on a line of its own ("and 13 to 16 January 2025").
 */
export function datesLines(lines: string[]): string {
  let k = 0;
  while (k + 1 < lines.length && (!/\d{4}\.?$/.test(lines[k]) || /^and\b/i.test(lines[k + 1]))) k++;
  return lines.slice(0, k + 1).join(' ');
}
