import { randomBytes } from 'crypto';
import * as path from 'path';
import { followUpMarkdown } from '../features/followUp';
import { historyPage } from '../features/historyPage';
import { followUp, historyView, type HistoryReport } from '../history/index';
import type { Catalog } from '../profiles/types';
import type { HistoryService } from './history';
import { toUri } from './convert';
import { lineLink } from './historyFeatures';
import { CLIENT_COMMANDS, type FollowUpResult, type HistoryViewResult } from './protocol';
import { uriToPath, type Session } from './session';

type Found = { ok: true; report: HistoryReport; uri: string; catalog: Catalog } | { ok: false; message: string };

async function openReport(session: Session, history: HistoryService, uri: unknown): Promise<Found> {
  if (typeof uri !== 'string') return { ok: false, message: 'No document given.' };
  const a = await session.analyse(uri);
  if (!a) return { ok: false, message: 'That document is not open.' };
  if (!a.model.isReport) return { ok: false, message: 'This file is not a report: its front matter has no `report:` key.' };
  if (!history.ready) return { ok: false, message: 'The history is still being read; try again in a moment.' };
  const report = history.reportFor(a.doc, a.model);
  if (!report) return { ok: false, message: 'This report could not be read for the history (see the output).' };
  if (!report.authorityKey) return { ok: false, message: 'This report names no authority (`authority:` in the front matter, or the title), so it has no history.' };
  return { ok: true, report, uri: a.uri, catalog: a.context.options.profiles.catalog };
}

/** "Follow up previous improvement items": the data, and the same as a Markdown document. */
export async function followUpCommand(session: Session, history: HistoryService, uri: unknown): Promise<FollowUpResult> {
  const found = await openReport(session, history, uri);
  if (!found.ok) return { ok: false, message: found.message };
  const { report } = found;
  const a = await session.analyse(found.uri);
  if (a && history.isRecord(a.uri, a.context)) {
    return { ok: false, message: 'This report is in a history folder: it is a published record, not a draft to follow up. Run the command on a draft.' };
  }
  const f = followUp(history.index, report);
  const draftName = path.basename(uriToPath(found.uri) ?? found.uri);
  const markdown = followUpMarkdown(f, { draftName, draftUri: found.uri, linkFor: (u, line) => lineLink(u, line) });
  if (!f.report) {
    return { ok: true, message: 'No earlier report of this authority with improvement items is in the history.', markdown, items: [], unaddressed: 0 };
  }
  return {
    ok: true,
    message: `${f.items.length - f.unaddressed.length} of ${f.items.length} improvement items of the ${f.report.label} are addressed in the draft.`,
    markdown,
    report: { ...f.report, uri: toUri(f.report.uri) },
    items: f.items.map((i) => ({
      findingId: i.item.findingId,
      text: i.item.excerpt,
      uri: toUri(i.item.uri),
      line: i.item.line,
      addressedBy: i.addressedBy.map((x) => ({ findingId: x.findingId, line: x.line, score: x.score, excerpt: x.excerpt })),
    })),
    unaddressed: f.unaddressed.length,
  };
}

/** A command URI the history view's links use: the extension opens the file at the line. */
export function openLocationUri(indexUri: string, line: number): string {
  return `command:${CLIENT_COMMANDS.openLocation}?${encodeURIComponent(JSON.stringify([toUri(indexUri), line]))}`;
}

/** The history view: the chart and the recurring concerns, as one HTML page for a webview. */
export async function historyViewCommand(session: Session, history: HistoryService, uri: unknown): Promise<HistoryViewResult> {
  const found = await openReport(session, history, uri);
  if (!found.ok) return { ok: false, message: found.message };
  const view = historyView(history.index, found.report);
  const { html, title } = historyPage(view, {
    nonce: randomBytes(16).toString('hex'),
    catalog: found.catalog,
    equivalents: history.index.synonyms.judgements,
    linkFor: openLocationUri,
  });
  return { ok: true, message: `${view.reports.length} reports, ${view.concerns.length} recurring concerns.`, title, html, reports: view.reports.length, concerns: view.concerns.length };
}
