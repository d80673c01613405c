/**
 * Review comments from word/comments.xml, and their form in the dialect: an
 * HTML comment, which every Markdown viewer hides and the checker ignores.
 * The text is made safe for an HTML comment (no `--`), and starts with
 * "Word comment" so that it can never read as a disable directive.
 */
import { kids, plainText, type XmlElement } from './xml';

export interface WordComment {
  id: string;
  author?: string;
  date?: string;
  text: string;
}

export function readComments(root: XmlElement | undefined): Map<string, WordComment> {
  const out = new Map<string, WordComment>();
  for (const c of kids(root, 'w:comment')) {
    const id = c.attrs['w:id'];
    if (id === undefined) continue;
    const text = kids(c, 'w:p').map((p) => plainText(p).replace(/\s+/g, ' ').trim()).filter(Boolean).join(' / ');
    out.set(id, { id, author: c.attrs['w:author'] || undefined, date: c.attrs['w:date']?.slice(0, 10) || undefined, text });
  }
  return out;
}

/** `<!-- Word comment by Ann Example (2024-05-01): Is this right? -->` */
export function commentHtml(c: WordComment): string {
  const clean = (s: string) => s.replace(/-{2,}/g, '–').replace(/-$/, '–').replace(/[\r\n]+/g, ' ');
  const who = c.author ? ` by ${clean(c.author)}` : '';
  const when = c.date && /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? ` (${c.date})` : '';
  return `<!-- Word comment${who}${when}: ${clean(c.text) || '(empty)'} -->`;
}
