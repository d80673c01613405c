import type { Connection, ExecuteCommandParams } from 'vscode-languageserver/node';
import { judgementTableFor } from '../features/judgementTable';
import { fixAllEdits } from './codeActions';
import { workspaceEdit } from './convert';
import type { DiagnosticsScheduler } from './diagnostics';
import type { HistoryService } from './history';
import { followUpCommand, historyViewCommand } from './historyCommands';
import { exportCommand } from './exportCommand';
import { importCommand } from './importCommand';
import { COMMANDS, type EditResult, type TableCommandResult } from './protocol';
import type { Session } from './session';
import { checkWorkspace } from './workspace';


const PARAGRAPH_RULE = 'paragraph-numbering';

export function registerCommands(connection: Connection, session: Session, scheduler: DiagnosticsScheduler, history?: HistoryService): void {
  const apply = async (label: string, uri: string, version: number, lines: Parameters<typeof workspaceEdit>[2], edits: Parameters<typeof workspaceEdit>[3]) => {
    const r = await connection.workspace.applyEdit({ label, edit: workspaceEdit(uri, version, lines, edits, session.client.versionedEdits) });
    return r.applied;
  };

  const fix = async (uri: unknown, rule: string | undefined, label: string, none: string): Promise<EditResult> => {
    if (typeof uri !== 'string') return { ok: false, applied: 0, message: 'No document given.' };
    const a = await session.analyse(uri);
    if (!a) return { ok: false, applied: 0, message: 'That document is not open.' };
    if (!a.model.isReport) return { ok: false, applied: 0, message: 'This file is not a report: its front matter has no `report:` key.' };
    const { edits, applied } = fixAllEdits(a, rule);
    if (edits.length === 0) return { ok: true, applied: 0, message: none };
    const done = await apply(label, a.uri, a.version, a.model.lines, edits);
    if (!done) return { ok: false, applied: 0, message: 'The editor did not apply the changes (the document may have changed meanwhile).' };
    return { ok: true, applied, message: `${label}: ${applied} fix${applied === 1 ? '' : 'es'} applied.` };
  };

  connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.fixAll:
        return fix(args[0], undefined, 'Fix all inspection-report problems', 'Nothing to fix automatically.');
      case COMMANDS.renumberParagraphs:
        return fix(args[0], PARAGRAPH_RULE, 'Renumber paragraphs', 'The paragraph numbers already run in order.');
      case COMMANDS.checkWorkspace:
        return checkWorkspace(session, scheduler);
      case COMMANDS.judgementTable: {
        const [uri, line, applyIt] = args as [unknown, unknown, unknown];
        if (typeof uri !== 'string') return { ok: false, message: 'No document given.' } satisfies TableCommandResult;
        const a = await session.analyse(uri);
        if (!a) return { ok: false, message: 'That document is not open.' } satisfies TableCommandResult;
        const at = typeof line === 'number' ? line : a.model.lines.lineCount - 1;
        const t = judgementTableFor(a.model, a.context.options.profiles.catalog, at);
        if (!t.ok) return { ok: false, message: t.message } satisfies TableCommandResult;
        const position = a.model.lines.position(t.edit.start);
        if (applyIt === true) {
          const done = await apply('Insert judgement table', a.uri, a.version, a.model.lines, [t.edit]);
          return { ok: done, message: done ? `Inserted the judgement table for ${t.era}.` : 'The editor did not apply the change.', position } satisfies TableCommandResult;
        }
        return { ok: true, snippet: t.snippet, text: t.text, position, era: t.era, message: `Judgement table for ${t.era}.` } satisfies TableCommandResult;
      }
      case COMMANDS.importReports:
        return importCommand(args[0], args[1], typeof args[1] === 'string' ? session.rootFor(args[1]) : undefined);
      case COMMANDS.exportWord:
        return exportCommand(session, args[0], args[1], args[2]);
      case COMMANDS.followUp:
        if (!history) return { ok: false, message: 'This server keeps no history.' };
        return followUpCommand(session, history, args[0]);
      case COMMANDS.historyView:
        if (!history) return { ok: false, message: 'This server keeps no history.' };
        return historyViewCommand(session, history, args[0]);
      default:
        return { ok: false, message: `Unknown command ${params.command}.` };
    }
  });
}
