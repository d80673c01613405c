/**
 * Dialect links to earlier findings (dialect.md, "Links to earlier findings"):
 * checking that their file and finding exist, the text to insert for a quick
 * fix, and completion items after `](`.
 */
import type { TextEdit } from '../core/types';
import { excerpt, linkText, reportLabel } from './labels';
import { isFindingId, resolveLink } from './resolve';
import type { HistoryIndex } from './store';
import { scoreFinding } from './suggest';
import type { HistoryReport, LinkProblem, Suggestion } from './types';
import { relativeHref } from './uris';

export interface LinkCheckOptions {
  /** Whether a file exists (by uriKey), to tell "no such file" from "not a report"; undefined: not known yet (say nothing). */
  fileExists?: (key: string) => boolean | undefined;
}

function nearIds(target: HistoryReport, wanted: string): string[] {
  const m = /^([a-z]+)-([0-9.]+)$/.exec(wanted);
  if (!m) return [];
  const n = parseFloat(m[2]);
  return target.findings
    .filter((f) => f.id.startsWith(`${m[1]}-`))
    .map((f) => ({ id: f.id, d: Math.abs(parseFloat(f.id.slice(m[1].length + 1)) - n) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}

/** Links whose file or finding does not exist. Links to headings and web pages are left alone. */
export function checkLinks(index: HistoryIndex, report: HistoryReport, options: LinkCheckOptions = {}): LinkProblem[] {
  const out: LinkProblem[] = [];
  for (const link of report.links) {
    const toFinding = isFindingId(link.fragment);
    const toMarkdown = /\.(md|markdown)$/i.test(link.path);
    if (!toFinding && !toMarkdown) continue;
    const t = resolveLink(index, report, link);
    if (!t.key) continue;
    const base = { span: link.span, line: link.line, href: link.href };
    if (!t.report) {
      // Without a way to look at the disk, a link to some other Markdown file cannot be judged.
      if (!toFinding && !options.fileExists) continue;
      const exists = options.fileExists?.(t.key);
      if (options.fileExists && exists === undefined) continue; // being looked up: the history asks again when it knows
      if (exists === true && !toFinding) continue; // a link to some other Markdown file
      if (exists === true) {
        out.push({
          ...base, kind: 'not-a-report', severity: 'warning',
          message: `'${link.path}' is not a report (its front matter has no 'report:'), so it has no finding '${link.fragment}'.`,
        });
      } else {
        out.push({
          ...base, kind: 'missing-file', severity: 'error',
          message: exists === false || options.fileExists
            ? `There is no file '${link.path}'.`
            : `There is no report '${link.path}' in the history.`,
        });
      }
      continue;
    }
    if (toFinding && !t.finding) {
      const near = nearIds(t.report, link.fragment);
      const where = t.report === report ? 'this report' : `'${link.path}' (${reportLabel(t.report)})`;
      out.push({
        ...base, kind: 'missing-finding', severity: 'error',
        message: `There is no finding '${link.fragment}' in ${where}.${near.length ? ` Nearest: ${near.join(', ')}.` : ''}`,
        didYouMean: near.length ? near : undefined,
      });
    }
  }
  return out;
}

/** The Markdown for a link to an earlier finding: "[2018 inspection, paragraph 13](../2018-11-ilacs.md#para-13)". */
export function linkMarkdown(s: Pick<Suggestion, 'linkText' | 'href'>): string {
  return `[${s.linkText}](${s.href})`;
}

/**
 * The edit that adds a link to a finding, in brackets before its closing full
 * stop: "... in good time ([2018 inspection, paragraph 13](../x.md#para-13))."
 * `text` is the open document's text.
 */
export function linkInsertion(text: string, report: HistoryReport, findingId: string, s: Pick<Suggestion, 'linkText' | 'href'>): TextEdit | undefined {
  const f = report.findings.find((x) => x.id === findingId);
  if (!f) return undefined;
  // The end of the finding's first paragraph (a finding may run over several).
  const body = text.slice(f.span.start, f.span.end);
  const para = body.search(/\n[ \t]*\n/);
  let end = f.span.start + (para >= 0 ? para : body.length);
  while (end > f.span.start && /\s/.test(text[end - 1])) end--;
  const stop = /[.!?]/.test(text[end - 1] ?? '') ? end - 1 : end;
  return { start: stop, end: stop, newText: ` (${linkMarkdown(s)})` };
}

export interface LinkCompletion {
  label: string;
  /** What goes after `](`. */
  href: string;
  detail: string;
  documentation: string;
  /** Order: the finding's matches first (best first), then other earlier findings, newest report first. */
  sortText: string;
  score?: number;
}

/** Completion items for a finding link typed inside finding `findingId` (or anywhere, when undefined). */
export function linkCompletions(index: HistoryIndex, report: HistoryReport, findingId?: string, max = 200): LinkCompletion[] {
  const earlier = index.earlier(report);
  const out: LinkCompletion[] = [];
  const seen = new Set<string>();
  if (findingId) {
    for (const s of scoreFinding(index, report, findingId, earlier).slice(0, 10)) {
      const href = relativeHref(report.uri, s.report.uri, s.finding.id);
      seen.add(href);
      out.push({
        label: linkText(s.report, s.finding.id), href, detail: `${Math.round(s.score * 100)}% match`,
        documentation: excerpt(s.finding.text, 300), sortText: `0-${String(out.length).padStart(4, '0')}`, score: s.score,
      });
    }
  }
  for (let i = earlier.length - 1; i >= 0 && out.length < max; i--) {
    const r = earlier[i];
    for (const f of r.findings) {
      if (out.length >= max) break;
      const href = relativeHref(report.uri, r.uri, f.id);
      if (seen.has(href)) continue;
      out.push({
        label: linkText(r, f.id), href, detail: reportLabel(r), documentation: excerpt(f.text, 300),
        sortText: `1-${String(out.length).padStart(4, '0')}`,
      });
    }
  }
  return out;
}
