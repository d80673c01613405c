/**
 * Inline Markdown (a markdown-it inline token) as runs of printed text: bold,
 * italic, code, line breaks, web links, and links to earlier findings printed
 * as readable references. Pure.
 */
import { findingLabel } from '../history/labels';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** A soft line break in the source (prints as a space, except in a letter's signature). */
  soft?: boolean;
  /** A hard line break. */
  break?: boolean;
  /** A web address this run links to. */
  url?: string;
  /** A link to another report's finding (or a same-file one): printed as its text, never as a link. */
  ref?: { path: string; fragment: string };
}

interface InlineLike {
  children: { type: string; content: string; attrGet(name: string): string | number | null }[] | null;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** The runs of one inline token (a paragraph's, heading's or cell's text). */
export function readRuns(inline: InlineLike | undefined): Run[] {
  const out: Run[] = [];
  let bold = 0;
  let italic = 0;
  let link: { href: string; start: number } | undefined;
  for (const c of inline?.children ?? []) {
    switch (c.type) {
      case 'text':
        if (c.content) out.push(style({ text: c.content }, bold, italic, link));
        break;
      case 'code_inline':
        out.push(style({ text: c.content, code: true }, bold, italic, link));
        break;
      case 'softbreak':
        out.push({ text: ' ', soft: true });
        break;
      case 'hardbreak':
        out.push({ text: '', break: true });
        break;
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italic++; break;
      case 'em_close': italic--; break;
      case 'link_open':
        link = { href: String(c.attrGet('href') ?? ''), start: out.length };
        break;
      case 'link_close':
        if (link) finishLink(out, link);
        link = undefined;
        break;
      case 'image':
        if (c.content) out.push({ text: c.content, italic: true });
        break;
      default:
        break; // html_inline: comments and directives are not printed
    }
  }
  return merge(out);
}

function style(r: Run, bold: number, italic: number, link: { href: string } | undefined): Run {
  if (bold > 0) r.bold = true;
  if (italic > 0) r.italic = true;
  if (link) {
    if (ABSOLUTE.test(link.href)) r.url = link.href;
    else {
      const hash = link.href.indexOf('#');
      r.ref = hash >= 0 ? { path: link.href.slice(0, hash), fragment: link.href.slice(hash + 1) } : { path: link.href, fragment: '' };
    }
  }
  return r;
}

/** Whether an href points at another report or a finding (printed as a reference), not a web page. */
export function isReportLink(href: string): boolean {
  return !ABSOLUTE.test(href);
}

/**
 * How a link to a finding reads in print when its own text is only its address
 * or the finding's id: '2019-06-ilacs, paragraph 12'. Undefined when the link
 * text already reads as a reference ('2019 inspection, paragraph 12').
 */
export function readableReference(href: string, text: string): string | undefined {
  const hash = href.indexOf('#');
  const fragment = hash >= 0 ? href.slice(hash + 1) : '';
  const t = text.trim();
  if (!isReportLink(href) || !(t === '' || t === href || t === fragment || t === `#${fragment}`)) return undefined;
  const file = (hash >= 0 ? href.slice(0, hash) : href).split('/').pop()?.replace(/\.(md|markdown)$/i, '') ?? '';
  return [file, fragment ? findingLabel(fragment) : ''].filter(Boolean).join(', ') || href;
}

function finishLink(out: Run[], link: { href: string; start: number }): void {
  const runs = out.slice(link.start);
  const readable = readableReference(link.href, runs.map((r) => r.text).join(''));
  if (readable === undefined) return;
  const first = runs[0] ?? style({ text: '' }, 0, 0, link);
  out.splice(link.start, runs.length, { ...first, text: readable });
}

/** Joins neighbouring runs that print alike (fewer, longer runs in the Word file). */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !r.break && !last.break && !r.soft && !last.soft && same(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

function same(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.url === b.url
    && a.ref?.path === b.ref?.path && a.ref?.fragment === b.ref?.fragment;
}
