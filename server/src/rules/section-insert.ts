/**
 * Where a missing section goes, and the edit that inserts its heading there.
 * Used by required-sections.
 */
import { markdownIt } from '../domain/markdown';
import { LineIndex } from '../core/lineIndex';
import type { Span, TextEdit } from '../core/types';
import { frontMatterLines } from '../model/frontMatter';
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

/** The parser's settings (model/parse.ts): used only to try an inserted heading. */
const md = markdownIt;
const tried = new WeakMap<ReportModel, Map<number, boolean>>();

/**
 * Whether a heading inserted by `edit` is read as a heading, every heading
 * already there stays one, and it takes in no text that was outside a section. Not so when it falls inside a fenced code block or
 * an HTML block that runs on (an unclosed `<!--`, say), or when it goes before
 * an indented heading that a list item held (which then becomes code): such a
 * fix would never settle, or would lose a section. Only texts with a fence,
 * HTML or indented code before the insertion, or an indented line at it, are
 * parsed again.
 */
export function insertedHeadingIsHeading(model: ReportModel, edit: TextEdit): boolean {
  // It goes at the end, before the closing lines, or before a heading of the document's own; not before other
  // text, which the new section would take in (a '10. ##' list item holds a heading the model counts as a section).
  const at = model.lines.lineOf(edit.start);
  const here = model.lines.line(at);
  const headingHere = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(here) || (here.trim() !== '' && /^ {0,3}(?:=+|-+)[ \t]*$/.test(model.lines.line(at + 1)));
  if (edit.start < model.text.length && here.trim() !== '' && !headingHere && at !== model.closingLine) return false;
  const before = model.text.slice(0, edit.start);
  if (!/^(?: {0,3}(?:```|~~~|<)| {4}|\t)/m.test(before) && !/^[ \t>]/.test(model.text.slice(edit.end))) return true;
  let byOffset = tried.get(model);
  if (!byOffset) tried.set(model, (byOffset = new Map()));
  const known = byOffset.get(edit.start);
  if (known !== undefined) return known;
  const text = before + edit.newText + model.text.slice(edit.end);
  const lines = new LineIndex(text);
  const fence = model.frontMatter ? frontMatterLines(lines) : undefined;
  const skip = fence ? fence.end + 1 : 0;
  const body = '\n'.repeat(skip) + text.slice(lines.lineStart(skip));
  const line = lines.lineOf(edit.start + Math.max(0, edit.newText.indexOf('#')));
  const headings = md.parse(body, {}).filter((t) => t.type === 'heading_open');
  const ok = headings.length === model.headings.length + 1 && headings.some((t) => t.map?.[0] === line);
  byOffset.set(edit.start, ok);
  return ok;
}
