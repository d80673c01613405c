/**
 * Turns positioned PDF text into blocks: lines from items, page furniture
 * dropped (running headers and footers, page numbers, footnote marks),
 * the judgement table rebuilt from its two columns, and lines gathered into
 * paragraphs by the space between them, their indent and their size.
 */
import type { Catalog } from '../profiles/types';
import { BULLET, isFurnitureLine, isTableLine, NUMBERED, TABLE_HEADER } from './patterns';
import { buildTable, type TableLine } from './layoutTable';
import { rebuildGradedHeadings } from './layoutRows';
import { importNamesFor } from './names';
import type { PdfItem, PdfPage } from './pdf';
import { isSifLayout, rebuildGradedHeadings as rebuildSifHeadings } from './sifLayout';
import type { Para } from './types';

export interface Line {
  page: number;
  y: number;
  x: number;
  size: number;
  text: string;
  items: PdfItem[];
  /** A two-column judgement heading rebuilt as one line (layoutRows.ts): a block of its own. */
  rebuilt?: boolean;
}

/** The most common value, weighted. */
function mode(values: Map<number, number>): number {
  let best = 0;
  let bestN = -1;
  for (const [v, n] of values) if (n > bestN) { best = v; bestN = n; }
  return best;
}

export function bodySize(pages: PdfPage[]): number {
  const w = new Map<number, number>();
  for (const p of pages) for (const it of p.items) {
    const s = Math.round(it.size * 2) / 2;
    w.set(s, (w.get(s) ?? 0) + it.str.length);
  }
  return mode(w) || 12;
}

/** Groups a page's items into lines, top to bottom, each read left to right. */
export function pageLines(page: PdfPage, pageNo: number, body: number): Line[] {
  const items = page.items
    .filter((it) => !(it.size < body * 0.8 && /^\s*\d{1,2}\s*$/.test(it.str))) // footnote marks
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of items) {
    const tol = Math.max(1.5, Math.min(it.size, body) * 0.3);
    let line = lines.length > 0 ? lines[lines.length - 1] : undefined;
    if (!line || Math.abs(line.y - it.y) > tol) {
      line = lines.find((l) => Math.abs(l.y - it.y) <= tol);
      if (!line) {
        line = { page: pageNo, y: it.y, x: it.x, size: 0, text: '', items: [] };
        lines.push(line);
      }
    }
    line.items.push(it);
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of l.items) {
      const gap = it.x - end;
      if (text && !/\s$/.test(text) && !/^\s/.test(it.str) && gap > it.size * 0.18) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    l.text = text.replace(/\s+/g, ' ').trim();
    const visible = l.items.filter((it) => it.str.trim());
    l.x = visible.length > 0 ? visible[0].x : l.items[0].x;
    l.size = Math.max(...(visible.length > 0 ? visible : l.items).map((it) => it.size));
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.filter((l) => l.text !== '');
}

/** Drops running headers and footers, page numbers and footnotes. */
function dropFurniture(lines: Line[], page: PdfPage, body: number): Line[] {
  const h = page.height;
  return lines.filter((l) => {
    if (l.y < h * 0.075 || l.y > h * 0.945) return false;
    if (isFurnitureLine(l.text) && (l.y < h * 0.12 || l.size > body * 1.3)) return false;
    if (l.size < body * 0.8 && l.y < h * 0.25) return false; // footnotes at the foot of the page
    return true;
  });
}

const TERMINAL = /[.!?:;)”"’]$/;

