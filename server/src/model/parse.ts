import { markdownIt, type MarkdownToken } from '../domain/markdown';
import { LineIndex } from '../core/lineIndex';
import { parseBodyDates, parseIsoDates, toIso } from '../core/dates';
import type { Span } from '../core/types';
import { eraFor } from '../profiles/load';
import type { ProfileSet, SectionSpec } from '../profiles/types';
import { frontMatterLines, readFrontMatter } from './frontMatter';
import { looksLikeGrade, matchJudgementName, parseJudgementHeading } from './judgements';
import { assignFindings, findClosing } from './findings';
import { readDirectives, readInlineChildren } from './inline';
import { blockSpan, mapInline, normalise, splitTableRow } from './text';
import type {
  Bullet, Heading, JudgementTable, NumberedParagraph, ParseProblem,
  ReportModel, Section, TableRow, TextBlock,
} from './types';

const md = markdownIt;
type Token = MarkdownToken;

const SCRUTINY_PARA = /^(\d{1,3})\.(\d{1,3})\.?(?=\s)/;
const LOST_STOP = /^(\d{1,3})(?=\s+[A-Z\u2018'"])/;

/**
 * Builds the report model. Never throws: anything it cannot read becomes a
 * ParseProblem at the right place, and the rest of the file is still read.
 */
export function parseReport(text: string, uri: string, profiles: ProfileSet): ReportModel {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const model: ReportModel = {
    uri, text, lines, isReport: false,
    headings: [], sections: [], numbered: [], bullets: [], findings: [], links: [], disables: [], blocks: [], problems,
  };
  try {
    readHeader(model, profiles);
    readBody(model, profiles);
    model.closingLine = findClosing(model);
    assignFindings(model);
  } catch (e) {
    // A bug in the model builder must not take the editor down: say where it happened.
    problems.push({ ruleId: 'internal-error', message: `The report could not be fully read: ${(e as Error).message}`, span: { start: 0, end: 0 } });
  }
  return model;
}

function readHeader(model: ReportModel, profiles: ProfileSet): void {
  const fm = readFrontMatter(model.lines, model.problems);
  model.frontMatter = fm;
  const report = fm?.entries.get('report');
  if (!report) {
    // An unclosed front matter that names a kind is a report with a mistake (reported), not an ordinary file.
    if (!fm && model.problems.some((p) => p.ruleId === 'front-matter') && /^report\s*:/m.test(model.text.slice(0, 2000))) model.isReport = true;
    return;
  }
  model.isReport = true;
  if (typeof report.value === 'string' && report.value.trim()) {
    model.kind = report.value.trim();
    model.profile = profiles.profiles.get(model.kind);
    if (!model.profile) {
      const known = [...profiles.profiles.keys()].sort().join(', ');
      model.problems.push({ ruleId: 'front-matter', message: `Unknown report kind '${model.kind}'. Known kinds: ${known}.`, span: report.valueSpan });
    }
  } else {
    model.problems.push({ ruleId: 'front-matter', message: "'report' must name the kind of report (for example 'ilacs').", span: report.keySpan });
  }
  const dates = fm?.entries.get('inspection-dates');
  const ranges = dates ? parseIsoDates(dates.value) : undefined;
  if (ranges) {
    model.inspection = {
      start: ranges.reduce((m, r) => (r.start < m ? r.start : m), ranges[0].start),
      end: ranges.reduce((m, r) => (r.end > m ? r.end : m), ranges[0].end),
    };
  }
  model.era = eraFor(profiles.catalog, model.profile?.framework, model.inspection?.start);
  model.documentDate = toIso(fm?.entries.get('published')?.value) ?? toIso(fm?.entries.get('meeting-date')?.value) ?? model.inspection?.end;
}

interface Ctx {
  model: ReportModel;
  profiles: ProfileSet;
  tokens: Token[];
  listIndex: number;
}

function readBody(model: ReportModel, profiles: ProfileSet): void {
  const { lines } = model;
  const fence = model.frontMatter ? frontMatterLines(lines) : undefined;
  // Blank out the front matter so that markdown-it's line numbers are the document's.
  const skip = fence ? fence.end + 1 : 0;
  const body = '\n'.repeat(skip) + model.text.slice(lines.lineStart(skip));
  const tokens = md.parse(body, {});
  const ctx: Ctx = { model, profiles, tokens, listIndex: -1 };
  // Stack of open containers: list kinds and item info.
  const lists: { ordered: boolean; index: number; item: number; delimiter: string }[] = [];
  let inItem = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open':
        i = readHeading(ctx, i);
        break;
      case 'table_open':
        readTable(ctx, i);
        break;
      case 'ordered_list_open':
      case 'bullet_list_open':
        if (lists.length === 0 && t.type === 'ordered_list_open') ctx.listIndex++;
        lists.push({ ordered: t.type === 'ordered_list_open', index: ctx.listIndex, item: -1, delimiter: t.markup });
        break;
      case 'ordered_list_close':
      case 'bullet_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        inItem++;
        const top = lists[lists.length - 1];
        if (top) top.item++;
        if (lists.length === 1 && t.map) readItem(ctx, i, top);
        break;
      }
      case 'list_item_close':
        inItem--;
        break;
      case 'paragraph_open':
        if (t.map && tokens[i + 1]?.type === 'inline') {
          const inline = tokens[i + 1];
          const block = addBlock(model, inItem > 0 ? 'item' : 'paragraph', inline.content, t.map);
          if (inItem === 0) readPlainParagraph(model, block, t.map);
          readInlineChildren(model, inline, block);
        }
        break;
      case 'html_block':
        if (t.map) readDirectives(model, t.content, t.map[0]);
        break;
      default:
        break;
    }
  }
  closeSections(model);
}

