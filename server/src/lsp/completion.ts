import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Connection } from 'vscode-languageserver/node';
import { completionsAt, type CompletionKind } from '../features/completion';
import type { Session } from './session';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  judgement: CompletionItemKind.EnumMember,
  grade: CompletionItemKind.Value,
  heading: CompletionItemKind.Module,
  abbreviation: CompletionItemKind.Text,
  kind: CompletionItemKind.Enum,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
};

/** Characters after which an editor asks for completions unprompted. */
export const TRIGGER_CHARACTERS = ['|', ':'];

/** Completion: judgement names and grades of the report's era, missing headings, full forms, front matter. */
export function registerCompletion(connection: Connection, session: Session): void {
  connection.onCompletion(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a) return [];
    const entries = completionsAt(a.model, a.context.options.profiles, a.model.lines.offset(params.position));
    const { lines } = a.model;
    return entries.map((e): CompletionItem => {
      const snippet = e.snippet && session.client.snippets;
      const item: CompletionItem = {
        label: e.label,
        kind: KIND[e.kind],
        detail: e.detail,
        sortText: e.sortText,
        filterText: e.insertText.trim() || e.label,
        textEdit: { range: lines.range(e.replace), newText: snippet ? e.snippet! : e.insertText },
      };
      if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      if (e.documentation) item.documentation = e.documentation;
      return item;
    });
  });
}
