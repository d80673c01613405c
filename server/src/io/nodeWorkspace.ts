/**
 * The core's Workspace (core/workspace.ts) on the Node file system. Change
 * events come in from outside: the language server feeds the editor's file
 * watchers in with `fire` (lsp/history.ts).
 */
import * as fs from 'fs';
import type { DirEntry, Disposable, FileStat, Workspace, WorkspaceChange } from '../core/workspace';
import { describeError } from './files';

export class NodeWorkspace implements Workspace {
  private readonly listeners = new Set<(changes: readonly WorkspaceChange[]) => void>();

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const st = await fs.promises.stat(file);
      return { isFile: st.isFile(), isDirectory: st.isDirectory(), size: st.size };
    } catch {
      return undefined;
    }
  }

  async read(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string; missing?: boolean }> {
    try {
      return { ok: true, bytes: await fs.promises.readFile(file) };
    } catch (e) {
      return { ok: false, reason: describeError(e), missing: (e as NodeJS.ErrnoException).code === 'ENOENT' };
    }
  }

  async list(dir: string): Promise<{ ok: true; entries: DirEntry[] } | { ok: false; reason: string }> {
    try {
      const entries = await fs.promises.readdir(dir, { withFileTypes: true });
      return { ok: true, entries: entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory(), isSymbolicLink: e.isSymbolicLink() })) };
    } catch (e) {
      return { ok: false, reason: describeError(e) };
    }
  }

  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Changes seen from outside (the editor's file watchers). */
  fire(changes: readonly WorkspaceChange[]): void {
    for (const l of [...this.listeners]) l(changes);
  }
}