function currentSection(model: ReportModel): number {
  return model.sections.length - 1;
}

function addBlock(model: ReportModel, kind: TextBlock['kind'], content: string, map: [number, number]): TextBlock {
  // The offset map is made when first read: most blocks are never asked (no link, no directive, no rule finding), and
  // the history index reads thousands of reports whose maps nobody wants.
  let offsets: Int32Array | undefined;
  const lines = model.lines;
  const block: TextBlock = {
    kind,
    text: content,
    get offsets(): Int32Array {
      return (offsets ??= mapInline(lines, content, map[0], map[1]));
    },
    line: map[0],
    sectionIndex: currentSection(model),
  };
  model.blocks.push(block);
  return block;
}

function readHeading(ctx: Ctx, i: number): number {
  const { model, profiles, tokens } = ctx;
  const open = tokens[i];
  const inline = tokens[i + 1];
  if (!open.map || !inline || inline.type !== 'inline') return i;
  const level = Number(open.tag.slice(1));
  const line = open.map[0];
  const lineText = model.lines.line(line).replace(/\0/g, '\uFFFD'); // as markdown-it reads it (same length)
  const textStartInLine = Math.max(0, lineText.indexOf(inline.content));
  const start = model.lines.lineStart(line);
  // A setext heading's text can run over lines; markdown-it joins them with '\n' whatever the file's line ends, so map its end.
  const textEnd = inline.content.includes('\n')
    ? blockSpan(mapInline(model.lines, inline.content, open.map[0], open.map[1]), 0, inline.content.length).end
    : start + textStartInLine + inline.content.length;
  const heading: Heading = {
    level,
    text: inline.content,
    span: { start, end: model.lines.lineEnd(open.map[1] - 1) },
    textSpan: { start: start + textStartInLine, end: textEnd },
    line,
  };
  model.headings.push(heading);
  const block = addBlock(model, 'heading', inline.content, open.map);
  readInlineChildren(model, inline, block);
  if (level === 1) {
    if (!model.title) model.title = heading;
    return i + 2;
  }
  // A new section; find its parent (the nearest earlier section with a lower level).
  let parent: number | undefined;
  for (let s = model.sections.length - 1; s >= 0; s--) {
    if (model.sections[s].heading.level < level) {
      parent = s;
      break;
    }
  }
  const section: Section = { index: model.sections.length, parent, heading, startLine: line, endLine: model.lines.lineCount };
  block.sectionIndex = section.index;
  const spec = matchSectionSpec(model.profile?.sections ?? [], heading.text);
  if (spec) {
    section.spec = spec.spec;
    section.acceptedWording = !spec.exact;
  } else {
    const num = /^(\d{1,3})\.(?=\s)/.exec(heading.text);
    if (num) {
      const at = heading.textSpan.start;
      section.number = { value: Number(num[1]), printed: num[0], span: { start: at, end: at + num[0].length } };
    }
    const j = parseJudgementHeading(profiles.catalog, heading.text, heading.textSpan, model.era);
    if (j && (j.form === 'colon' ? j.gradeText === '' || looksLikeGradeLoose(ctx, j.gradeText) : true)) section.judgement = j;
  }
  model.sections.push(section);
  return i + 2;
}

