/**
 * The history index service: an index of every report under the history's
 * folders, read in the background through a Workspace (core/workspace.ts), kept
 * up to date by its change events and by the open documents' edits, honouring
 * each file's maxFileSize. Linked reports outside every folder are read on
 * demand, and whether a link's file exists is looked up without blocking.
 * Bad files are logged once each; nothing here throws at its caller.
 * lsp/history.ts adapts it to the language server; tests drive it over an
 * InMemoryWorkspace.
 */
import type { Disposable, Workspace, WorkspaceChange } from '../core/workspace';
import { MARKDOWN_FILE, readWorkspaceText } from '../core/workspace';
import type { ReportModel } from '../model/types';
import type { HistoryData } from '../profiles/data';
import type { ProfileSet } from '../profiles/types';
import type { HistoryContext } from '../rules/types';
import { loadHistoryAsync, NOT_INDEXED } from './load';
import { LinkLookups } from './linkLookups';
import { dedupeRoots, isInside, uriToPath } from './roots';
import { HistoryIndex } from './store';
import type { HistoryReport } from './types';
import { uriKey } from './uris';

/** An open document, as the editor holds it (vscode-languageserver-textdocument's TextDocument fits). */
export interface OpenDocument {
  uri: string;
  version: number;
  getText(): string;
}

export interface HistoryStatus {
  state: 'loading' | 'ready';
  /** Reports held. */
  reports: number;
  /** Folders indexed (workspace folders and history folders). */
  roots: string[];
  /** Milliseconds the last full load took. */
  loadMs?: number;
  /** Files that could not be read (each is logged once). */
  problems: number;
}

/** What the service needs from whoever runs it (the language server, a test). */
export interface HistoryHost {
  workspace: Workspace;
  data: Pick<HistoryData, 'profiles' | 'synonyms'>;
  /** The profiles of a document in the index (its nearest settings' `kinds:`). Default: the built-in ones. */
  profilesFor?(uri: string): ProfileSet;
  /** maxFileSize from the settings that apply to a file. */
  maxFileSize(file: string): number;
  /** Every folder the history reads (absolute paths). */
  roots(): Promise<string[]>;
  /** The open documents: their text wins over the disk. */
  openDocuments(): readonly OpenDocument[];
  log(message: string): void;
  /** The index changed in a way other documents may see (check them again). */
  changed(): void;
  /** The status changed (a load started or ended, files changed). */
  status?(status: HistoryStatus): void;
  /** The folders read changed (watch them). */
  rootsChanged?(): void;
}

interface OpenEntry {
  version: number;
  index: HistoryIndex;
  report?: HistoryReport;
  /** Kept in the index (the file is under a root), not only prepared. */
  indexed: boolean;
}


export class HistoryService {
  index: HistoryIndex;
  /** True once the first load has finished: before that the history says nothing. */
  ready = false;
  loading = false;
  roots: string[] = [];
  loadMs?: number;
  private rebuilds = 0;
  private extraRoots: string[] = [];
  private queued: WorkspaceChange[] = [];
  private readonly logged = new Set<string>();
  private problemCount = 0;
  private readonly open = new Map<string, OpenEntry>();
  /** Bumped whenever `index` is replaced or a lookup answers: part of the stamp results are cached under. */
  private epoch = 0;
  /** Link targets outside the folders: looked up, and read when they are reports. */
  private readonly links: LinkLookups;
  private lastSignature = '';
  private readonly subscription: Disposable;

