/**
 * Rebuilds a judgement table from its printed lines: names on the left,
 * grades in a column on the right, either of them wrapped over lines, and a
 * grade printed level with the middle of its name rather than its first line.
 */
import type { Catalog } from '../profiles/types';
import { gradeComplete, importGradesFor } from './grades';
import { splitTableText } from './patterns';
import type { PdfItem } from './pdf';
import type { TableRow } from './types';

export interface TableLine {
  y: number;
  size: number;
  items: PdfItem[];
}

/** Text made only of grade words ("Requires improvement", "to be good."). */
export function isGradeWords(text: string, catalog: Catalog): boolean {
  const words = text.replace(/[.,]+$/, '').split(/\s+/).filter(Boolean);
  const grades = importGradesFor(catalog).words;
  return words.length > 0 && words.every((w) => grades.has(w.toLowerCase()));
}

interface Group {
  top: number;
  bottom: number;
  parts: string[];
}

function textOf(items: PdfItem[]): string {
  let s = '';
  let end = -Infinity;
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    if (s && !/\s$/.test(s) && !/^\s/.test(it.str) && it.x - end > it.size * 0.18) s += ' ';
    s += it.str;
    end = it.x + it.w;
  }
  return s.replace(/\s+/g, ' ').trim();
}

export function buildTable(lines: TableLine[], catalog: Catalog, headerGradeX?: number): TableRow[] {
  const g = importGradesFor(catalog);
  let gradeX = headerGradeX;
  if (gradeX === undefined) {
    const xs = lines.flatMap((l) => l.items.filter((it) => it.x > 250 && g.words.has((it.str.trim().split(/\s+/)[0] ?? '').toLowerCase())).map((it) => it.x));
    if (xs.length === 0) return splitTableText(lines.map((l) => textOf(l.items)).join(' '), catalog);
    gradeX = Math.min(...xs);
  }
  const cut = gradeX - 10;
  const names: Group[] = [];
  const grades: Group[] = [];
  const size = lines[0]?.size ?? 12;
  for (const l of lines) {
    const left = textOf(l.items.filter((it) => it.x < cut));
    const right = textOf(l.items.filter((it) => it.x >= cut));
    if (left) {
      const last = names[names.length - 1];
      const numbered = /^\d(\.\d)?\.?\s/.test(left);
      // A name that ends with a full stop ends its row, however close the next name.
      const ended = last !== undefined && /\.$/.test(last.parts[last.parts.length - 1]);
      if (last && !numbered && !ended && last.bottom - l.y <= size * 1.6) {
        last.parts.push(left);
        last.bottom = l.y;
      } else names.push({ top: l.y, bottom: l.y, parts: [left] });
    }
    if (right) {
      const last = grades[grades.length - 1];
      const complete = last && gradeComplete(catalog, last.parts.join(' '), right);
      if (last && !complete && last.bottom - l.y <= size * 1.6) {
        last.parts.push(right);
        last.bottom = l.y;
      } else grades.push({ top: l.y, bottom: l.y, parts: [right] });
    }
  }
  if (names.length === 0 || grades.length === 0) return [];
  // Each grade goes to the name row whose lines it sits level with (or nearest).
  // Cells lose a trailing full stop: a table cell takes none.
  const rows: TableRow[] = names.map((n) => ({ name: n.parts.join(' ').replace(/^\d(?:\.\d)?\.?\s+/, '').replace(/\.$/, ''), grade: '' }));
  for (const g of grades) {
    const mid = (g.top + g.bottom) / 2;
    let best = 0;
    let bestD = Infinity;
    names.forEach((n, k) => {
      const d = mid > n.top + size * 0.6 ? mid - n.top : mid < n.bottom - size * 0.6 ? n.bottom - mid : 0;
      if (d < bestD) { bestD = d; best = k; }
    });
    rows[best].grade = rows[best].grade ? `${rows[best].grade} ${g.parts.join(' ')}` : g.parts.join(' ');
  }
  return rows.filter((r) => r.name && r.grade).map((r) => ({ name: r.name, grade: r.grade.replace(/\.$/, '') }));
}
