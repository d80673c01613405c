import { excerpt } from '../domain/markdown';
import type { Span } from '../core/types';
import type { ReportModel, Section } from '../model/types';

export type OutlineKind = 'front-matter' | 'title' | 'table' | 'row' | 'section' | 'judgement-section' | 'paragraph' | 'finding';

/** One entry of the document outline, as plain data (the server converts it to DocumentSymbol). */
export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole thing. */
  span: Span;
  /** What to reveal and select: inside `span`. */
  selectionSpan: Span;
  children: OutlineItem[];
}

/** The outline's detail: the first words of a text, without Markdown decoration. */
const EXCERPT = 60;


function within(inner: Span, outer: Span): Span {
  const start = Math.max(outer.start, Math.min(inner.start, outer.end));
  const end = Math.max(start, Math.min(inner.end, outer.end));
  return { start, end };
}

function sectionSpan(model: ReportModel, s: Section): Span {
  let last = s.endLine - 1;
  while (last > s.startLine && model.lines.line(last).trim() === '') last--;
  return { start: s.heading.span.start, end: Math.max(s.heading.span.end, model.lines.lineEnd(last)) };
}

/**
 * The outline of a report: front matter, title, judgement table (with its rows),
 * sections (nested by heading level; judgement sections show their grade) and,
 * inside them, numbered paragraphs and findings with their ids.
 */
export function outline(model: ReportModel): OutlineItem[] {
  const top: OutlineItem[] = [];
  const fm = model.frontMatter;
  if (fm) {
    const label = model.profile?.label ?? model.kind;
    top.push({ name: 'Front matter', detail: label, kind: 'front-matter', span: fm.span, selectionSpan: { start: 0, end: 3 }, children: [] });
  }
  if (model.title) {
    const t = model.title;
    top.push({ name: t.text || '(untitled)', kind: 'title', span: t.span, selectionSpan: within(t.textSpan, t.span), children: [] });
  }
  if (model.table) {
    const table = model.table;
    const rows: OutlineItem[] = table.rows
      .filter((r) => r.judgement)
      .map((r) => ({
        name: r.judgement!.nameText,
        detail: r.judgement!.gradeText || '(no grade)',
        kind: 'row' as const,
        span: r.span,
        selectionSpan: within(r.judgement!.nameSpan, r.span),
        children: [],
      }));
    top.push({
      name: 'Judgement table',
      detail: model.era ? `${rows.length} judgements, ${model.era.id}` : `${rows.length} judgements`,
      kind: 'table',
      span: table.span,
      selectionSpan: model.lines.lineSpan(table.line),
      children: rows,
    });
  }
  const items: OutlineItem[] = model.sections.map((s) => {
    const span = sectionSpan(model, s);
    const j = s.judgement;
    return {
      name: j ? j.nameText : s.heading.text || '(empty heading)',
      detail: j ? j.gradeText || '(no grade)' : undefined,
      kind: j ? 'judgement-section' : 'section',
      span,
      selectionSpan: within(s.heading.textSpan, span),
      children: [],
    };
  });
  // Findings and numbered paragraphs, each once, in the section that holds them.
  const leaves: { sectionIndex: number; item: OutlineItem }[] = [];
  const seen = new Set<number>();
  for (const f of model.findings) {
    seen.add(f.span.start);
    const para = f.kind === 'para' ? model.numbered.find((n) => n.span.start === f.span.start) : undefined;
    const name = para ? numberLabel(para.printed, para.style) : f.id;
    const detail = para ? `${excerpt(withoutNumber(f.text, para.style), EXCERPT)} (${f.id})` : excerpt(f.text, EXCERPT);
    leaves.push({ sectionIndex: f.sectionIndex, item: leaf(name, detail, 'finding', f.span) });
  }
  for (const n of model.numbered) {
    if (seen.has(n.span.start)) continue;
    leaves.push({ sectionIndex: n.sectionIndex, item: leaf(numberLabel(n.printed, n.style), excerpt(withoutNumber(n.text, n.style), EXCERPT), 'paragraph', n.span) });
  }
  leaves.sort((a, b) => a.item.span.start - b.item.span.start);
  for (const l of leaves) {
    const parent = l.sectionIndex >= 0 ? items[l.sectionIndex] : undefined;
    if (parent && l.item.span.start >= parent.span.start && l.item.span.end <= parent.span.end) parent.children.push(l.item);
    else top.push(l.item);
  }
  // Nest sections under their parents (lower heading level), keeping document order.
  for (let i = items.length - 1; i >= 0; i--) {
    const p = model.sections[i].parent;
    if (p !== undefined && items[p]) items[p].children.unshift(items[i]);
  }
  for (let i = 0; i < items.length; i++) {
    if (model.sections[i].parent === undefined) top.push(items[i]);
  }
  sortTree(top);
  return top;
}

/** A paragraph number as printed: '13.' for list items, '2.1' for scrutiny paragraphs. */
function numberLabel(printed: string, style: string): string {
  return style === 'list' ? `${printed}.` : printed;
}

/** Plain numbered paragraphs carry their number in their text; list items do not. */
function withoutNumber(text: string, style: string): string {
  return style === 'list' ? text : text.replace(/^\s*\d{1,3}(?:\.\d{1,3})?\.?\s+/, '');
}

function leaf(name: string, detail: string, kind: OutlineKind, span: Span): OutlineItem {
  return { name, detail, kind, span, selectionSpan: span, children: [] };
}

function sortTree(items: OutlineItem[]): void {
  items.sort((a, b) => a.span.start - b.span.start);
  for (const i of items) sortTree(i.children);
}