/** A heading's grade part may be misspelt; accept anything short after a judgement name. */
function looksLikeGradeLoose(ctx: Ctx, text: string): boolean {
  return looksLikeGrade(ctx.profiles.catalog, text) || text.split(/\s+/).length <= 6;
}

export function matchSectionSpec(specs: SectionSpec[], text: string): { spec: SectionSpec; exact: boolean } | undefined {
  const n = normalise(text);
  for (const spec of specs) {
    if (!spec.heading) continue;
    if (text.trim() === spec.heading) return { spec, exact: true };
    if (normalise(spec.heading) === n) return { spec, exact: false };
    if (spec.accept.some((a) => a.trim() === text.trim() || normalise(a) === n)) return { spec, exact: false };
  }
  return undefined;
}

function closeSections(model: ReportModel): void {
  const secs = model.sections;
  for (let s = 0; s < secs.length; s++) {
    let end = model.lines.lineCount;
    for (let t = s + 1; t < secs.length; t++) {
      if (secs[t].heading.level <= secs[s].heading.level) {
        end = secs[t].startLine;
        break;
      }
    }
    secs[s].endLine = end;
  }
}

function readTable(ctx: Ctx, i: number): void {
  const { model, tokens } = ctx;
  const open = tokens[i];
  if (!open.map) return;
  const rows: { line: number; cells: { text: string; span: Span }[] }[] = [];
  for (let k = i + 1; k < tokens.length && tokens[k].type !== 'table_close'; k++) {
    const t = tokens[k];
    if (t.type === 'tr_open' && t.map) {
      const line = t.map[0];
      rows.push({ line, cells: splitTableRow(model.lines.line(line), model.lines.lineStart(line)) });
    }
  }
  for (const r of rows) {
    for (const c of r.cells) {
      const block: TextBlock = {
        kind: 'cell', text: c.text, offsets: sequentialOffsets(c.span.start, c.text.length), line: r.line, sectionIndex: currentSection(model),
      };
      model.blocks.push(block);
    }
  }
  if (model.table || rows.length === 0) return;
  const header = rows[0].cells.map((c) => normalise(c.text));
  if (header[0] !== 'judgement' && header[0] !== 'judgements') return;
  const table: JudgementTable = {
    line: open.map[0],
    span: { start: model.lines.lineStart(open.map[0]), end: model.lines.lineEnd(open.map[1] - 1) },
    headerCells: rows[0].cells.map((c) => c.text),
    rows: [],
  };
  const width = Math.max(2, rows[0].cells.length);
  for (const r of rows.slice(1)) {
    const span = model.lines.lineSpan(r.line);
    const row: TableRow = { line: r.line, span, cells: r.cells };
    if (r.cells.length < width && model.profile?.graded !== false) {
      model.problems.push({
        ruleId: 'judgement-consistency',
        message: `This table row has ${r.cells.length} cell${r.cells.length === 1 ? '' : 's'}; a judgement row needs a judgement and a grade.`,
        span,
      });
    }
    const name = r.cells[0];
    const grade = r.cells[1];
    if (name && name.text) {
      const m = matchJudgementName(ctx.profiles.catalog, name.text, model.era);
      row.judgement = {
        nameText: name.text,
        nameSpan: name.span,
        key: m?.key,
        exact: m?.exact ?? false,
        gradeText: grade?.text ?? '',
        gradeSpan: grade?.span ?? { start: span.end, end: span.end },
        form: 'cell',
      };
    }
    table.rows.push(row);
  }
  model.table = table;
}

