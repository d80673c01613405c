import type { TextEdit } from '../../core/types';
import type { ReportModel, NumberedParagraph } from '../../model/types';

/**
 * Renumbering a list item can change the width of its marker ('10.' to '9.'),
 * and in CommonMark the marker's width decides which indented lines belong to
 * the item. These edits keep the structure: when an indented line's membership
 * would change, keep the content column (pad or trim the spaces after the
 * marker), or failing that re-indent the item's own continuation lines.
 */
export function markerWidthEdits(model: ReportModel, p: NumberedParagraph, oldDigits: number, newDigits: number): TextEdit[] {
  const diff = newDigits - oldDigits;
  if (diff === 0 || p.style !== 'list') return [];
  const { lines } = model;
  const line = p.line;
  const src = lines.line(line);
  const afterMarker = p.numberSpan.end - lines.lineStart(line);
  const spaces = /^ */.exec(src.slice(afterMarker))![0].length;
  if (spaces === 0 || afterMarker + spaces >= src.length) return []; // an empty item: nothing hangs on the column
  const oldCol = afterMarker + spaces;
  const newCol = oldCol + diff;
  const lastLine = lines.lineOf(p.span.end);
  const indent = (n: number) => /^ */.exec(lines.line(n))![0].length;
  if (diff < 0) {
    // Shrinking: a following line indented in [newCol, oldCol) would be pulled into the item.
    let n = lastLine + 1;
    while (n < lines.lineCount && lines.line(n).trim() === '') n++;
    if (n >= lines.lineCount) return [];
    const k = indent(n);
    if (k < newCol || k >= oldCol) return [];
    if (spaces - diff > 4) return []; // five spaces would start code inside the item
    const at = p.numberSpan.end;
    return [{ start: at, end: at, newText: ' '.repeat(-diff) }];
  }
  // Growing: the item's own lines indented in [oldCol, newCol) would fall out of it.
  const inside: number[] = [];
  for (let n = line + 1; n <= lastLine; n++) {
    const k = indent(n);
    if (lines.line(n).trim() !== '' && k >= oldCol && k < newCol) inside.push(n);
  }
  if (inside.length === 0) return [];
  if (spaces - diff >= 1) return [{ start: p.numberSpan.end, end: p.numberSpan.end + diff, newText: '' }];
  return inside.map((n) => ({ start: lines.lineStart(n), end: lines.lineStart(n), newText: ' '.repeat(diff) }));
}
