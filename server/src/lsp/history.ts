import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel } from '../model/types';
import type { HistoryContext } from '../rules/types';
import type { HistoryIndex, HistoryReport } from '../history/index';
import { HistoryService as CoreHistoryService, type HistoryStatus } from '../history/service';
import type { WorkspaceChange } from '../core/workspace';
import { NodeWorkspace } from '../io/nodeWorkspace';
import { HISTORY_NOTIFICATION } from './protocol';
import { historyFolders, historySettings, isInside, workspaceHistoryRoots } from './historyRoots';
import { uriToPath, type Analysis, type DocContext, type Session } from './session';

const KINDS: Record<number, WorkspaceChange['kind']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/**
 * The language server's side of the history (history/service.ts holds the
 * index, what is read and when): the editor's file events in, the service's
 * status out as a notification, the folders each document's settings name,
 * and the history for a document in the terms the session asks for.
 */
export class HistoryService {
  private readonly workspace = new NodeWorkspace();
  readonly service: CoreHistoryService;
  private noted = new Map<string, string>();
  /** Called when the folders read change (the file watchers follow them). */
  onRoots?: () => void;

  /** `changed` is called whenever the index changes in a way other documents may see. */
  constructor(private readonly session: Session, changed: () => void) {
    this.service = new CoreHistoryService({
      workspace: this.workspace,
      data: session.data,
      profilesFor: (uri) => historySettings(session, uriToPath(uri) ?? uri).profiles,
      maxFileSize: (file) => historySettings(session, file).config.maxFileSize,
      roots: () => workspaceHistoryRoots(session),
      openDocuments: () => session.documents.all(),
      log: (m) => session.log(m),
      changed,
      status: (s) => void session.connection.sendNotification(HISTORY_NOTIFICATION, s),
      rootsChanged: () => this.onRoots?.(),
    });
  }

  get index(): HistoryIndex {
    return this.service.index;
  }

  get ready(): boolean {
    return this.service.ready;
  }

  get roots(): string[] {
    return this.service.roots;
  }

  status(): HistoryStatus {
    return this.service.status();
  }

  /** Reads every folder again (`force`: even when they are the same; a settings file may have changed the kinds). */
  rebuild(force = true): Promise<void> {
    // Folders named by open documents' own settings are noted again when they are next checked.
    this.noted.clear();
    return this.service.rebuild(force);
  }

  /** A document's settings may name history folders that are not read yet: read them too. */
  noteContext(a: Pick<Analysis, 'uri' | 'key' | 'context'>): void {
    if (this.noted.get(a.uri) === a.key) return;
    this.noted.set(a.uri, a.key);
    this.service.want(historyFolders(a.context, this.session.rootFor(uriToPath(a.uri))));
  }

  reportFor(doc: TextDocument, model?: ReportModel): HistoryReport | undefined {
    return this.service.reportFor(doc, model);
  }

  closed(uri: string): Promise<void> {
    this.noted.delete(uri);
    return this.service.closed(uri);
  }

  /** workspace/didChangeWatchedFiles, fed to the workspace the service listens to. */
  fileEvents(changes: readonly FileEvent[]): void {
    const out: WorkspaceChange[] = [];
    for (const c of changes) {
      const file = uriToPath(c.uri);
      if (file && KINDS[c.type]) out.push({ kind: KINDS[c.type], path: file });
    }
    if (out.length > 0) this.workspace.fire(out);
  }

  /** The history for checkDocument (see history/service.ts's contextFor); the editor's `enable` switches it off. */
  contextFor(uri: string, model: ReportModel, ctx: DocContext, doc?: TextDocument): { context: HistoryContext; stamp: string } | undefined {
    if (!ctx.client.enable) return undefined;
    if (doc && this.service.ready && model.isReport) this.noteContext({ uri, key: ctx.key, context: ctx });
    return this.service.contextFor(uri, model, { record: this.isRecord(uri, ctx), doc });
  }

  /** Whether a document is a published record: it sits in a history folder its settings name. */
  isRecord(uri: string, ctx: DocContext): boolean {
    const file = uriToPath(uri);
    return !!file && historyFolders(ctx, this.session.rootFor(file)).some((h) => isInside(file, h));
  }
}