function sequentialOffsets(start: number, length: number): Int32Array {
  const o = new Int32Array(length + 1);
  for (let k = 0; k <= length; k++) o[k] = start + k;
  return o;
}

function itemSpan(model: ReportModel, map: [number, number]): Span {
  let last = map[1] - 1;
  while (last > map[0] && model.lines.line(last).trim() === '') last--;
  return { start: model.lines.lineStart(map[0]), end: model.lines.lineEnd(last) };
}

function firstParagraph(tokens: Token[], i: number): string {
  for (let k = i + 1; k < tokens.length && tokens[k].type !== 'list_item_close'; k++) {
    if (tokens[k].type === 'inline') return tokens[k].content;
  }
  return '';
}

function readItem(ctx: Ctx, i: number, list: { ordered: boolean; index: number; item: number; delimiter: string }): void {
  const { model, tokens } = ctx;
  const t = tokens[i];
  const map = t.map as [number, number];
  const span = itemSpan(model, map);
  const text = firstParagraph(tokens, i);
  const sectionIndex = currentSection(model);
  if (!list.ordered) {
    model.bullets.push({ span, line: map[0], text, sectionIndex, ordered: false } satisfies Bullet);
    return;
  }
  const src = model.lines.line(map[0]);
  const m = /^([\s>]*)(\d+)([.)])/.exec(src);
  const numStart = span.start + (m ? m[1].length : 0);
  const numEnd = numStart + (m ? m[2].length + 1 : 0);
  const printed = t.info || (m ? m[2] : '');
  const para: NumberedParagraph = {
    printed,
    parts: [Number(printed)],
    numberSpan: { start: numStart, end: numEnd },
    span,
    line: map[0],
    text,
    sectionIndex,
    style: 'list',
    list: { index: list.index, item: list.item, delimiter: t.markup },
  };
  model.numbered.push(para);
  model.bullets.push({ span, line: map[0], text, sectionIndex, ordered: true });
}

function readPlainParagraph(model: ReportModel, block: TextBlock, map: [number, number]): void {
  const text = block.text;
  const span = itemSpan(model, map);
  const sc = SCRUTINY_PARA.exec(text);
  if (sc) {
    model.numbered.push({
      printed: `${sc[1]}.${sc[2]}`,
      parts: [Number(sc[1]), Number(sc[2])],
      numberSpan: blockSpan(block.offsets, 0, sc[0].length),
      span, line: map[0], text, sectionIndex: block.sectionIndex, style: 'plain',
    });
    return;
  }
  const lost = LOST_STOP.exec(text);
  if (lost) {
    model.numbered.push({
      printed: lost[1],
      parts: [Number(lost[1])],
      numberSpan: blockSpan(block.offsets, 0, lost[0].length),
      span, line: map[0], text, sectionIndex: block.sectionIndex, style: 'no-stop',
    });
  }
  const label = /^(inspection dates?)\s*:\s*/i.exec(text);
  if (label && !model.inspectionLine) {
    const value = text.slice(label[0].length).split('\n')[0];
    const parsed = parseBodyDates(value);
    model.inspectionLine = {
      span: blockSpan(block.offsets, 0, label[0].length + value.length),
      valueSpan: blockSpan(block.offsets, label[0].length, label[0].length + value.length),
      text: value,
      dates: parsed?.dates,
      exact: parsed?.exact ?? false,
    };
  }
}
