/**
 * Ties the imported Markdown back to the Word paragraphs it came from, so
 * that `check draft.docx` can say "paragraph 14 ("The delays in ...")"
 * instead of a line the user never sees, and places each review comment
 * after the paragraph it was made on.
 *
 * The builder reorders little and rewrites less (it escapes Markdown, turns
 * bullet glyphs into `-`, splits a signature line), so each line is matched
 * by its letters and digits to the next paragraph that contains them.
 */

export interface SourceParagraph {
  /** 1-based: the paragraph's place among the document's paragraphs with text. */
  index: number;
  /** The paragraph as it reads (with its printed number, if any). */
  text: string;
  /** Comment ids anchored in it. */
  comments: string[];
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The text of a Markdown line without its block markup and escapes. */
function lineText(line: string): string {
  return line
    .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+|>\s?)/, '')
    .replace(/\\(.)/g, '$1');
}

/** The end of the front matter (the index of the line after the closing `---`), or 0. */
export function frontMatterEnd(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  const close = lines.indexOf('---', 1);
  return close < 0 ? 0 : close + 1;
}

/**
 * For each line of `markdown`, the index (into `paras`) of the paragraph it
 * came from, or -1 (front matter, blank lines, table rulers).
 */
export function mapLines(markdown: string, paras: SourceParagraph[]): number[] {
  const lines = markdown.split('\n');
  const keys = paras.map((p) => key(p.text));
  const out = lines.map(() => -1);
  let at = 0;
  const find = (k: string, from: number, to: number): number => {
    for (let j = from; j < to; j++) if (keys[j] && (keys[j].startsWith(k) || keys[j].includes(k) || (keys[j].length >= 8 && k.startsWith(keys[j])))) return j;
    return -1;
  };
  for (let i = frontMatterEnd(lines); i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || /^\|?\s*:?-{3,}/.test(line)) continue;
    // A table row: matched by its first cell.
    const text = line.startsWith('|') ? line.split(/(?<!\\)\|/)[1] ?? '' : lineText(line);
    const k = key(text).slice(0, 48);
    if (!k) continue;
    let j = find(k, at, paras.length);
    if (j < 0) j = find(k, 0, at);
    if (j < 0) continue;
    out[i] = j;
    if (j >= at) at = j;
  }
  return out;
}

/**
 * Inserts each paragraph's comments (as HTML) after the last line that came
 * from it, or from the nearest paragraph before it that made it into the
 * Markdown. Returns the new text and its line map.
 */
export function insertComments(markdown: string, map: number[], paras: SourceParagraph[], html: (id: string) => string | undefined): { text: string; map: number[] } {
  const lines = markdown.split('\n');
  const lastLine = new Map<number, number>();
  map.forEach((j, i) => { if (j >= 0) lastLine.set(j, i); });
  const after = new Map<number, string[]>();
  const orphans: string[] = [];
  paras.forEach((p, j) => {
    for (const id of p.comments) {
      const h = html(id);
      if (!h) continue;
      let target = -1;
      for (let k = j; k >= 0 && target < 0; k--) target = lastLine.get(k) ?? -1;
      for (let k = j + 1; k < paras.length && target < 0; k++) target = lastLine.get(k) ?? -1;
      if (target < 0) orphans.push(h);
      else after.set(target, [...(after.get(target) ?? []), h]);
    }
  });
  const outLines: string[] = [];
  const outMap: number[] = [];
  lines.forEach((line, i) => {
    outLines.push(line);
    outMap.push(map[i]);
    const extra = after.get(i);
    if (!extra) return;
    // Inside a list item the comment is indented to the item's text, so the list stays one list.
    const marker = /^(\d{1,9}[.)]|[-*+])\s+/.exec(line);
    const indent = marker ? ' '.repeat(marker[0].length) : '';
    const inTable = line.startsWith('|');
    if (inTable) {
      // After the whole table, set apart by a blank line.
      let end = i;
      while (end + 1 < lines.length && lines[end + 1].startsWith('|')) end++;
      if (end !== i) {
        after.set(end, [...(after.get(end) ?? []), ...extra]);
        return;
      }
      outLines.push('');
      outMap.push(-1);
    }
    for (const h of extra) {
      outLines.push(inTable ? h : indent + h);
      outMap.push(map[i]);
    }
  });
  if (orphans.length > 0) {
    while (outLines.length > 0 && outLines[outLines.length - 1] === '') { outLines.pop(); outMap.pop(); }
    outLines.push('', ...orphans, '');
    outMap.push(-1, ...orphans.map(() => -1), -1);
  }
  return { text: outLines.join('\n'), map: outMap };
}
