/**
 * Judgement headings printed as a row of two columns: the judgement's name
 * on the left (wrapped over lines) and its grade in a column on the right
 * (wrapped too, perhaps level with the middle of the name, or one line above
 * and one below it). Read line by line they interleave ("... who need help
 * Requires improvement and protection to be good"); rebuilt from positions,
 * like a judgement table row, they become one line "<name>: <grade>".
 */
import type { Catalog } from '../profiles/types';
import { buildTable, isGradeWords, type TableLine } from './layoutTable';
import { importNamesFor } from './names';
import { BULLET, NUMBERED } from './patterns';
import type { Line as RowLine } from './layout';
import type { PdfItem } from './pdf';

/** A line's grade column: items printed well apart to the right, made only of grade words. */
export function gradeColumn(l: RowLine, catalog: Catalog): { left: PdfItem[]; right: PdfItem[] } | undefined {
  const items = l.items.filter((it) => it.str.trim());
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const gapBefore = k === 0 ? it.x - 200 : it.x - (items[k - 1].x + items[k - 1].w);
    if (it.x < 250 || gapBefore < 30) continue;
    const right = items.slice(k);
    if (isGradeWords(right.map((r) => r.str).join(' '), catalog)) return { left: items.slice(0, k), right };
    return undefined;
  }
  return undefined;
}

/** A line that starts a judgement's name (capitalised: "children who need help" continues one). */
function startsName(text: string, catalog: Catalog): boolean {
  return /^[A-Z]/.test(text) && importNamesFor(catalog).start.test(text) && !NUMBERED.test(text);
}

function textOf(items: PdfItem[]): string {
  return items.map((it) => it.str).join(' ').replace(/\s+/g, ' ').trim();
}

/** Replaces each two-column judgement heading in `lines` (none of the judgement table's) by one line reading "<name>: <grade>". */
export function rebuildGradedHeadings<L extends RowLine>(lines: L[], catalog: Catalog): L[] {
  const out: L[] = [];
  const column = (l: RowLine) => gradeColumn(l, catalog);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const col = column(l);
    const leftText = col ? textOf(col.left) : l.text;
    if (!startsName(leftText, catalog)) {
      out.push(l);
      continue;
    }
    const near = (a: RowLine, b: RowLine) => a.page === b.page && a.y - b.y > 0 && a.y - b.y <= Math.max(a.size, b.size) * 1.7;
    // A grade-only line just above the name (the grade's first line).
    const block: L[] = [];
    const before = out[out.length - 1];
    if (before && near(before, l) && !startsName(before.text, catalog)) {
      const c = column(before);
      if (c && c.left.length === 0) block.push(out.pop()!);
    }
    block.push(l);
    let j = k + 1;
    let nameEnded = /[.:;]$/.test(leftText);
    for (; j < lines.length && near(lines[j - 1], lines[j]); j++) {
      const c = column(lines[j]);
      const left = c ? textOf(c.left) : lines[j].text;
      if (left === '') { block.push(lines[j]); continue; }
      if (nameEnded || Math.abs(lines[j].size - l.size) > 0.6 || NUMBERED.test(left) || BULLET.test(left) || startsName(left, catalog)) break;
      block.push(lines[j]);
      nameEnded = /[.:;]$/.test(left);
    }
    k = j - 1;
    const graded = block.filter((b) => column(b));
    const rows = graded.length === 0 ? [] : buildTable(block.map((b): TableLine => ({ y: b.y, size: b.size, items: b.items })), catalog, Math.min(...graded.map((b) => column(b)!.right[0].x)));
    if (rows.length !== 1) out.push(...block);
    else out.push({ ...l, text: `${rows[0].name.replace(/[\s.:]+$/, '')}: ${rows[0].grade.replace(/[\s.]+$/, '')}`, rebuilt: true });
  }
  return out;
}
