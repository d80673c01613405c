import type { TextEdit } from '../core/types';
import type { ReportModel } from '../model/types';

/** An edit that inserts the dialect's disable comments (dialect.md, "Switching a check off"). */
export interface DisableAction {
  title: string;
  scope: 'line' | 'table' | 'file';
  edits: TextEdit[];
}

const PREFIX = 'inspection-reports';
const MARKER = /^([ \t>]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;

function comment(kind: 'disable' | 'enable' | 'disable-next-line', ruleId: string): string {
  return `<!-- ${PREFIX}-${kind} ${ruleId} -->`;
}

function frontMatterEndLine(model: ReportModel): number {
  return model.frontMatter ? model.lines.lineOf(model.frontMatter.span.end) : -1;
}

function isBlank(model: ReportModel, line: number): boolean {
  return model.lines.line(line).trim() === '';
}

function prevNonBlank(model: ReportModel, line: number): number {
  let n = line - 1;
  while (n >= 0 && isBlank(model, n)) n--;
  return n;
}

/** The lines [first, last] of the table around a line, or undefined when the line is not in a table. */
function tableAround(model: ReportModel, line: number): { first: number; last: number } | undefined {
  const t = model.table;
  if (t) {
    const last = model.lines.lineOf(t.span.end);
    if (line >= t.line && line <= last) return { first: t.line, last };
  }
  const isCellLine = model.blocks.some((b) => b.kind === 'cell' && b.line === line);
  if (!isCellLine) return undefined;
  const rowish = (n: number) => n >= 0 && n < model.lines.lineCount && !isBlank(model, n) && model.lines.line(n).includes('|');
  let first = line;
  while (rowish(first - 1)) first--;
  let last = line;
  while (rowish(last + 1)) last++;
  return { first, last };
}

/** True when the line continues a paragraph (or list item text) that began on an earlier line. */
function continuesParagraph(model: ReportModel, line: number): boolean {
  return model.blocks.some((b) => {
    if (b.kind !== 'paragraph' && b.kind !== 'item') return false;
    if (b.line >= line) return false;
    const lastLine = model.lines.lineOf(b.offsets[b.offsets.length - 1]);
    return lastLine >= line;
  });
}

/** Width of a list item's marker and the spaces after it, with its leading indentation. */
function contentIndent(text: string): number | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const spaces = m[3].length;
  // Five or more spaces after the marker: the content starts one space after it.
  return m[1].length + m[2].length + (spaces >= 1 && spaces <= 4 ? spaces : 1);
}

function indentOf(text: string): string {
  return /^[ \t>]*/.exec(text)?.[0] ?? '';
}

/**
 * "Disable <rule> for this line": a disable-next-line comment placed so that it
 * changes nothing else in the document's structure:
 * - a table row: a disable ... enable pair around the table (a comment line
 *   inside a table would become a row);
 * - a line that continues a paragraph: an inline comment at the end of the
 *   line before (a comment line would split the paragraph);
 * - a list item after another item: a comment line indented into the previous
 *   item (at the margin it would end the list);
 * - otherwise a comment line just before, at the line's indentation.
 * Returns undefined inside the front matter, where no comment can go.
 */
