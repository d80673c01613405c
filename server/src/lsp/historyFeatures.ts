import type { CodeLens, Connection, DocumentLink, Location, Position, Range } from 'vscode-languageserver/node';
import { placeLinkAt, placeLinks } from '../features/historyLinks';
import { historyLenses, type HistoryLens, type HistoryReport } from '../history/index';
import type { HistoryService } from './history';
import { CLIENT_COMMANDS } from './protocol';
import { toUri } from './convert';
import type { Session } from './session';


/** A link that opens a report at a line (VS Code reads the `#L13` fragment). */
export function lineLink(indexUri: string, line: number | undefined): string {
  return line === undefined ? toUri(indexUri) : `${toUri(indexUri)}#L${line + 1}`;
}

/** A finding's first line (ranges past a line's end fall back to its end, as the protocol says). */
export function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

export function location(indexUri: string, line: number): Location {
  return { uri: toUri(indexUri), range: lineRange(line) };
}

/** Arguments of the code lens's command: the editor's "peek" needs the document, a position and the places. */
export type EarlierFindingsArgs = [uri: string, position: Position, locations: Location[]];

/**
 * Code lenses ("3 earlier findings", opening them in a peek view), document
 * links and go to definition for finding links and mentions of earlier reports.
 */
export function registerHistoryFeatures(connection: Connection, session: Session, history: HistoryService): void {
  const lensCache = new Map<string, { version: number; generation: number; lenses: HistoryLens[]; index: unknown }>();

  const reportOf = async (uri: string) => {
    const a = await session.analyse(uri);
    if (!a || !a.model.isReport || !a.context.client.enable || !history.ready) return undefined;
    const report = history.reportFor(a.doc, a.model);
    return report ? { a, report } : undefined;
  };

  const lensesFor = (uri: string, version: number, report: HistoryReport): HistoryLens[] => {
    const held = lensCache.get(uri);
    const index = history.index;
    if (held && held.version === version && held.generation === index.generation && held.index === index) return held.lenses;
    const lenses = historyLenses(index, report);
    lensCache.set(uri, { version, generation: index.generation, lenses, index });
    return lenses;
  };

  connection.onCodeLens(async (params) => {
    const r = await reportOf(params.textDocument.uri);
    // A published record (a report in a history folder) gets no drafting aids.
    if (!r || history.isRecord(r.a.uri, r.a.context)) return [];
    const { a, report } = r;
    const lenses = lensesFor(a.uri, a.version, report);
    return lenses.map((l): CodeLens => {
      const range = a.model.lines.range({ start: l.span.start, end: l.span.start });
      const args: EarlierFindingsArgs = [a.uri, range.start, l.entries.map((e) => location(e.target.uri, e.target.line))];
      return { range, command: { title: l.title, command: CLIENT_COMMANDS.showEarlierFindings, arguments: args } };
    });
  });

  connection.onDocumentLinks(async (params) => {
    const r = await reportOf(params.textDocument.uri);
    if (!r) return [];
    return placeLinks(history.index, r.report, r.a.model.text).map((l): DocumentLink => ({
      range: r.a.model.lines.range(l.span),
      target: lineLink(l.uri, l.line),
      tooltip: l.tooltip,
    }));
  });

  connection.onDefinition(async (params) => {
    const r = await reportOf(params.textDocument.uri);
    if (!r) return null;
    const hit = placeLinkAt(placeLinks(history.index, r.report, r.a.model.text), r.a.model.lines.offset(params.position));
    if (!hit) return null;
    return location(hit.uri, hit.line ?? 0);
  });

  session.documents.onDidClose((e) => lensCache.delete(e.document.uri));
}
