import { MarkupKind, type Connection } from 'vscode-languageserver/node';
import type { Span } from '../core/types';
import { hoverAt } from '../features/hover';
import { ruleDocUri } from '../profiles/data';
import { findingAt, historyMarkdown, historyOf } from '../history/index';
import { ruleById } from '../rules/index';
import type { HistoryService } from './history';
import { lineLink } from './historyFeatures';
import type { Session } from './session';

/**
 * Hover: a diagnostic's rule explanation; a judgement name's or grade's meaning
 * and era; and on a finding, its history (the earlier findings about the same
 * concern, oldest first, each with a link to it).
 */
export function registerHover(connection: Connection, session: Session, history?: HistoryService): void {
  connection.onHover(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a || !a.model.isReport) return null;
    const offset = a.model.lines.offset(params.position);
    const h = hoverAt({
      model: a.model,
      catalog: a.context.options.profiles.catalog,
      offset,
      diagnostics: a.diagnostics,
      ruleLink: (id) => ruleDocUri(session.data, id),
      ruleSummary: (id) => ruleById(id)?.summary,
    });
    // The history leads: what earlier reports said about this finding; then the rule, in a line.
    const parts: string[] = [];
    let span: Span | undefined = h?.span;
    if (history?.ready && a.context.client.enable) {
      const report = history.reportFor(a.doc, a.model);
      const finding = report ? findingAt(report, offset) : undefined;
      if (report && finding) {
        const entries = historyOf(history.index, report, finding.id);
        if (entries.length > 0) {
          parts.push(historyMarkdown(entries, (e) => lineLink(e.target.uri, e.target.line)));
          span ??= finding.span;
        }
      }
    }
    if (h) parts.push(h.markdown);
    if (parts.length === 0 || !span) return null;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: a.model.lines.range(span) };
  });
}
