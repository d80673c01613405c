/**
 * Links to files outside the history's folders, looked up without blocking a
 * check (history/service.ts): whether the file is there (to tell "no such
 * file" from "not a report"), and, for a report, its text read into the index
 * so that the link resolves. Each answer that changes something is announced
 * (`answered`), and the documents are checked again.
 */
import { MARKDOWN_FILE, readWorkspaceText, type Workspace } from '../core/workspace';
import { NOT_INDEXED } from './load';
import { isFindingId } from './resolve';
import type { HistoryIndex } from './store';
import type { HistoryReport } from './types';
import { resolveLinkKey } from './uris';

/** How long an answer is trusted before it is looked up again (in the background). */
const EXISTS_TTL_MS = 2_000;
/** Linked reports read at most, per load. */
const MAX_LINKED = 500;

export interface LinkLookupsHost {
  workspace: Workspace;
  maxFileSize(file: string): number;
  /** The index in use (replaced by a rebuild: answers for an old one are dropped). */
  index(): HistoryIndex;
  log(message: string): void;
  /** An answer came that changes what a check says. */
  answered(): void;
}

export class LinkLookups {
  private readonly answers = new Map<string, { exists?: boolean; at: number; pending: boolean }>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly linkedFiles = new Set<string>();

  constructor(private readonly host: LinkLookupsHost) {}

  /** A new index: every answer and linked file is forgotten. */
  clear(): void {
    this.answers.clear();
    this.linkedFiles.clear();
  }

  /** A file or folder changed on disk: its answers (and those under it) are forgotten. */
  forget(key: string): void {
    for (const k of [...this.answers.keys()]) if (k === key || k.startsWith(`${key}/`)) this.answers.delete(k);
  }

  /** A report read into the index because a link named it. */
  isLinkedFile(key: string): boolean {
    return this.linkedFiles.has(key);
  }

  /** Whether a file exists, as last looked up; undefined while the first look is under way. A stale answer is looked up again. */
  exists(key: string): boolean | undefined {
    const held = this.answers.get(key);
    if (!held || (!held.pending && performance.now() - held.at > EXISTS_TTL_MS)) this.lookUp(key, false);
    return held?.exists;
  }

  /** Linked reports not in the index are read (once per file per load). */
  follow(report: HistoryReport): void {
    const index = this.host.index();
    for (const link of report.links) {
      if (!isFindingId(link.fragment) && !MARKDOWN_FILE.test(link.path)) continue;
      const key = resolveLinkKey(report.uri, link.path);
      if (!key || this.answers.has(key) || index.getByKey(key)) continue;
      this.lookUp(key, MARKDOWN_FILE.test(key));
    }
  }

  /** Waits until every link of a report has an answer. Never throws. */
  async settle(report: HistoryReport): Promise<void> {
    this.follow(report);
    const index = this.host.index();
    const waits: Promise<void>[] = [];
    for (const link of report.links) {
      const key = resolveLinkKey(report.uri, link.path);
      if (!key || index.getByKey(key)) continue;
      if (!this.answers.has(key)) this.lookUp(key, false);
      const p = this.pending.get(key);
      if (p) waits.push(p);
    }
    await Promise.all(waits);
  }

  /** Looks at a file in the background; `read`: a Markdown file is read into the index. */
  private lookUp(key: string, read: boolean): void {
    const held = this.answers.get(key);
    if (held?.pending || this.answers.size > MAX_LINKED * 4) return;
    const before = held?.exists;
    this.answers.set(key, { exists: before, at: performance.now(), pending: true });
    const index = this.host.index();
    const done = (async () => {
      const st = await this.host.workspace.stat(key);
      const exists = !!st?.isFile;
      let added = false;
      if (read && exists && this.linkedFiles.size < MAX_LINKED && !index.getByKey(key)) {
        const r = await readWorkspaceText(this.host.workspace, key, this.host.maxFileSize(key), NOT_INDEXED);
        if (r.ok && index === this.host.index() && index.upsert({ uri: key, text: r.text })) {
          this.linkedFiles.add(key);
          added = true;
        }
      }
      this.answers.set(key, { exists, at: performance.now(), pending: false });
      if (index !== this.host.index() || (!added && exists === before)) return;
      this.host.answered();
    })().catch((e: unknown) => {
      this.answers.set(key, { exists: before, at: performance.now(), pending: false });
      this.host.log(`history: could not look at ${key}: ${(e as Error).message}`);
    }).finally(() => this.pending.delete(key));
    this.pending.set(key, done);
  }
}
