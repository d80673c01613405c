/**
 * What a report prints: the report model and its Markdown turned into a flat
 * list of blocks (title, the lines under it, tables, headings, numbered
 * paragraphs with their printed numbers, bullets, letter furniture). The Word
 * writer (docx.ts) lays these out; nothing here knows about Word. Pure.
 */
import { formatOfsted, parseBodyDates } from '../core/dates';
import { frontMatterLines } from '../model/frontMatter';
import { markdownIt, type MarkdownToken } from '../domain/markdown';
import { formatOfstedRange } from '../rules/shared/dateText';
import type { ReportModel } from '../model/types';
import { readRuns, type Run } from './runs';

export type { Run } from './runs';

export type Block =
  | { type: 'title'; runs: Run[] }
  /** 'Inspection dates: ...' and 'Lead inspector: ...': a bold label, then the value. */
  | { type: 'label'; label: string; runs: Run[] }
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[]; indent?: number; subtitle?: boolean }
  /** A numbered paragraph: `list` ones are Word's automatic numbering, `typed` ones (scrutiny N.M) carry the number as text. */
  | { type: 'numbered'; printed: string; numbering: 'list' | 'typed'; runs: Run[]; continues: boolean }
  | { type: 'bullet'; level: number; runs: Run[] }
  | { type: 'table'; judgement: boolean; header: Run[][]; rows: Run[][][] }
  /** A letter's top: the date and the addressee. */
  | { type: 'letterhead'; date?: string; to: string[] }
  /** A paragraph of a letter's closing (sign-off, signature), one entry per line, kept with the next. */
  | { type: 'closing'; lines: Run[][] };

export interface PrintedReport {
  kind?: string;
  letter: boolean;
  /** The title as plain text (footer, document properties). */
  title: string;
  /** The inspection or meeting dates, written the Ofsted way, for the footer. */
  dates: string;
  blocks: Block[];
}

const md = markdownIt;
type Token = MarkdownToken;

/** The labelled lines under a title: 'Inspection dates: ...', 'Lead inspector: ...'. */
export const LABEL = /^(Inspection dates?|Lead inspector|Date of visit|Meeting date)\s*:\s*/i;
/** A scrutiny paragraph's typed number: '2.1 '. */
export const SCRUTINY_NUMBER = /^(\d{1,3}\.\d{1,3})\.?\s+/;

/** Lays out a parsed report for printing. Never throws on odd Markdown: what it cannot place prints as a paragraph. */
export function layoutReport(model: ReportModel): PrintedReport {
  const tokens = bodyTokens(model);
  const byLine = new Map(model.numbered.map((n) => [n.line, n]));
  const letter = model.profile?.letter === true;
  const blocks: Block[] = [];
  if (letter) blocks.push(letterhead(model));
  const closingFrom = letter ? model.closingLine : undefined;
  const dateLine = letter ? letterDateLine(model) : undefined;
  let title = '';
  const lists: { ordered: boolean }[] = [];
  const itemLines: number[] = [];
  let firstInItem = false;
  let lastNumbered: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const inline = tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined;
    switch (t.type) {
      case 'heading_open': {
        const runs = readRuns(inline);
        const level = Number(t.tag.slice(1));
        if (level === 1 && !title) {
          title = plain(runs);
          blocks.push({ type: 'title', runs });
        } else blocks.push({ type: 'heading', level: Math.max(1, level - 1), runs });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        itemLines.push(t.map?.[0] ?? -1);
        firstInItem = true;
        break;
      case 'list_item_close':
        itemLines.pop();
        firstInItem = false;
        break;
      case 'table_open':
        i = readTable(tokens, i, model, blocks);
        break;
      case 'paragraph_open': {
        const line = t.map?.[0] ?? -1;
        const runs = readRuns(inline);
        i += 2;
        if (letter && line === dateLine?.line) break; // printed at the top, in the letterhead
        if (closingFrom !== undefined && line >= closingFrom && itemLines.length === 0) {
          blocks.push({ type: 'closing', lines: splitLines(runs) });
          break;
        }
        if (itemLines.length > 0) {
          const list = lists[lists.length - 1];
          if (firstInItem && list?.ordered && lists.length === 1) {
            const n = byLine.get(itemLines[itemLines.length - 1]);
            const printed = n?.printed ?? '';
            blocks.push({ type: 'numbered', printed, numbering: 'list', runs, continues: lastNumbered !== undefined && follows(lastNumbered, printed) });
            lastNumbered = printed;
          } else if (firstInItem) blocks.push({ type: 'bullet', level: Math.max(0, lists.length - 1), runs });
          else blocks.push({ type: 'paragraph', runs, indent: lists.length });
          firstInItem = false;
          break;
        }
        const block = paragraphBlock(runs, byLine.get(line)?.style === 'plain' ? byLine.get(line)?.printed : undefined);
        // 2018 to 2020 reports: the authority as the title, then 'Inspection of children's social care services' under it.
        if (block.type === 'paragraph' && blocks[blocks.length - 1]?.type === 'title' && isSubtitle(block.runs)) block.subtitle = true;
        blocks.push(block);
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'paragraph', runs: [{ text: t.content.replace(/\n$/, ''), code: true }] });
        break;
      default:
        break; // html blocks (comments), rules, front matter: not printed
    }
  }
  return { kind: model.kind, letter, title, dates: datesOf(model), blocks };
}