export function layoutToParas(pages: PdfPage[], catalog: Catalog): Para[] {
  const body = bodySize(pages);
  let all: Line[] = [];
  pages.forEach((p, k) => all.push(...dropFurniture(pageLines(p, k + 1, body), p, body)));
  const sif = isSifLayout(all);
  if (sif) all = rebuildSifHeadings(all, body, catalog);
  // Typical step between lines of a paragraph.
  const steps = new Map<number, number>();
  for (let k = 1; k < all.length; k++) {
    const a = all[k - 1];
    const b = all[k];
    if (a.page === b.page && Math.abs(a.size - body) < 0.6 && Math.abs(b.size - body) < 0.6) {
      const d = Math.round((a.y - b.y) * 2) / 2;
      if (d > 0) steps.set(d, (steps.get(d) ?? 0) + 1);
    }
  }
  const step = mode(steps) || body * 1.2;
  let table = findTable(all, catalog);
  if (sif) {
    // SIF headings were rebuilt above.
  } else if (table) {
    const before = rebuildGradedHeadings(all.slice(0, table.start), catalog);
    const rows = all.slice(table.start, table.end);
    all = [...before, ...rows, ...rebuildGradedHeadings(all.slice(table.end), catalog)];
    table = { ...table, start: before.length, end: before.length + rows.length };
  } else all = rebuildGradedHeadings(all, catalog);
  const paras: Para[] = [];
  let cur: (Para & { firstX: number; textX: number; last: Line }) | undefined;
  const close = () => {
    if (cur) paras.push({ lines: cur.lines, heading: cur.heading, page: cur.page });
    cur = undefined;
  };
  const sizeClass = (l: Line): 0 | 1 | 2 => (l.size >= body * 1.6 ? 1 : l.size >= body * 1.12 ? 2 : 0);
  for (let k = 0; k < all.length; k++) {
    const l = all[k];
    if (table && k >= table.start && k < table.end) {
      if (k === table.start) {
        close();
        paras.push({ lines: ['Judgement Grade'], table: table.rows, page: l.page });
      }
      continue;
    }
    const cls = sizeClass(l);
    const marker = (NUMBERED.test(l.text) && !(cur && wrappedNumber(l, cur, step))) || BULLET.test(l.text);
    let fresh = !cur || marker || l.rebuilt || cur.last.rebuilt || cls !== (cur.heading ?? 0) || /^(Inspection dates?|Report published|Lead inspectors?)\b/i.test(l.text);
    if (!fresh && cur) {
      const prev = cur.last;
      if (prev.page === l.page) {
        const gap = prev.y - l.y;
        fresh = gap > step * Math.max(1, Math.min(prev.size, l.size) / body) * 1.45 || gap < 0;
      } else {
        const hanging = l.x > cur.firstX + 5 && Math.abs(l.x - prev.x) < 3;
        fresh = !(hanging || !TERMINAL.test(prev.text) || /^[a-z]/.test(l.text)) || (sif && cls !== 0); // SIF: a heading never runs on over a page
      }
      if (!fresh && /^Lead inspectors?:/i.test(cur.lines[0]) && !/Majesty/i.test(l.text)) fresh = true;
      if (!fresh && /^(Inspection dates?|Report published)\b/i.test(cur.lines[0]) && /\d{4}\.?$/.test(prev.text) && !/^and\b/i.test(l.text)) fresh = true;
    }
    if (fresh) {
      close();
      cur = { lines: [l.text], heading: cls === 0 ? undefined : cls, page: l.page, firstX: l.x, textX: textIndent(l), last: l };
    } else if (cur) {
      cur.lines.push(l.text);
      cur.last = l;
    }
  }
  close();
  return paras;
}

/** Where a line's text starts after a hanging marker ("12." or a bullet printed apart); its own x otherwise. */
function textIndent(l: Line): number {
  const visible = l.items.filter((it) => it.str.trim());
  if (visible.length > 1 && /^(\d{1,3}[.)]|[^\w\s])$/.test(visible[0].str.trim())) return visible[1].x;
  return l.x;
}

/**
 * A line that starts with a number but continues the paragraph above ("... until
 * they turn" / "21. A significant number ..."): paragraph numbers hang at the
 * margin, so a number printed at the paragraph's text indent, on the next line
 * (or at the top of the next page) after an unfinished line, is running text.
 */
function wrappedNumber(l: Line, cur: { firstX: number; textX: number; lines: string[]; last: Line }, step: number): boolean {
  const prev = cur.last;
  if (TERMINAL.test(prev.text)) return false;
  const indent = cur.lines.length > 1 ? prev.x : cur.textX;
  if (indent <= cur.firstX + 5 || Math.abs(l.x - indent) >= (cur.lines.length > 1 ? 3 : 8)) return false;
  if (prev.page === l.page) return prev.y - l.y > 0 && prev.y - l.y <= step * 1.45;
  return l.page === prev.page + 1;
}

/** Finds the judgement table's lines: after a "Judgement Grade" header, or the SIF's numbered rows. */
function findTable(lines: Line[], catalog: Catalog): { start: number; end: number; rows: Para['table'] } | undefined {
  let start = -1;
  let gradeX: number | undefined;
  for (let k = 0; k < lines.length && lines[k].page <= 2; k++) {
    if (TABLE_HEADER.test(lines[k].text)) {
      start = k + 1;
      const g = lines[k].items.filter((it) => /grade/i.test(it.str));
      gradeX = g.length > 0 ? g[g.length - 1].x : undefined;
      break;
    }
  }
  let first = start;
  if (start < 0) {
    // A table printed without its header: its numbered first row (judgements.yaml: an era's first judgement).
    const firstRow = importNamesFor(catalog).firstRow;
    const row1 = lines.findIndex((l) => l.page === 1 && firstRow.test(l.text));
    if (row1 < 0) return undefined;
    first = row1;
    // Not into the overall judgement's heading above the rows (a larger font), whose last line may be only grade words.
    while (first > 0 && lines[first - 1].page === 1 && isTableLine(lines[first - 1].text, catalog) && !/^(the|children)/i.test(lines[first - 1].text) && !/\.$/.test(lines[first - 1].text) && lines[first - 1].size <= lines[row1].size + 0.5) first--;
  }
  let end = first;
  while (end < lines.length && lines[end].page === lines[first].page && isTableLine(lines[end].text, catalog)) end++;
  if (end === first) return undefined;
  const tableLines: TableLine[] = lines.slice(first, end).map((l) => ({ y: l.y, size: l.size, items: l.items }));
  const rows = buildTable(tableLines, catalog, gradeX);
  if (rows.length === 0) return undefined;
  return { start: start >= 0 ? start - 1 : first, end, rows };
}
