import type { BenchRow } from './types';

/** One plain-text table of every row, in the order given. */
export function formatTable(rows: BenchRow[]): string {
  const head = ['section', 'measure', 'median', 'runs', 'reference', 'ratio', 'target', 'note'];
  const body = rows.map((r) => [
    r.section,
    r.name,
    `${fmt(r.median)} ${r.unit ?? 'ms'}`,
    r.runs === undefined ? '' : String(r.runs),
    r.reference ? `${r.reference.name}: ${fmt(r.reference.median)} ${r.reference.unit ?? r.unit ?? 'ms'}` : '',
    r.ratio === undefined ? '' : fmt(r.ratio),
    r.target ? `${r.target}${r.met === undefined ? '' : r.met ? ' (met)' : ' (NOT met)'}` : '',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toFixed(3);
}