export function disableForLine(model: ReportModel, ruleId: string, line: number): DisableAction | undefined {
  if (line < 0 || line >= model.lines.lineCount) return undefined;
  if (line <= frontMatterEndLine(model) || insideHtmlComment(model, line)) return undefined;
  const { lines } = model;
  const table = tableAround(model, line);
  if (table) {
    const after = table.last + 1 < lines.lineCount && !isBlank(model, table.last + 1) ? '\n' : '';
    return {
      title: `Disable ${ruleId} for this table`,
      scope: 'table',
      edits: [
        { start: lines.lineStart(table.first), end: lines.lineStart(table.first), newText: `${comment('disable', ruleId)}\n\n` },
        { start: lines.lineEnd(table.last), end: lines.lineEnd(table.last), newText: `\n\n${comment('enable', ruleId)}${after}` },
      ],
    };
  }
  const title = `Disable ${ruleId} for this line`;
  if (continuesParagraph(model, line)) {
    const prev = line - 1;
    const text = lines.line(prev);
    // Before a hard line break (two spaces or a backslash at the end), so that it stays one.
    const tail = /(?:[ \t]{2,}|\\)$/.exec(text)?.[0] ?? '';
    const at = lines.lineStart(prev) + text.length - tail.length;
    const space = text.length - tail.length > 0 && !/\s$/.test(text.slice(0, text.length - tail.length)) ? ' ' : '';
    return { title, scope: 'line', edits: [{ start: at, end: at, newText: `${space}${comment('disable-next-line', ruleId)}` }] };
  }
  const text = lines.line(line);
  let indent = indentOf(text);
  const own = contentIndent(text);
  if (own !== undefined) {
    const prev = prevNonBlank(model, line);
    if (prev > frontMatterEndLine(model) && inListAbove(model, prev, indent.length)) {
      // Indent the comment into the previous item so that the list goes on.
      let width = own;
      for (let n = prev; n > frontMatterEndLine(model); n--) {
        const t = lines.line(n);
        if (isBlank(model, n)) continue;
        const ci = contentIndent(t);
        if (ci !== undefined && indentOf(t).length === indent.length) {
          width = Math.max(width, ci);
          break;
        }
        if (indentOf(t).length < indent.length) break;
      }
      indent = indent + ' '.repeat(Math.max(0, width - indent.length));
    }
  }
  const at = lines.lineStart(line);
  return { title, scope: 'line', edits: [{ start: at, end: at, newText: `${indent}${comment('disable-next-line', ruleId)}\n` }] };
}

/** Whether a line belongs to a list item at (or inside) the given indentation. */
function inListAbove(model: ReportModel, prev: number, indent: number): boolean {
  const t = model.lines.line(prev);
  const ci = contentIndent(t);
  if (ci !== undefined && indentOf(t).length === indent) return true;
  if (indentOf(t).length > indent) {
    // Inside an earlier item: look up for its marker.
    for (let n = prev - 1; n >= 0; n--) {
      const u = model.lines.line(n);
      if (model.lines.line(n).trim() === '') continue;
      if (contentIndent(u) !== undefined && indentOf(u).length === indent) return true;
      if (indentOf(u).length <= indent) return false;
    }
  }
  return model.bullets.some((b) => b.line <= prev && model.lines.lineOf(b.span.end) >= prev && indent === 0);
}

const FILE_DIRECTIVE = /^<!--\s*inspection-reports-disable((?:\s+[a-z0-9-]+)+)\s*-->\s*$/;

/**
 * "Disable <rule> for this file": a disable comment on the first line after the
 * front matter (or the rule added to one already there). It covers the body,
 * not the front matter itself.
 */
export function disableForFile(model: ReportModel, ruleId: string): DisableAction {
  const fmEnd = frontMatterEndLine(model);
  const line = fmEnd + 1;
  const title = `Disable ${ruleId} for this file`;
  const { lines } = model;
  if (line < lines.lineCount) {
    const existing = FILE_DIRECTIVE.exec(lines.line(line));
    if (existing) {
      const rules = existing[1].trim().split(/\s+/);
      if (!rules.includes(ruleId)) {
        const span = lines.lineSpan(line);
        return { title, scope: 'file', edits: [{ ...span, newText: `<!-- ${PREFIX}-disable ${[...rules, ruleId].join(' ')} -->` }] };
      }
    }
  }
  if (line >= lines.lineCount) {
    // Front matter and nothing after it: add a new last line.
    const end = lines.text.length;
    return { title, scope: 'file', edits: [{ start: end, end, newText: `\n${comment('disable', ruleId)}\n` }] };
  }
  const at = lines.lineStart(line);
  return { title, scope: 'file', edits: [{ start: at, end: at, newText: `${comment('disable', ruleId)}\n` }] };
}

/** Whether a line starts inside an HTML comment (where another comment would end it early). */
export function insideHtmlComment(model: ReportModel, line: number): boolean {
  const from = model.frontMatter ? model.frontMatter.span.end : 0;
  const before = model.text.slice(from, model.lines.lineStart(line));
  const open = before.lastIndexOf('<!--');
  return open >= 0 && before.indexOf('-->', open + 4) < 0;
}

/** Whether a diagnostic on this line can be switched off by a comment at all. */
export function canDisableAt(model: ReportModel, line: number): boolean {
  return line > frontMatterEndLine(model);
}
