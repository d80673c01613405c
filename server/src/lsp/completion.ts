import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver/node';
import { escapeMarkdown } from '../domain/markdown';
import { completionsAt, type CompletionKind } from '../features/completion';
import { linkTargetAt } from '../features/historyLinks';
import { findingAt, linkCompletions } from '../history/index';
import type { HistoryService } from './history';
import type { Analysis, Session } from './session';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  judgement: CompletionItemKind.EnumMember,
  grade: CompletionItemKind.Value,
  heading: CompletionItemKind.Module,
  abbreviation: CompletionItemKind.Text,
  kind: CompletionItemKind.Enum,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  rule: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
};

/**
 * Characters after which an editor asks for completions unprompted: '(' for
 * finding links after `](`; '-' for the `ir-` snippets, because VS Code's quick
 * suggestions are off in Markdown (a trigger character is the one way to be
 * asked while typing without changing the user's settings for all Markdown).
 */
export const TRIGGER_CHARACTERS = ['|', ':', '(', '-'];

/**
 * Finding links after `](`: the finding's own matches first, best first, then
 * the other earlier findings of the authority, newest report first. Undefined
 * when the cursor is not in a link target.
 */
function findingLinkItems(a: Analysis, doc: TextDocument, offset: number, history: HistoryService | undefined): CompletionItem[] | undefined {
  const text = doc.getText();
  const at = linkTargetAt(text, offset);
  if (!at) return undefined;
  if (!history?.ready) return [];
  const report = history.reportFor(doc, a.model);
  if (!report) return [];
  const finding = findingAt(report, offset);
  const range = a.model.lines.range(at.replace);
  return linkCompletions(history.index, report, finding?.id).map((c): CompletionItem => ({
    label: c.label,
    kind: CompletionItemKind.Reference,
    detail: c.detail,
    labelDetails: { description: c.href },
    documentation: { kind: MarkupKind.Markdown, value: `${escapeMarkdown(c.documentation)}\n\n\`${c.href}\`` },
    sortText: c.sortText,
    // Match what was typed against the path as well as the label.
    filterText: `${c.href} ${c.label}`,
    textEdit: { range, newText: c.href },
  }));
}

/** Completion: judgement names and grades of the report's era, missing headings, full forms, front matter, rule ids, `ir-` snippets; finding links. */
export function registerCompletion(connection: Connection, session: Session, history?: HistoryService): void {
  connection.onCompletion(async (params) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a) return [];
    const offset = a.model.lines.offset(params.position);
    if (a.model.isReport && a.context.client.enable) {
      const links = findingLinkItems(a, a.doc, offset, history);
      if (links) return { isIncomplete: false, items: links };
    }
    const trigger = params.context?.triggerCharacter;
    if (trigger === '(') return [];
    // After '-' only the snippets: a hyphen in a heading or in prose asks for nothing else.
    const entries = completionsAt(a.model, a.context.options.profiles, offset).filter((e) => trigger !== '-' || e.kind === 'snippet');
    const { lines } = a.model;
    return entries.map((e): CompletionItem => {
      const snippet = e.snippet && session.client.snippets;
      const item: CompletionItem = {
        label: e.label,
        kind: KIND[e.kind],
        detail: e.detail,
        sortText: e.sortText,
        filterText: e.kind === 'snippet' ? e.label : e.insertText.trim() || e.label,
        textEdit: { range: lines.range(e.replace), newText: snippet ? e.snippet! : e.insertText },
      };
      if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      if (e.documentation) item.documentation = e.documentation;
      if (e.labelDescription) item.labelDetails = { description: e.labelDescription };
      if (e.preselect) item.preselect = true;
      return item;
    });
  });
}