function bodyTokens(model: ReportModel): Token[] {
  const { lines } = model;
  const fence = model.frontMatter ? frontMatterLines(lines) : undefined;
  const skip = fence ? fence.end + 1 : 0;
  // Blank out the front matter, as the parser does, so that token lines are the document's.
  return md.parse('\n'.repeat(skip) + model.text.slice(lines.lineStart(Math.min(skip, lines.lineCount - 1))), {});
}

function paragraphBlock(runs: Run[], typedNumber: string | undefined): Block {
  if (typedNumber) {
    const first = runs[0];
    const m = first && !first.ref ? SCRUTINY_NUMBER.exec(first.text) : null;
    if (m) {
      const rest = [{ ...first, text: first.text.slice(m[0].length) }, ...runs.slice(1)].filter((r) => r.text !== '' || r.break);
      return { type: 'numbered', printed: typedNumber, numbering: 'typed', runs: rest, continues: false };
    }
  }
  const first = runs[0];
  const m = first && !first.ref && !first.bold ? LABEL.exec(first.text) : null;
  if (m) {
    const rest = [{ ...first, text: first.text.slice(m[0].length) }, ...runs.slice(1)].filter((r) => r.text !== '' || r.break);
    return { type: 'label', label: `${m[1]}:`, runs: rest };
  }
  return { type: 'paragraph', runs };
}

function isSubtitle(runs: Run[]): boolean {
  const text = plain(runs);
  return text.length > 0 && text.length <= 80 && !/[.:!?]$/.test(text) && !runs.some((r) => r.ref || r.url);
}

/** Whether `printed` is the number after `previous` (1 after nothing; 17 after 16). */
function follows(previous: string, printed: string): boolean {
  return Number(printed) === Number(previous) + 1;
}

function readTable(tokens: Token[], i: number, model: ReportModel, blocks: Block[]): number {
  const header: Run[][] = [];
  const rows: Run[][][] = [];
  let row: Run[][] | undefined;
  let inHead = false;
  let k = i + 1;
  for (; k < tokens.length && tokens[k].type !== 'table_close'; k++) {
    const t = tokens[k];
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = inHead ? header : [];
    else if (t.type === 'tr_close' && row && !inHead) rows.push(row);
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) row.push(readRuns(tokens[k + 1]?.type === 'inline' ? tokens[k + 1] : undefined));
  }
  const judgement = model.table !== undefined && tokens[i].map?.[0] === model.table.line;
  blocks.push({ type: 'table', judgement, header, rows });
  return k;
}

/** A letter's date (published) and addressee (the name after "Dear", and the authority). */
export function letterhead(model: ReportModel): Extract<Block, { type: 'letterhead' }> {
  const fm = model.frontMatter?.entries;
  const date = typeof fm?.get('published')?.value === 'string' || fm?.get('published')?.value instanceof Date
    ? model.documentDate : undefined;
  const to: string[] = [];
  const dear = model.blocks.find((b) => b.kind === 'paragraph' && DEAR.test(b.text));
  const name = dear ? dear.text.replace(/^Dear\s+/i, '').replace(/[,.\s]+$/, '').split('\n')[0] : '';
  if (name) to.push(name);
  const authority = fm?.get('authority')?.value;
  if (typeof authority === 'string' && authority.trim()) to.push(authority.trim());
  return { type: 'letterhead', date: date ? formatOfsted(date) : letterDateLine(model)?.text, to };
}

const DEAR = /^Dear\s+/i;

/**
 * A letter's own date line above "Dear ..." (reports imported before the date
 * went to `published` have one): the letterhead prints the date, so the line
 * is not printed twice.
 */
function letterDateLine(model: ReportModel): { line: number; text: string } | undefined {
  for (const b of model.blocks) {
    if (b.kind !== 'paragraph') continue;
    if (DEAR.test(b.text)) return undefined;
    const text = b.text.trim();
    if (/^\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+,? \d{4}$/.test(text) && parseBodyDates(text)) return { line: b.line, text };
  }
  return undefined;
}

/** Dates for the footer: the body's own line if it has one, else the front matter's, the Ofsted way. */
function datesOf(model: ReportModel): string {
  if (model.inspectionLine?.text) return model.inspectionLine.text.trim();
  const r = model.inspection;
  if (r) return formatOfstedRange(r);
  const meeting = model.frontMatter?.entries.get('meeting-date')?.value;
  return model.documentDate && meeting !== undefined ? formatOfsted(model.documentDate) : '';
}

/** A paragraph's runs split at its line breaks (a letter's signature block is one paragraph of several lines). */
function splitLines(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    if (r.break || r.soft) out.push([]);
    else out[out.length - 1].push(r);
  }
  return out.filter((l) => l.length > 0);
}

export function plain(runs: Run[]): string {
  return runs.map((r) => (r.break || r.soft ? ' ' : r.text)).join('').replace(/\s+/g, ' ').trim();
}
