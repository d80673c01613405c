// The extension's side of the history: the follow-up document, the history view
// (a webview that only hosts the page the server makes: no scripts), and the two
// small commands that code lenses and the view's links call.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type Location as LspLocation, type Position as LspPosition } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, COMMANDS, type FollowUpResult, type HistoryViewResult } from '../../server/src/lsp/protocol';

export interface HistoryDeps {
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  /** The report in the active editor, as the server names it; undefined (after saying why) when there is none. */
  activeReport(): { editor: vscode.TextEditor; uri: string } | undefined;
}

export function registerHistoryCommands(context: vscode.ExtensionContext, deps: HistoryDeps): void {
  const { client: lc, output } = deps;
  const run = <T>(command: string, args: unknown[]) => lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
  const fail = (e: unknown) => {
    output.appendLine(`command failed: ${(e as Error).message ?? e}`);
    void vscode.window.showErrorMessage(`Inspection Reports: ${(e as Error).message ?? e}`);
  };

  let panel: vscode.WebviewPanel | undefined;
  let panelFor: string | undefined;
  const showHistory = async (uri: string, reveal: boolean) => {
    const r = await run<HistoryViewResult>(COMMANDS.historyView, [uri]);
    if (!r.ok || !r.html) {
      if (reveal) void vscode.window.showInformationMessage(r.message);
      return;
    }
    if (!panel) {
      panel = vscode.window.createWebviewPanel('inspectionReports.history', r.title ?? 'History', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        // No scripts: the page is SVG and CSS. Its links run one command only: open a report at a line.
        enableScripts: false,
        enableCommandUris: [CLIENT_COMMANDS.openLocation],
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      panel.onDidDispose(() => {
        panel = undefined;
        panelFor = undefined;
      }, undefined, context.subscriptions);
    } else if (reveal) panel.reveal(undefined, true);
    panel.title = r.title ?? 'History';
    panel.webview.html = r.html;
    panelFor = uri;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('inspectionReports.showHistory', async () => {
      const at = deps.activeReport();
      if (!at) return;
      try {
        await showHistory(at.uri, true);
      } catch (e) {
        fail(e);
      }
    }),
    // The view follows the report it shows: saved again, drawn again.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const uri = lc.code2ProtocolConverter.asUri(doc.uri);
      if (panel && panelFor === uri) void showHistory(uri, false).catch(fail);
    }),
    vscode.commands.registerCommand('inspectionReports.followUp', async () => {
      const at = deps.activeReport();
      if (!at) return;
      try {
        const r = await run<FollowUpResult>(COMMANDS.followUp, [at.uri]);
        if (!r.ok || !r.markdown) {
          void vscode.window.showInformationMessage(r.message);
          return;
        }
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        void vscode.window.showInformationMessage(r.message);
      } catch (e) {
        fail(e);
      }
    }),
    // Code lens "3 earlier findings": the server gives protocol types; the peek view wants VS Code's.
    vscode.commands.registerCommand(CLIENT_COMMANDS.showEarlierFindings, async (uri: string, position: LspPosition, locations: LspLocation[]) => {
      try {
        const p2c = lc.protocol2CodeConverter;
        await vscode.commands.executeCommand('editor.action.showReferences', p2c.asUri(uri), p2c.asPosition(position), (locations ?? []).map((l) => p2c.asLocation(l)));
      } catch (e) {
        fail(e);
      }
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.openLocation, async (uri: string, line: number) => {
      try {
        const at = new vscode.Position(Math.max(0, Number(line) || 0), 0);
        await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One, preview: true });
      } catch (e) {
        fail(e);
      }
    }),
  );
}
