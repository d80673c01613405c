/**
 * Where a missing section goes, and the edit that inserts its heading there.
 * Used by required-sections.
 */
import type { Span, TextEdit } from '../core/types';
import type { ReportModel, Section } from '../model/types';

/** The line after a section's content: the next heading of its level or higher, or the end. */
export function sectionEndLine(model: ReportModel, s: Section): number {
  const line = s.endLine;
  // A letter's closing lines: the missing section goes before them, not after the signature.
  const c = model.closingLine;
  return c !== undefined && c > s.startLine && c < line ? c : line;
}

/** The letter's closing lines, if any, after the given line. */
export function closingLine(model: ReportModel, after: number): number | undefined {
  const c = model.closingLine;
  return c !== undefined && c > after ? c : undefined;
}

/**
 * An edit that inserts `## heading` followed by a blank line at the start of
 * `line` (or at the end of the document), with a blank line before it when the
 * line before is not blank.
 */
export function insertHeading(model: ReportModel, line: number, heading: string): { edit: TextEdit; span: Span } {
  const { lines, text } = model;
  if (line >= lines.lineCount || (line === lines.lineCount - 1 && lines.line(line) === '' && lines.lineStart(line) === text.length)) {
    // At the end of the document.
    const at = text.length;
    const before = text.endsWith('\n\n') || text.length === 0 ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { edit: { start: at, end: at, newText: `${before}## ${heading}\n` }, span: { start: at, end: at } };
  }
  const at = lines.lineStart(line);
  const prevBlank = line === 0 || lines.line(line - 1).trim() === '';
  const eol = text.slice(lines.lineEnd(line), lines.lineStart(line + 1)) || '\n';
  const newText = `${prevBlank ? '' : eol}## ${heading}${eol}${eol}`;
  const span = lines.lineSpan(line);
  return { edit: { start: at, end: at, newText }, span: span.end > span.start ? span : { start: at, end: at } };
}
