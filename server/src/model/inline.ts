import type { Span } from '../core/types';
import { blockSpan } from './text';
import type { DisableDirective, Link, ReportModel, TextBlock } from './types';

/** What this module needs of a markdown-it inline token. */
export interface InlineToken {
  children: { type: string; content: string; attrGet(name: string): string | number | null }[] | null;
}

const DIRECTIVE = /<!--\s*inspection-reports-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

const LINK_SRC = /\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

/** Links and inline disable comments in one inline block. */
export function readInlineChildren(model: ReportModel, inline: InlineToken, block: TextBlock): void {
  const children = inline.children ?? [];
  const hrefs: { href: string; text: string }[] = [];
  for (let k = 0; k < children.length; k++) {
    const c = children[k];
    if (c.type === 'html_inline') readDirectives(model, c.content, block.line, block);
    if (c.type === 'link_open') {
      let text = '';
      for (let j = k + 1; j < children.length && children[j].type !== 'link_close'; j++) text += children[j].content;
      hrefs.push({ href: String(c.attrGet('href') ?? ''), text });
    }
  }
  if (hrefs.length === 0) return;
  const sources = [...block.text.matchAll(LINK_SRC)];
  hrefs.forEach((h, n) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(h.href)) return; // absolute URLs are not report links
    const src = sources[n];
    const raw = src ? src[1] : h.href;
    let span: Span;
    if (src && src.index !== undefined) {
      const from = src.index + src[0].indexOf(raw, 2);
      span = blockSpan(block.offsets, from, from + raw.length);
    } else span = blockSpan(block.offsets, 0, block.text.length);
    const hash = raw.indexOf('#');
    const link: Link = {
      href: raw,
      path: safeDecode(hash >= 0 ? raw.slice(0, hash) : raw),
      fragment: hash >= 0 ? safeDecode(raw.slice(hash + 1)) : '',
      text: h.text,
      span,
      line: model.lines.lineOf(span.start),
    };
    model.links.push(link);
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The dialect's disable / enable comments in an HTML block or inline HTML. */
export function readDirectives(model: ReportModel, content: string, firstLine: number, block?: TextBlock): void {
  DIRECTIVE.lastIndex = 0;
  for (const m of content.matchAll(DIRECTIVE)) {
    const before = content.slice(0, m.index ?? 0);
    const lineInContent = (before.match(/\n/g) ?? []).length;
    let span: Span;
    if (block) {
      const at = block.text.indexOf(m[0]);
      span = at >= 0 ? blockSpan(block.offsets, at, at + m[0].length) : model.lines.lineSpan(firstLine);
    } else span = model.lines.lineSpan(firstLine + lineInContent);
    const directive: DisableDirective = {
      kind: m[1] as DisableDirective['kind'],
      rules: m[2].split(/[\s,]+/).filter(Boolean),
      line: model.lines.lineOf(span.start),
      span,
    };
    model.disables.push(directive);
  }
}
