// The VS Code extension: thin. It starts the bundled language server over IPC,
// shows the report's kind and error count in the status bar, and forwards its
// few commands to the server. All checking happens in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  COMMANDS, HISTORY_NOTIFICATION, STATUS_NOTIFICATION, type EditResult, type HistoryStatus, type ImportCommandResult, type StatusParams, type TableCommandResult, type WorkspaceSummary,
} from '../../server/src/lsp/protocol';
import { exportWordCommand } from './exportWord';
import { registerHistoryCommands } from './history';
import type { extendMarkdownIt } from './preview';
import { statusText, statusTooltip } from './status';

let client: LanguageClient | undefined;

const PROBLEMS = 'workbench.actions.view.problems';

export function activate(context: vscode.ExtensionContext): { extendMarkdownIt: typeof extendMarkdownIt } {
  const output = vscode.window.createOutputChannel('Inspection Reports', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every Markdown file is sent; the server checks only those whose front matter has `report:`.
    documentSelector: [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }],
    outputChannel: output,
    diagnosticCollectionName: 'inspection-reports',
    // VS Code's Markdown support already gives the outline, breadcrumbs and Go to Symbol from the
    // headings; a second provider would show every heading twice (issue 12, item 9). Other editors
    // have none, and get the server's richer outline.
    initializationOptions: { markdownOutline: true },
  };
  const lc = new LanguageClient('inspectionReports', 'Inspection Reports', serverOptions, clientOptions);
  client = lc;

  const statuses = new Map<string, StatusParams>();
  let history: HistoryStatus | undefined;
  const item = vscode.window.createStatusBarItem('inspectionReports.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Inspection Reports';
  item.command = PROBLEMS;
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc ? statuses.get(lc.code2ProtocolConverter.asUri(doc.uri)) : undefined;
    if (!s || !s.isReport) {
      item.hide();
      return;
    }
    item.text = statusText(s);
    item.tooltip = statusTooltip(s, history);
    item.backgroundColor = s.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : s.warnings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  lc.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
    statuses.set(s.uri, s);
    update();
  });
  lc.onNotification(HISTORY_NOTIFICATION, (h: HistoryStatus) => {
    history = h;
    update();
  });

  const activeReport = (): { editor: vscode.TextEditor; uri: string } | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage('Open a report (a Markdown file with `report:` in its front matter) first.');
      return undefined;
    }
    return { editor, uri: lc.code2ProtocolConverter.asUri(editor.document.uri) };
  };
  const run = <T>(command: string, args: unknown[]) => lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
  const fail = (e: unknown) => {
    output.appendLine(`command failed: ${(e as Error).message ?? e}`);
    void vscode.window.showErrorMessage(`Inspection Reports: ${(e as Error).message ?? e}`);
  };
  const editCommand = (server: string) => async () => {
    const at = activeReport();
    if (!at) return;
    try {
      const r = await run<EditResult>(server, [at.uri]);
      if (!r.ok || r.applied === 0) void vscode.window.showInformationMessage(r.message);
    } catch (e) {
      fail(e);
    }
  };

  context.subscriptions.push(
    output,
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidCloseTextDocument((d) => {
      statuses.delete(lc.code2ProtocolConverter.asUri(d.uri));
    }),
    vscode.commands.registerCommand('inspectionReports.checkWorkspace', async () => {
      try {
        const r = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Checking reports in the workspace' },
          () => run<WorkspaceSummary>(COMMANDS.checkWorkspace, []),
        );
        const msg = `Checked ${r.reports} report${r.reports === 1 ? '' : 's'}: ${r.errors} errors, ${r.warnings} warnings`
          + (r.unreadable > 0 ? `; ${r.unreadable} file(s) could not be read (see the output)` : '');
        void vscode.window.showInformationMessage(msg);
        await vscode.commands.executeCommand(PROBLEMS);
      } catch (e) {
        fail(e);
      }
    }),
    vscode.commands.registerCommand('inspectionReports.renumberParagraphs', editCommand(COMMANDS.renumberParagraphs)),
    vscode.commands.registerCommand('inspectionReports.fixAll', editCommand(COMMANDS.fixAll)),
    vscode.commands.registerCommand('inspectionReports.insertJudgementTable', async () => {
      const at = activeReport();
      if (!at) return;
      try {
        const r = await run<TableCommandResult>(COMMANDS.judgementTable, [at.uri, at.editor.selection.active.line, false]);
        if (!r.ok || !r.snippet || !r.position) {
          void vscode.window.showInformationMessage(r.message);
          return;
        }
        await at.editor.insertSnippet(new vscode.SnippetString(r.snippet), new vscode.Position(r.position.line, r.position.character));
      } catch (e) {
        fail(e);
      }
    }),
    vscode.commands.registerCommand('inspectionReports.importReports', async () => {
      const files = await vscode.window.showOpenDialog({
        canSelectMany: true, openLabel: 'Import', title: 'Reports to import (published PDF or text, or a Word draft)',
        filters: { 'Reports and drafts': ['pdf', 'docx', 'txt'], 'All files': ['*'] },
      });
      if (!files || files.length === 0) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const out = await vscode.window.showOpenDialog({
        canSelectFiles: false, canSelectFolders: true, openLabel: 'Write here', title: 'Folder for the imported reports (for example history/)', defaultUri: folder,
      });
      if (!out || out.length === 0) return;
      try {
        const r = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Importing ${files.length} report${files.length === 1 ? '' : 's'}` },
          () => run<ImportCommandResult>(COMMANDS.importReports, [files.map((f) => f.fsPath), out[0].fsPath]),
        );
        for (const m of r.messages) output.appendLine(m);
        const show = r.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
        void show(`${r.message}${r.ok ? '' : ' (see the output for why)'}`);
        if (r.imported[0]) await vscode.window.showTextDocument(vscode.Uri.file(r.imported[0]));
      } catch (e) {
        fail(e);
      }
    }),
    vscode.commands.registerCommand('inspectionReports.exportWord', exportWordCommand({ activeReport, run, fail, output })),
    { dispose: () => void client?.stop() },
  );
  registerHistoryCommands(context, { client: lc, output, activeReport });

  // Start in the background so that activation stays fast.
  lc.start().catch((e: unknown) => output.appendLine(`The language server did not start: ${(e as Error).message ?? e}`));
  // The Markdown preview of a report looks like the printed report (markdown.markdownItPlugins in package.json).
  // The plugin reads the report model, so it is its own bundle (dist/preview.js), loaded only when a preview opens.
  const previewModule = context.asAbsolutePath(path.join('dist', 'preview.js'));
  return {
    extendMarkdownIt: (md) => (require(previewModule) as { extendMarkdownIt: typeof extendMarkdownIt }).extendMarkdownIt(md),
  };
}

export function deactivate(): Thenable<void> | undefined {
  const c = client;
  client = undefined;
  return c?.stop();
}
