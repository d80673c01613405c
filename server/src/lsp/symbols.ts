import type { Connection } from 'vscode-languageserver/node';
import { foldingRanges } from '../features/folding';
import { outline } from '../features/symbols';
import { documentSymbol, foldingRange } from './convert';
import type { Session } from './session';

/** The outline (judgement table, sections with grades, paragraphs, findings) and folding ranges. */
export function registerSymbols(connection: Connection, session: Session): void {
  connection.onDocumentSymbol(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a || !a.model.isReport) return [];
    return outline(a.model).map((i) => documentSymbol(a.model.lines, i));
  });
  connection.onFoldingRanges(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a || !a.model.isReport) return [];
    return foldingRanges(a.model).map(foldingRange);
  });
}
