import { MarkupKind, type Connection } from 'vscode-languageserver/node';
import { ruleDocPage } from '../features/docs';
import { hoverAt } from '../features/hover';
import { ruleById } from '../rules/index';
import type { Session } from './session';

/** Hover: a diagnostic's rule explanation; a judgement name's or grade's meaning and era. */
export function registerHover(connection: Connection, session: Session): void {
  connection.onHover(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a || !a.model.isReport) return null;
    const h = hoverAt({
      model: a.model,
      catalog: a.context.options.profiles.catalog,
      offset: a.model.lines.offset(params.position),
      diagnostics: a.diagnostics,
      ruleDoc: ruleDocPage,
      ruleSummary: (id) => ruleById(id)?.summary,
    });
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.model.lines.range(h.span) };
  });
}
