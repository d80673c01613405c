import * as fs from 'fs';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText } from '../io/files';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config';
import type { ReportModel } from '../model/types';
import type { HistoryContext } from '../rules/types';
import { HistoryIndex, isFindingId, loadHistoryAsync, resolveLinkKey, uriKey, type HistoryReport } from '../history/index';
import { HISTORY_NOTIFICATION, type HistoryStatus } from './protocol';
import { dedupeRoots, historyFolders, isInside, profilesFinder, workspaceHistoryRoots } from './historyRoots';
import { uriToPath, type Analysis, type DocContext, type Session } from './session';

const MARKDOWN = /\.(md|markdown)$/i;

interface OpenEntry {
  version: number;
  index: HistoryIndex;
  report?: HistoryReport;
  /** Kept in the index (the file is under a root), not only prepared. */
  indexed: boolean;
}

/**
 * The language server's history: an index of every report in the workspace
 * folders and the history folders, loaded in the background (diagnostics do
 * not wait for it), following file changes and the open documents' edits.
 * Bad files are logged once each; nothing here throws at the server.
 */
export class HistoryService {
  index: HistoryIndex = new HistoryIndex({ profilesFor: profilesFinder() });
  /** True once the first load has finished: before that the history says nothing. */
  ready = false;
  loading = false;
  roots: string[] = [];
  loadMs?: number;
  private rebuilds = 0;
  private extraRoots: string[] = [];
  private queued: FileEvent[] = [];
  private readonly logged = new Set<string>();
  private problemCount = 0;
  private readonly open = new Map<string, OpenEntry>();
  /** Bumped whenever `index` is replaced: part of the stamp results are cached under. */
  private epoch = 0;
  private readonly triedLinks = new Set<string>();
  private readonly linkedFiles = new Set<string>();
  private noted = new Map<string, string>();
  private lastSignature = '';
  /** Called when the folders read change (the file watchers follow them). */
  onRoots?: () => void;

  /** `changed` is called whenever the index changes in a way other documents may see. */
  constructor(private readonly session: Session, private readonly changed: () => void) {}

  status(): HistoryStatus {
    return { state: this.ready && !this.loading ? 'ready' : 'loading', reports: this.index.size, roots: this.roots, loadMs: this.loadMs, problems: this.problemCount };
  }

  private notify(): void {
    void this.session.connection.sendNotification(HISTORY_NOTIFICATION, this.status());
  }

