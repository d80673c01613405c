import type { BenchRow } from './types';

/**
 * Turns what a section module returned into table rows. Modules written
 * against types.ts return BenchRow[]; a module with its own shape is read
 * leniently: `median_ms` for `median`, any other `<what>_median_ms` as the
 * reference, and remaining plain values kept in `data`. A row without a name
 * or a numeric median is a module bug and throws (reported as a crash).
 */
export function normaliseRows(value: unknown, section: string): BenchRow[] {
  if (!Array.isArray(value)) throw new Error(`section '${section}' returned ${typeof value}, not a list of rows`);
  return value.map((raw: unknown, i) => {
    if (!raw || typeof raw !== 'object') throw new Error(`section '${section}' row ${i + 1} is not an object`);
    const r = raw as Record<string, unknown>;
    const median = num(r.median) ?? num(r.median_ms) ?? num(r.medianMs);
    if (typeof r.name !== 'string' || median === undefined) {
      throw new Error(`section '${section}' row ${i + 1} has no name or numeric median`);
    }
    const row: BenchRow = {
      section: typeof r.section === 'string' ? r.section : section,
      name: r.name,
      median,
    };
    if (num(r.runs) !== undefined) row.runs = num(r.runs);
    if (typeof r.unit === 'string') row.unit = r.unit;
    if (num(r.ratio) !== undefined) row.ratio = num(r.ratio);
    if (typeof r.target === 'string') row.target = r.target;
    if (typeof r.met === 'boolean') row.met = r.met;
    if (typeof r.note === 'string') row.note = r.note;
    const ref = r.reference as BenchRow['reference'] | undefined;
    if (ref && typeof ref === 'object' && typeof ref.name === 'string' && typeof ref.median === 'number') row.reference = ref;
    const known = new Set(['section', 'name', 'median', 'median_ms', 'medianMs', 'runs', 'unit', 'ratio', 'target', 'met', 'note', 'reference', 'data']);
    const data: Record<string, number | string | boolean> = { ...((r.data as BenchRow['data']) ?? {}) };
    for (const [k, v] of Object.entries(r)) {
      if (known.has(k)) continue;
      const refMs = /^(.+)_median_ms$/.exec(k);
      if (refMs && typeof v === 'number' && !row.reference) row.reference = { name: refMs[1].replace(/_/g, ' '), median: v };
      else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') data[k] = v;
    }
    if (Object.keys(data).length > 0) row.data = data;
    return row;
  });
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
