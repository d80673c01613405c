import type { ReportModel } from '../model/types';

export interface Fold {
  startLine: number;
  /** Inclusive, as in LSP. */
  endLine: number;
  kind?: 'region' | 'comment';
}

/**
 * Folding ranges: the front matter, the judgement table, each section (to its
 * last non-blank line), and each disable ... enable pair.
 */
export function foldingRanges(model: ReportModel): Fold[] {
  const out: Fold[] = [];
  const add = (startLine: number, endLine: number, kind?: Fold['kind']) => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (model.frontMatter) {
    add(0, model.lines.lineOf(model.frontMatter.span.end));
  }
  if (model.table) add(model.table.line, model.lines.lineOf(model.table.span.end));
  for (const s of model.sections) {
    let last = s.endLine - 1;
    while (last > s.startLine && model.lines.line(last).trim() === '') last--;
    add(s.startLine, last);
  }
  const open = new Map<string, number>();
  for (const d of [...model.disables].sort((a, b) => a.line - b.line)) {
    const key = d.rules.join(',');
    if (d.kind === 'disable' && !open.has(key)) open.set(key, d.line);
    else if (d.kind === 'enable' && open.has(key)) {
      add(open.get(key)!, d.line, 'comment');
      open.delete(key);
    }
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