  /** Logs a problem with one file once, however often it is met. */
  problem(file: string, reason: string): void {
    const key = `${file}\u0000${reason}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.problemCount++;
    this.session.log(`history: ${file}: ${reason} (not indexed)`);
  }

  private checkLastError(index: HistoryIndex): void {
    if (!index.lastError) return;
    this.problem(index.lastError.uri, `could not be read as a report: ${index.lastError.message}`);
    index.lastError = undefined;
  }

  /** Whether a file belongs in the index: under a root, or a linked report read on demand. */
  covers(file: string): boolean {
    return this.roots.some((r) => isInside(file, r)) || this.linkedFiles.has(uriKey(file));
  }

  /**
   * Reads every root afresh into a new index, in the background; the old index
   * serves until the new one is ready. `force`: even when the roots are the same
   * (a settings file changed: its report kinds may have).
   */
  async rebuild(force = true): Promise<void> {
    const token = ++this.rebuilds;
    const wanted = dedupeRoots(await workspaceHistoryRoots(this.session));
    if (token !== this.rebuilds) return;
    const signature = wanted.join('\n');
    if (!force && this.ready && !this.loading && signature === this.lastSignature) return;
    // Folders named by open documents' own settings are noted again when they are next checked.
    this.extraRoots = [];
    this.noted.clear();
    this.loading = true;
    this.notify();
    const index = new HistoryIndex({ profilesFor: profilesFinder() });
    const t0 = performance.now();
    const result = await loadHistoryAsync(index, wanted, { cancelled: () => token !== this.rebuilds, batch: 25 });
    if (token !== this.rebuilds) return;
    this.index = index;
    this.epoch++;
    this.roots = wanted;
    this.lastSignature = signature;
    this.loadMs = Math.round(performance.now() - t0);
    for (const p of result.problems) this.problem(p.file, p.reason);
    this.checkLastError(index);
    this.open.clear();
    this.triedLinks.clear();
    this.linkedFiles.clear();
    // The open documents' text wins over what was just read from disk.
    for (const doc of this.session.documents.all()) this.reportFor(doc);
    this.ready = true;
    this.loading = false;
    const reports = result.files.filter((f) => f.report).length;
    this.session.log(`history: ${reports} reports indexed from ${wanted.length} folder${wanted.length === 1 ? '' : 's'} in ${this.loadMs} ms`);
    this.onRoots?.();
    const queued = this.queued;
    this.queued = [];
    if (queued.length > 0) await this.fileEvents(queued, false);
    this.notify();
    this.changed();
    // Folders a document's settings named while this load ran.
    const missing = this.extraRoots.filter((h) => !this.covers(h));
    if (missing.length > 0) void this.addRoots(missing);
  }

  /** A document's settings may name history folders that are not read yet: read them too. */
  noteContext(a: Pick<Analysis, 'uri' | 'key' | 'context'>): void {
    if (this.noted.get(a.uri) === a.key) return;
    this.noted.set(a.uri, a.key);
    const file = uriToPath(a.uri);
    const fresh = historyFolders(a.context, this.session.rootFor(file)).filter((h) => !this.covers(h) && !this.extraRoots.includes(h));
    if (fresh.length === 0) return;
    this.extraRoots.push(...fresh);
    if (!this.ready || this.loading) return; // the load under way reads them when it ends
    void this.addRoots(fresh);
  }

  private async addRoots(roots: string[]): Promise<void> {
    const index = this.index;
    const result = await loadHistoryAsync(index, roots, { batch: 25 });
    if (index !== this.index) return; // a rebuild took over (and read them)
    this.roots = dedupeRoots([...this.roots, ...roots]);
    for (const p of result.problems) this.problem(p.file, p.reason);
    this.checkLastError(index);
    this.open.clear();
    for (const doc of this.session.documents.all()) this.reportFor(doc);
    this.session.log(`history: ${result.files.filter((f) => f.report).length} more reports from ${roots.join(', ')}`);
    this.onRoots?.();
    this.notify();
    this.changed();
  }

  /**
   * The history's view of an open document at its current version: kept in the
   * index when the file is under a root (so other reports see the edit), else
   * only prepared against it.
   */
  reportFor(doc: TextDocument, model?: ReportModel): HistoryReport | undefined {
    const held = this.open.get(doc.uri);
    if (held && held.version === doc.version && held.index === this.index) return held.report;
    const file = uriToPath(doc.uri);
    const indexed = !!file && this.covers(file);
    const text = doc.getText();
    let report: HistoryReport | undefined;
    if (!indexed && this.index.size === 0 && model && model.links.length === 0) {
      // No history and nothing to follow: nothing to say about this document.
      report = undefined;
    } else if (indexed) {
      const before = this.index.get(doc.uri);
      report = this.index.upsert({ uri: doc.uri, text }, model);
      // An edit (not the first sight of a file already read from disk) may change what other reports see.
      if (held && held.index === this.index && (before || report)) this.changed();
    } else {
      report = this.index.prepare({ uri: doc.uri, text }, model);
    }
    this.checkLastError(this.index);
    this.open.set(doc.uri, { version: doc.version, index: this.index, report, indexed });
    return report;
  }

  /** A document was closed: the index goes back to the file on disk (or forgets it). */
  async closed(uri: string): Promise<void> {
    const held = this.open.get(uri);
    this.open.delete(uri);
    this.noted.delete(uri);
    if (!held?.indexed || held.index !== this.index) return;
    await this.readFromDisk(uri);
    this.changed();
  }

  private async readFromDisk(uri: string): Promise<void> {
    const file = uriToPath(uri) ?? uri;
    const index = this.index;
    let text: string | undefined;
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) return;
      if (stat.size > DEFAULT_MAX_FILE_SIZE) {
        this.problem(file, `over the ${DEFAULT_MAX_FILE_SIZE}-byte limit`);
        index.remove(uri);
        return;
      }
      const r = decodeText(await fs.promises.readFile(file));
      if (!r.ok) this.problem(file, r.reason);
      else text = r.text;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(file, (e as Error).message);
    }
    if (index !== this.index) return;
    if (text === undefined) index.remove(uri);
    else index.upsert({ uri, text });
    this.checkLastError(index);
  }

  private isOpen(uri: string): boolean {
    const key = uriKey(uri);
    return this.session.documents.all().some((d) => uriKey(d.uri) === key);
  }

  /** workspace/didChangeWatchedFiles: creates, changes and deletes (a rename is a delete and a create). */
  async fileEvents(changes: readonly FileEvent[], notify = true): Promise<void> {
    if (this.loading || !this.ready) {
      this.queued.push(...changes);
      return;
    }
    let touched = 0;
    for (const c of changes) {
      const file = uriToPath(c.uri);
      if (!file || this.isOpen(c.uri)) continue; // an open document's text wins over the disk
      if (c.type === FileChangeType.Deleted) {
        if (MARKDOWN.test(file)) {
          if (this.index.remove(c.uri)) touched++;
        } else {
          // A folder: everything under it goes.
          const prefix = `${uriKey(c.uri)}/`;
          for (const r of [...this.index.reports()]) if (r.key.startsWith(prefix) && !this.isOpen(r.uri)) touched += this.index.remove(r.uri) ? 1 : 0;
        }
      } else if (MARKDOWN.test(file) && this.covers(file)) {
        await this.readFromDisk(c.uri);
        touched++;
      }
    }
    if (touched === 0) return;
    if (notify) {
      this.notify();
      this.changed();
    }
  }

  /**
   * A linked report outside every root (`../elsewhere/2018-11-ilacs.md#para-13`)
   * is read on demand, so that the link resolves. Once per file per load.
   */
  private readLinked(report: HistoryReport): void {
    for (const link of report.links) {
      if (!isFindingId(link.fragment) && !MARKDOWN.test(link.path)) continue;
      const key = resolveLinkKey(report.uri, link.path);
      if (!key || this.triedLinks.has(key) || this.index.getByKey(key)) continue;
      this.triedLinks.add(key);
      if (this.triedLinks.size > 500 || !MARKDOWN.test(key)) continue;
      try {
        const stat = fs.statSync(key);
        if (!stat.isFile() || stat.size > DEFAULT_MAX_FILE_SIZE) continue;
        const r = decodeText(fs.readFileSync(key));
        if (!r.ok) continue;
        if (this.index.upsert({ uri: key, text: r.text })) this.linkedFiles.add(key);
      } catch {
        // no such file: the link check says so
      }
    }
  }

  /**
   * The history as the rules see it for a document (checkDocument's `history`),
   * and a stamp that changes whenever the answer may: another index, or the index
   * changed. An open document (`doc`) is seen at its current text; a closed one
   * (the workspace check) as the index holds it. Undefined before the history is ready.
   */
  contextFor(uri: string, model: ReportModel, ctx: DocContext, doc?: TextDocument): { context: HistoryContext; stamp: string } | undefined {
    if (!this.ready || !model.isReport || !ctx.client.enable) return undefined;
    let report: HistoryReport | undefined;
    if (doc) {
      this.noteContext({ uri, key: ctx.key, context: ctx });
      report = this.reportFor(doc, model);
    } else {
      report = this.index.get(uri) ?? this.index.prepare({ uri, text: model.text }, model);
    }
    if (!report) return undefined;
    this.readLinked(report);
    const record = this.isRecord(uri, ctx);
    return {
      context: { index: this.index, report, record, fileExists },
      stamp: `${this.epoch}:${this.index.generation}:${record}`,
    };
  }

  /** Whether a document is a published record: it sits in a history folder its settings name. */
  isRecord(uri: string, ctx: DocContext): boolean {
    const file = uriToPath(uri);
    return !!file && historyFolders(ctx, this.session.rootFor(file)).some((h) => isInside(file, h));
  }
}

function fileExists(key: string): boolean {
  try {
    return fs.statSync(key).isFile();
  } catch {
    return false;
  }
}