  constructor(private readonly host: HistoryHost) {
    this.index = this.newIndex();
    this.links = new LinkLookups({
      workspace: host.workspace,
      maxFileSize: (file) => host.maxFileSize(file),
      index: () => this.index,
      log: (m) => host.log(m),
      answered: () => {
        this.epoch++;
        host.changed();
      },
    });
    this.subscription = host.workspace.onDidChange((changes) => void this.fileEvents(changes));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private newIndex(): HistoryIndex {
    const profilesFor = this.host.profilesFor?.bind(this.host);
    return new HistoryIndex({ data: this.host.data, profilesFor });
  }

  status(): HistoryStatus {
    return { state: this.ready && !this.loading ? 'ready' : 'loading', reports: this.index.size, roots: this.roots, loadMs: this.loadMs, problems: this.problemCount };
  }

  private notify(): void {
    this.host.status?.(this.status());
  }

  /** Logs a problem with one file once, however often it is met. */
  problem(file: string, reason: string): void {
    const key = `${file}\u0000${reason}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.problemCount++;
    this.host.log(`history: ${file}: ${reason} (not indexed)`);
  }

  private checkLastError(index: HistoryIndex): void {
    if (!index.lastError) return;
    this.problem(index.lastError.uri, `could not be read as a report: ${index.lastError.message}`);
    index.lastError = undefined;
  }

  /** Whether a file belongs in the index: under a root, or a linked report read on demand. */
  covers(file: string): boolean {
    return this.roots.some((r) => isInside(file, r)) || this.links.isLinkedFile(uriKey(file));
  }

  private maxFor = (file: string): number => this.host.maxFileSize(file);

  /**
   * Reads every root afresh into a new index, in the background; the old index
   * serves until the new one is ready. `force`: even when the roots are the same
   * (a settings file changed: its report kinds may have).
   */
  async rebuild(force = true): Promise<void> {
    const token = ++this.rebuilds;
    const wanted = dedupeRoots(await this.host.roots());
    if (token !== this.rebuilds) return;
    const signature = wanted.join('\n');
    if (!force && this.ready && !this.loading && signature === this.lastSignature) return;
    this.extraRoots = [];
    this.loading = true;
    this.notify();
    const index = this.newIndex();
    const t0 = performance.now();
    const result = await loadHistoryAsync(this.host.workspace, index, wanted, { cancelled: () => token !== this.rebuilds, batch: 25, maxFileSize: this.maxFor });
    if (token !== this.rebuilds) return;
    this.index = index;
    this.epoch++;
    this.roots = wanted;
    this.lastSignature = signature;
    this.loadMs = Math.round(performance.now() - t0);
    for (const p of result.problems) this.problem(p.file, p.reason);
    this.checkLastError(index);
    this.open.clear();
    this.links.clear();
    // The open documents' text wins over what was just read from disk.
    for (const doc of this.host.openDocuments()) this.reportFor(doc);
    this.ready = true;
    this.loading = false;
    const reports = result.files.filter((f) => f.report).length;
    this.host.log(`history: ${reports} reports indexed from ${wanted.length} folder${wanted.length === 1 ? '' : 's'} in ${this.loadMs} ms`);
    this.host.rootsChanged?.();
    const queued = this.queued;
    this.queued = [];
    if (queued.length > 0) await this.fileEvents(queued, false);
    this.notify();
    this.host.changed();
    // Folders a document's settings named while this load ran.
    const missing = this.extraRoots.filter((h) => !this.covers(h));
    if (missing.length > 0) await this.addRoots(missing);
  }

  /** Folders a document's settings name: read those not read yet (after the load under way, if any). */
  want(folders: readonly string[]): void {
    const fresh = folders.filter((h) => !this.covers(h) && !this.extraRoots.includes(h));
    if (fresh.length === 0) return;
    this.extraRoots.push(...fresh);
    if (!this.ready || this.loading) return; // the load under way reads them when it ends
    void this.addRoots(fresh);
  }

  private async addRoots(roots: string[]): Promise<void> {
    const index = this.index;
    const result = await loadHistoryAsync(this.host.workspace, index, roots, { batch: 25, maxFileSize: this.maxFor });
    if (index !== this.index) return; // a rebuild took over (and read them)
    this.roots = dedupeRoots([...this.roots, ...roots]);
    for (const p of result.problems) this.problem(p.file, p.reason);
    this.checkLastError(index);
    this.open.clear();
    for (const doc of this.host.openDocuments()) this.reportFor(doc);
    this.host.log(`history: ${result.files.filter((f) => f.report).length} more reports from ${roots.join(', ')}`);
    this.host.rootsChanged?.();
    this.notify();
    this.host.changed();
  }

  /**
   * The history's view of an open document at its current version: kept in the
   * index when the file is under a root (so other reports see the edit), else
   * only prepared against it.
   */
  reportFor(doc: OpenDocument, model?: ReportModel): HistoryReport | undefined {
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
      if (held && held.index === this.index && (before || report)) this.host.changed();
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
    if (!held?.indexed || held.index !== this.index) return;
    await this.readFromDisk(uri);
    this.host.changed();
  }

  /** Reads one file into the index again; a file gone, unreadable or over maxFileSize leaves it. */
  private async readFromDisk(uri: string): Promise<void> {
    const file = uriToPath(uri) ?? uri;
    const index = this.index;
    const r = await readWorkspaceText(this.host.workspace, file, this.maxFor(file), NOT_INDEXED);
    if (index !== this.index) return;
    if (!r.ok && !r.missing) this.problem(file, r.reason);
    if (r.ok) index.upsert({ uri, text: r.text });
    else index.remove(uri);
    this.checkLastError(index);
  }

  private isOpen(uri: string): boolean {
    const key = uriKey(uri);
    return this.host.openDocuments().some((d) => uriKey(d.uri) === key);
  }

  /** Files created, changed and deleted (a rename is a delete and a create); a deleted folder takes its files with it. */
  async fileEvents(changes: readonly WorkspaceChange[], notify = true): Promise<void> {
    if (this.loading || !this.ready) {
      this.queued.push(...changes);
      return;
    }
    let touched = 0;
    for (const c of changes) {
      const key = uriKey(c.path);
      this.links.forget(key);
      if (this.isOpen(c.path)) continue; // an open document's text wins over the disk
      if (c.kind === 'deleted') {
        if (MARKDOWN_FILE.test(c.path)) {
          if (this.index.remove(c.path)) touched++;
        } else {
          for (const r of [...this.index.reports()]) if (r.key.startsWith(`${key}/`) && !this.isOpen(r.uri)) touched += this.index.remove(r.uri) ? 1 : 0;
        }
      } else if (MARKDOWN_FILE.test(c.path) && this.covers(c.path)) {
        await this.readFromDisk(c.path);
        touched++;
      }
    }
    if (touched === 0) return;
    if (notify) {
      this.notify();
      this.host.changed();
    }
  }

  /** Whether a link's file exists, as last looked up; undefined while the first look is under way (see LinkLookups). */
  fileExists(key: string): boolean | undefined {
    return this.links.exists(key);
  }

  /**
   * Waits until a document's links have been looked up (linked reports read,
   * files found or not), so that a check of a file that is not open (the
   * workspace check) says at once what is missing. Never throws.
   */
  async settle(uri: string, model: ReportModel): Promise<void> {
    if (!this.ready || !model.isReport) return;
    const report = this.index.get(uri) ?? this.index.prepare({ uri, text: model.text }, model);
    if (report) await this.links.settle(report);
  }

  /**
   * The history as the rules see it for a document (checkDocument's `history`),
   * and a stamp that changes whenever the answer may: another index, the index
   * changed, a lookup answered. An open document (`doc`) is seen at its current
   * text; a closed one (the workspace check) as the index holds it. Undefined
   * before the history is ready.
   */
  contextFor(uri: string, model: ReportModel, options: { record: boolean; doc?: OpenDocument }): { context: HistoryContext; stamp: string } | undefined {
    if (!this.ready || !model.isReport) return undefined;
    const report = options.doc ? this.reportFor(options.doc, model) : this.index.get(uri) ?? this.index.prepare({ uri, text: model.text }, model);
    if (!report) return undefined;
    this.links.follow(report);
    return {
      context: { index: this.index, report, record: options.record, fileExists: (key) => this.fileExists(key) },
      stamp: `${this.epoch}:${this.index.generation}:${options.record}`,
    };
  }
}
