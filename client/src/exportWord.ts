// "Export to Word": asks where to write (the save dialog asks before replacing
// a file), then the server exports the open report. A report with errors is
// refused first; the user sees the errors and may export anyway.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS, type ExportCommandResult } from '../../server/src/lsp/protocol';

interface Deps {
  activeReport(): { editor: vscode.TextEditor; uri: string } | undefined;
  run<T>(command: string, args: unknown[]): Promise<T>;
  fail(e: unknown): void;
  output: vscode.LogOutputChannel;
}

export function exportWordCommand(deps: Deps): () => Promise<void> {
  return async () => {
    const at = deps.activeReport();
    if (!at) return;
    const doc = at.editor.document;
    const base = doc.uri.scheme === 'file' ? doc.uri.fsPath.replace(/\.(md|markdown)$/i, '') : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'report');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(`${base}.docx`), filters: { 'Word document': ['docx'] }, title: 'Export to Word', saveLabel: 'Export',
    });
    if (!target) return;
    try {
      const exportTo = (allowErrors: boolean) => deps.run<ExportCommandResult>(COMMANDS.exportWord, [at.uri, target.fsPath, { allowErrors, force: true }]);
      let r = await exportTo(false);
      if (!r.ok && r.refused) {
        for (const e of r.errors) deps.output.appendLine(`${doc.uri.fsPath}:${e}`);
        const shown = r.errors.slice(0, 8).join('\n') + (r.errorCount > 8 ? `\n… and ${r.errorCount - 8} more (see the output)` : '');
        const choice = await vscode.window.showWarningMessage(r.message, { modal: true, detail: shown }, 'Export Anyway', 'Show Problems');
        if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
        if (choice !== 'Export Anyway') return;
        r = await exportTo(true);
      }
      if (!r.ok) {
        void vscode.window.showErrorMessage(r.message);
        return;
      }
      const open = await vscode.window.showInformationMessage(r.message, 'Open');
      if (open) await vscode.env.openExternal(target);
    } catch (e) {
      deps.fail(e);
    }
  };
}
