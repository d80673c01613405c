import { checkText, type CheckOptions } from '../../server/src/check';
import { applyEdits } from '../../server/src/core/edits';
import { LineIndex } from '../../server/src/core/lineIndex';
import type { Diagnostic, TextEdit } from '../../server/src/core/types';
import type { ReportModel } from '../../server/src/model/types';
import { fixAll } from '../../server/src/fix';
import { importPdf, importText, type ImportResult } from '../../server/src/import/index';
import { catalog } from '../helpers/data';

/**
 * The properties of issue 7, as functions that return what went wrong (an
 * empty list when all is well), so that `npm test` and `npm run fuzz` share
 * them and a failure says which property broke and where.
 */

const SEVERITIES = new Set(['error', 'warning', 'info']);

export function show(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`;
}

/** Diagnostics as plain data (a fix's edits included) for comparing two runs. */
function plain(ds: Diagnostic[]): string {
  return JSON.stringify(ds);
}

function splitsPair(text: string, at: number): boolean {
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function editProblems(text: string, edits: readonly TextEdit[], what: string): string[] {
  const out: string[] = [];
  for (const e of edits) {
    if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
      out.push(`${what}: edit [${e.start}, ${e.end}) lies outside the document (length ${text.length})`);
    } else if (splitsPair(text, e.start) || splitsPair(text, e.end)) {
      out.push(`${what}: edit [${e.start}, ${e.end}) splits a surrogate pair`);
    }
  }
  return out;
}

/**
 * checkText never throws, never reports 'internal-error', every diagnostic's
 * span lies inside the document and its range is the span's (by LineIndex),
 * every fix edit lies inside the document, and a second check gives the same.
 */
export function checkProblems(text: string, uri: string, options: CheckOptions): { problems: string[]; diagnostics: Diagnostic[] } {
  let first: Diagnostic[];
  let model: ReportModel;
  try {
    ({ diagnostics: first, model } = checkText(text, uri, options));
  } catch (e) {
    return { problems: [`checkText threw: ${(e as Error).stack ?? e}`], diagnostics: [] };
  }
  const problems: string[] = modelProblems(text, model);
  const lines = new LineIndex(text);
  for (const d of first) {
    if (d.ruleId === 'internal-error') problems.push(`internal error: ${d.message}`);
    if (!SEVERITIES.has(d.severity)) problems.push(`bad severity '${d.severity}' in ${show(d)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`empty message from ${d.ruleId}`);
    const { start, end } = d.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      problems.push(`span [${start}, ${end}) outside the document (length ${text.length}): ${show(d)}`);
      continue;
    }
    const want = lines.range(d.span);
    if (JSON.stringify(want) !== JSON.stringify(d.range)) {
      problems.push(`range ${JSON.stringify(d.range)} is not the span's ${JSON.stringify(want)}: ${show(d)}`);
    }
    if (d.fix) problems.push(...editProblems(text, d.fix.edits, `fix '${d.fix.title}' of ${show(d)}`));
  }
  let second: Diagnostic[] = [];
  try {
    second = checkText(text, uri, options).diagnostics;
  } catch (e) {
    problems.push(`second checkText threw: ${(e as Error).message}`);
  }
  if (plain(first) !== plain(second)) problems.push('two checks of the same text gave different diagnostics');
  return { problems, diagnostics: first };
}

/**
 * The same report with '\n', '\r\n' or '\r' line ends gives the same findings
 * at the same lines and columns (CommonMark and LineIndex read all three).
 */
