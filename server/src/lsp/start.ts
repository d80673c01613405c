import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../config/find';
import { VERSION } from '../cli/main';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { COMMANDS, STATS_REQUEST, type StatsResult } from './protocol';
import { TRIGGER_CHARACTERS, registerCompletion } from './completion';
import { FIX_ALL_KIND } from './convert';
import { DiagnosticsScheduler } from './diagnostics';
import { registerHover } from './hover';
import { SECTION, Session, uriToPath } from './session';
import { readClientSettings } from './settings';
import { registerSymbols } from './symbols';
import { recheckFromDisk } from './workspace';


/**
 * Wires the language server onto a connection. Every feature is a thin adapter
 * over the core: the LSP types are made in convert.ts and the features' logic
 * lives in ../features.
 */
export function startServer(connection: Connection): Session {
  const session = new Session(connection);
  const scheduler = new DiagnosticsScheduler(session);
  let workspaceFolders = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    session.client = {
      configuration: !!caps.workspace?.configuration,
      versionedEdits: !!caps.workspace?.workspaceEdit?.documentChanges,
      relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation,
      codeActionResolve: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
      codeActionLiterals: !!caps.textDocument?.codeAction?.codeActionLiteralSupport,
      snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
      workDoneProgress: !!caps.window?.workDoneProgress,
      watchDynamic: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationDynamic: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    };
    workspaceFolders = !!caps.workspace?.workspaceFolders;
    const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) roots.push(p);
    }
    session.roots = roots;
    // Editors that cannot be asked for settings may send them here.
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    if (init && typeof init === 'object' && init[SECTION] !== undefined) session.pushed = readClientSettings(init[SECTION]);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: session.client.codeActionLiterals
          ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true }
          : true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        documentSymbolProvider: { label: 'Inspection report' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'inspection-reports', version: VERSION },
    };
    return result;
  });

  connection.onInitialized(() => {
    if (session.client.watchDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }] });
    }
    if (session.client.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
    }
    if (workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        session.roots = session.roots.filter((r) => !removed.has(r));
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p && !session.roots.includes(p)) session.roots.push(p);
        }
        session.invalidate('workspace folders');
        scheduler.all();
      });
    }
    connection.console.log(`inspection-reports language server ${VERSION} ready`);
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SECTION];
    if (settings !== undefined) {
      const problems: string[] = [];
      session.pushed = readClientSettings(settings, problems);
      for (const m of problems) session.log(`settings: ${m}`);
    }
    session.invalidate('editor settings');
    scheduler.all();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (!change.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`) || c.uri.endsWith(`%2F${CONFIG_FILE}`))) return;
    session.invalidate(CONFIG_FILE);
    scheduler.all();
    for (const uri of scheduler.fromDisk) if (!session.documents.get(uri)) void recheckFromDisk(session, scheduler, uri);
  });

  // Opening checks at once; typing waits for the debounce. (Opening fires both events, open first.)
  const opening = new Set<string>();
  session.documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    scheduler.schedule(e.document.uri, 0);
  });
  session.documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    scheduler.schedule(e.document.uri);
  });
  session.documents.onDidClose((e) => {
    const uri = e.document.uri;
    session.forget(uri);
    if (scheduler.fromDisk.has(uri)) {
      scheduler.cancel(uri);
      void recheckFromDisk(session, scheduler, uri);
    } else scheduler.clear(uri);
  });

  registerCodeActions(connection, session);
  registerCommands(connection, session, scheduler);
  registerSymbols(connection, session);
  registerHover(connection, session);
  registerCompletion(connection, session);

  connection.onRequest(STATS_REQUEST, (): StatsResult => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, documents: session.documents.all().length };
  });

  session.documents.listen(connection);
  return session;
}
