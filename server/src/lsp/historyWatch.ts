import { DidChangeWatchedFilesNotification, WatchKind, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import type { HistoryService } from './history';
import { isInside } from './historyRoots';
import { pathToUri, type Session } from './session';

const REPORTS = '**/*.{md,markdown}';

/**
 * Asks the editor to tell the server about Markdown files created, changed and
 * deleted, in the workspace and in history folders outside it (as relative
 * patterns, where the editor supports them), and about deleted folders (whose
 * files go from the index with them). Registered again when the folders change.
 */
export class HistoryWatchers {
  private registration: Disposable | undefined;
  private registered = '';

  constructor(private readonly session: Session, private readonly history: HistoryService) {}

  watchers(): FileSystemWatcher[] {
    const out: FileSystemWatcher[] = [
      { globPattern: REPORTS },
      // A deleted folder is reported as one event for the folder.
      { globPattern: '**/*', kind: WatchKind.Delete },
    ];
    const outside = this.history.roots.filter((r) => !this.session.roots.some((w) => isInside(r, w)));
    if (outside.length > 0 && this.session.client.relativePatterns) {
      for (const r of outside) {
        out.push({ globPattern: { baseUri: pathToUri(r), pattern: REPORTS } });
        out.push({ globPattern: { baseUri: pathToUri(r), pattern: '**/*' }, kind: WatchKind.Delete });
      }
    } else if (outside.length > 0) {
      this.session.log(`history: this editor cannot watch folders outside the workspace; changes in ${outside.join(', ')} are seen when the server starts again or the settings change`);
    }
    return out;
  }

  async update(): Promise<void> {
    if (!this.session.client.watchDynamic) return;
    const watchers = this.watchers();
    const key = JSON.stringify(watchers);
    if (key === this.registered) return;
    this.registered = key;
    const old = this.registration;
    this.registration = undefined;
    try {
      old?.dispose();
      this.registration = await this.session.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch (e) {
      this.session.log(`history: could not register file watchers: ${(e as Error).message}`);
    }
  }
}
