/**
 * Positions in a Word document for messages: a .docx has no lines, so a
 * place in the imported Markdown is given as the Word paragraph it came
 * from, by number and by its opening words: `paragraph 14 ("The delays in ...")`.
 */
import type { SourceParagraph } from './sourceMap';

const QUOTE_WORDS = 6;

/** The opening words of a paragraph, for a message. */
export function quoteOf(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const head = words.slice(0, QUOTE_WORDS).join(' ');
  const short = head.length > 60 ? `${head.slice(0, 57).trimEnd()}` : head;
  return words.length > QUOTE_WORDS || short !== head ? `${short} ...` : short;
}

export interface LinePlace {
  /** 1-based paragraph number, or undefined for the front matter (the title page). */
  paragraph?: number;
  quote?: string;
  /** How it reads in a message. */
  text: string;
}

/**
 * Where line `line` (0-based) of the imported Markdown came from. Lines that
 * came from no paragraph (front matter, blank lines) take the nearest
 * paragraph above them, or else the title page.
 */
export function describeLine(details: { paragraphs: SourceParagraph[]; lineParagraph: number[] }, line: number): LinePlace {
  for (let i = Math.min(line, details.lineParagraph.length - 1); i >= 0; i--) {
    const j = details.lineParagraph[i];
    if (j === undefined || j < 0) continue;
    const p = details.paragraphs[j];
    const quote = quoteOf(p.text);
    return { paragraph: p.index, quote, text: `paragraph ${p.index} (${JSON.stringify(quote)})` };
  }
  return { text: 'title page (front matter)' };
}
