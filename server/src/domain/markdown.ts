/**
 * The Markdown toolkit: the one markdown-it set-up the tool parses with,
 * escaping text for Markdown that the editor renders (hovers, completion
 * documentation), and short plain excerpts of Markdown text.
 */
import MarkdownIt from 'markdown-it';

/**
 * A markdown-it parser configured as the whole tool reads reports: CommonMark
 * with HTML blocks (comments carry disable switches), no linkify, no
 * typographer (the text is the author's, quotes and dashes included). Parsing
 * keeps no state between documents, so one instance serves every caller.
 */
export const markdownIt = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/** A block or inline token, as markdown-it gives it. */
export type MarkdownToken = ReturnType<typeof markdownIt.parse>[number];

/**
 * Text shown as itself inside rendered Markdown: every character that could
 * start emphasis, code, a link, HTML or a table cell is backslash-escaped
 * (CommonMark allows a backslash before any ASCII punctuation).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/**
 * A Markdown text on one line, for a label or a quotation: comments dropped,
 * links and images reduced to their text, emphasis and code marks removed,
 * white space collapsed; cut at a word boundary near `max` characters (not
 * before half of it), trailing punctuation dropped, and '…' added.
 */
export function excerpt(text: string, max = 200): string {
  const flat = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max).replace(/[\s,;:.]+$/, '')}…`;
}
