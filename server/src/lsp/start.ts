import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { HistoryService } from './history';
import { registerHistoryFeatures } from './historyFeatures';
import { HistoryWatchers } from './historyWatch';
import { CONFIG_FILE } from '../config/find';
import { VERSION } from '../version';
import { loadHistoryData } from '../io/history';
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
import { inboundLinks } from '../history/inbound';

/** How long the history waits for more changes before checking the open reports again. */
const HISTORY_REFRESH_MS = 250;

/**
 * Wires the language server onto a connection. Every feature is a thin adapter
 * over the core: the LSP types are made in convert.ts and the features' logic
 * lives in ../features.
 */
export function startServer(connection: Connection): Session {
  // The built-in data, read once here at the edge: the history's synonyms, and the rule pages (diagnostics link to them).
  const session = new Session(connection, loadHistoryData({ ruleDocs: true }));
  const scheduler = new DiagnosticsScheduler(session);
  let workspaceFolders = false;
  let initialised = false;

  // When the history changes (a file, another report's edit, a load finishing), the open
  // reports are checked again, and published only where their diagnostics change.
  let refreshTimer: NodeJS.Timeout | undefined;
  const historyChanged = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      for (const doc of session.documents.all()) scheduler.refresh(doc.uri);
      if (session.client.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, HISTORY_REFRESH_MS);
  };
  const history = new HistoryService(session, historyChanged);
  const watchers = new HistoryWatchers(session, history);
  history.onRoots = () => void watchers.update();
  session.historyFor = (uri, model, ctx, doc) => history.contextFor(uri, model, ctx, doc);
  session.settleHistory = (uri, model) => history.service.settle(uri, model);
  session.inboundLinks = (uri) => (history.ready ? inboundLinks(history.index, uri) : []);
  session.onInvalidate = (reason) => {
    if (!initialised) return;
    // A settings file may change the report kinds: read everything again. The editor's settings only when the folders change.
    void history.rebuild(reason === CONFIG_FILE);
  };

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
      relativePatterns: !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport,
      codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
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
        // An editor with an outline of its own for Markdown (VS Code's built-in one) says so, and gets
        // no second outline from us: the two would show side by side (issue 12, item 9).
        documentSymbolProvider: init?.markdownOutline === true ? undefined : { label: 'Inspection report' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
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
        session.invalidate('workspace folders'); // the history reads the folders again (onInvalidate)
        scheduler.all();
      });
    }
    connection.console.log(`inspection-reports language server ${VERSION} ready`);
    initialised = true;
    // The history is read in the background: diagnostics do not wait for it.
    void history.rebuild();
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
    const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`) || uri.endsWith(`%2F${CONFIG_FILE}`);
    const others = change.changes.filter((c) => !isConfig(c.uri));
    if (others.length > 0) void history.fileEvents(others);
    if (!change.changes.some((c) => isConfig(c.uri))) return;
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
    void history.closed(uri);
    if (scheduler.fromDisk.has(uri)) {
      scheduler.cancel(uri);
      void recheckFromDisk(session, scheduler, uri);
    } else scheduler.clear(uri);
  });

  registerCodeActions(connection, session, history);
  registerCommands(connection, session, scheduler, history);
  registerSymbols(connection, session);
  registerHover(connection, session, history);
  registerCompletion(connection, session, history);
  registerHistoryFeatures(connection, session, history);

  connection.onRequest(STATS_REQUEST, (): StatsResult => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, documents: session.documents.all().length, history: history.status() };
  });

  session.documents.listen(connection);
  return session;
}