export function lineEndingProblems(text: string, uri: string, options: CheckOptions): string[] {
  const lf = text.replace(/\r\n?/g, '\n');
  const seen = (t: string) => checkText(t, uri, options).diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.ruleId} ${d.message}`);
  let base: string[];
  try {
    base = seen(lf);
  } catch (e) {
    return [`checkText threw: ${(e as Error).message}`];
  }
  const out: string[] = [];
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
    let other: string[];
    try {
      other = seen(lf.replace(/\n/g, eol));
    } catch (e) {
      out.push(`checkText threw on the ${name} text: ${(e as Error).message}`);
      continue;
    }
    const onlyLf = base.filter((x) => !other.includes(x));
    const onlyOther = other.filter((x) => !base.includes(x));
    if (onlyLf.length || onlyOther.length) {
      out.push(`${name} line ends change the findings: LF only [${onlyLf.slice(0, 3).join(' / ')}], ${name} only [${onlyOther.slice(0, 3).join(' / ')}]`);
    }
  }
  return out;
}

/**
 * The model's offsets point at the text they stand for: a heading's text span
 * holds its text, and each character of a text block sits at its offset
 * (markdown-it reads NUL as U+FFFD, and part of a tab as spaces; table cells and multi-line headings,
 * whose text markdown-it rebuilds, are left out). Fixes and ranges rest on this.
 */
export function modelProblems(text: string, model: ReportModel): string[] {
  const out: string[] = [];
  const asRead = (s: string) => s.replace(/\0/g, '\uFFFD');
  for (const h of model.headings) {
    if (h.text.includes('\n')) continue;
    const at = asRead(text.slice(h.textSpan.start, h.textSpan.end));
    if (at !== h.text) out.push(`model: heading ${JSON.stringify(h.text)} has a text span holding ${JSON.stringify(at)}`);
  }
  for (const b of model.blocks) {
    if (b.kind === 'cell') continue;
    for (let j = 0; j < b.text.length; j++) {
      const at = asRead(text.charAt(b.offsets[j]));
      // A tab that is partly indentation is read as spaces: those sit on the tab.
      if (b.text[j] === '\n' || at === b.text[j] || (b.text[j] === ' ' && at === '\t')) continue;
      out.push(`model: ${b.kind} block ${JSON.stringify(b.text.slice(0, 40))}: character ${j} (${JSON.stringify(b.text[j])}) is mapped to ${JSON.stringify(text.charAt(b.offsets[j]))}`);
      break;
    }
  }
  return out;
}

const key = (d: Diagnostic) => `${d.ruleId}|${d.message}|${d.range.start.line}`;
/**
 * The errors a fix adds, as readable lines (none when it adds none). A fix may
 * move the blame for a problem that was there before (which of two sections
 * is "out of place"), or change a message that quotes the text it rewrote, or
 * bring to light an error its diagnostic hid (correcting a judgement name lets
 * the table be compared with the sections). So what counts is:
 * - per rule, more errors after than before; for the fix's own rule, not
 *   fewer (when the fixed diagnostic is an error);
 * - a new error on the text the fix wrote, where that rule reported nothing
 *   at that place before and no error with the same message anywhere.
 * Front matter fixes only make a key or a value readable (a misspelt key
 * renamed, '2024-06-03 – 2024-06-14' written with 'to'): whatever the checker
 * then finds in it was there before, so they are held to the first rule only
 * for their own rule.
 */
/** A message with the line numbers it cites taken out: inserting a line moves them. */
const gist = (d: Diagnostic) => `${d.ruleId}|${d.message.replace(/\b(line|lines) \d+/g, '$1 N')}`;

function addedErrors(fixed: Diagnostic, before: Diagnostic[], after: Diagnostic[], lo: number, hi: number, growth: number): string[] {
  const out: string[] = [];
  const count = (ds: Diagnostic[]) => {
    const m = new Map<string, number>();
    for (const d of ds) if (d.severity === 'error') m.set(d.ruleId, (m.get(d.ruleId) ?? 0) + 1);
    return m;
  };
  const was = count(before);
  const now = count(after);
  const ownFewer = fixed.severity === 'error' ? 1 : 0;
  for (const [rule, n] of now) {
    if (fixed.ruleId === 'front-matter' && rule !== 'front-matter') continue;
    const limit = (was.get(rule) ?? 0) - (rule === fixed.ruleId && fixed.ruleId !== 'front-matter' ? ownFewer : 0);
    if (n > limit) out.push(`${rule}: ${was.get(rule) ?? 0} errors before, ${n} after (${after.filter((a) => a.ruleId === rule && a.severity === 'error').map(show).join(' / ')})`);
  }
  if (fixed.ruleId === 'front-matter') return out;
  const map = (p: number) => (p < lo ? p : p >= hi ? p + growth : lo);
  for (const a of after) {
    if (a.severity !== 'error' || a.span.start > hi + growth || a.span.end < lo) continue;
    if (before.some((b) => b.severity === 'error' && b.ruleId === a.ruleId && (gist(b) === gist(a) || (map(b.span.start) <= a.span.end && map(b.span.end) >= a.span.start)))) continue;
    out.push(`new error on the fixed text: ${show(a)}`);
  }
  return out;
}

/**
 * Each fix (up to `limit` of them, starting at `from`): applying it alone
 * changes only its own range, removes its diagnostic and adds no error. Then
 * fixAll twice equals fixAll once.
 */
export function fixProblems(text: string, uri: string, options: CheckOptions, from = 0, limit = 3): string[] {
  const problems: string[] = [];
  let before: Diagnostic[];
  try {
    before = checkText(text, uri, options).diagnostics;
  } catch (e) {
    return [`checkText threw: ${(e as Error).message}`];
  }
  const fixable = before.filter((d) => d.fix);
  const countBefore = new Map<string, number>();
  for (const d of before) countBefore.set(key(d), (countBefore.get(key(d)) ?? 0) + 1);
  for (let k = 0; k < Math.min(limit, fixable.length); k++) {
    const d = fixable[(from + k) % fixable.length];
    const what = `fix '${d.fix!.title}' of ${show(d)}`;
    const edits = d.fix!.edits;
    const bad = editProblems(text, edits, what);
    if (bad.length) {
      problems.push(...bad);
      continue;
    }
    const fixed = applyEdits(text, edits);
    if (fixed.skipped.length) problems.push(`${what}: its own edits overlap`);
    if (edits.length === 0) continue;
    const lo = Math.min(...edits.map((e) => e.start));
    const hi = Math.max(...edits.map((e) => e.end));
    const growth = fixed.text.length - text.length;
    if (fixed.text.slice(0, lo) !== text.slice(0, lo) || fixed.text.slice(hi + growth) !== text.slice(hi)) {
      problems.push(`${what}: changed text outside its range [${lo}, ${hi})`);
    }
    let after: Diagnostic[];
    try {
      after = checkText(fixed.text, uri, options).diagnostics;
    } catch (e) {
      problems.push(`${what}: checking the fixed text threw: ${(e as Error).message}`);
      continue;
    }
    const stillThere = after.filter((a) => key(a) === key(d)).length;
    if (stillThere >= (countBefore.get(key(d)) ?? 0)) problems.push(`${what}: the diagnostic is still there after the fix`);
    const added = addedErrors(d, before, after, lo, hi, growth);
    if (added.length) problems.push(`${what}: the fix adds errors: ${added.join('; ')}`);
  }
  try {
    const once = fixAll(text, uri, options);
    const twice = fixAll(once.text, uri, options);
    if (twice.text !== once.text) problems.push(`fixAll twice differs from once (${twice.applied} more fixes the second time)`);
  } catch (e) {
    problems.push(`fixAll threw: ${(e as Error).message}`);
  }
  return problems;
}

/** One clear message: a non-empty single line, not the importer's catch-all for its own failures. */
function resultProblems(r: ImportResult | undefined, what: string): string[] {
  if (!r || typeof r !== 'object') return [`${what}: no result`];
  if (r.ok) return typeof r.markdown === 'string' ? [] : [`${what}: ok without Markdown`];
  const out: string[] = [];
  if (typeof r.reason !== 'string' || r.reason.trim() === '') out.push(`${what}: refused without a reason`);
  else if (/\n/.test(r.reason)) out.push(`${what}: reason is more than one line: ${JSON.stringify(r.reason)}`);
  else if (/^the importer failed/.test(r.reason)) out.push(`${what}: internal failure: ${r.reason}`);
  return out;
}

/** importText on any text: no throw, a result or one clear reason; what it writes checks without internal errors. */
export function importTextProblems(text: string, options: CheckOptions): string[] {
  let r: ImportResult;
  try {
    r = importText(text, { catalog, sourceName: 'fuzz.txt' });
  } catch (e) {
    return [`importText threw: ${(e as Error).stack ?? e}`];
  }
  const out = resultProblems(r, 'importText');
  if (r.ok && out.length === 0) out.push(...checkProblems(r.markdown, 'imported.md', options).problems.map((p) => `imported Markdown: ${p}`));
  return out;
}

/**
 * Promise rejections nobody handled: in the CLI or the server, Node ends the
 * process on one. pdf.js leaves some behind on damaged files, of its own
 * exception types; import/pdf.ts drops those while it reads (a test in
 * test/hardening runs the CLI on such a file), so they are not counted here.
 */
const stray: unknown[] = [];
let listening = false;
const PDFJS_ERROR = /^(?:XRef\w*Exception|FormatError|InvalidPDFException|MissingPDFException|UnknownErrorException|PasswordException|UnexpectedResponseException|AbortException|ResponseException)$/;
function listenForStrays(): void {
  if (listening) return;
  listening = true;
  process.on('unhandledRejection', (reason) => {
    if (!PDFJS_ERROR.test(String((reason as Error)?.name))) stray.push(reason);
  });
}

/** importPdf on any bytes: no throw, no unhandled rejection, a result or one clear reason. */
export async function importPdfProblems(bytes: Uint8Array): Promise<string[]> {
  listenForStrays();
  const before = stray.length;
  let r: ImportResult | undefined;
  let out: string[] = [];
  try {
    r = await importPdf(bytes, { catalog, sourceName: 'fuzz.pdf' });
    out = resultProblems(r, 'importPdf');
  } catch (e) {
    out = [`importPdf threw: ${(e as Error).stack ?? e}`];
  }
  // Give a rejection left behind by the PDF reader the chance to surface.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 1));
  if (stray.length > before) {
    out.push(`unhandled promise rejection (Node would end the process): ${stray.slice(before).map((x) => String((x as Error)?.message ?? x)).join('; ')}`);
  }
  return out;
}
