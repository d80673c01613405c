/**
 * A workspace held in memory (tests, and anything that checks text it was
 * given): files by absolute POSIX path; folders are implied by the files in
 * them. Writing and deleting fire change events, as an editor's watchers would.
 */
import * as path from 'path';
import type { DirEntry, Disposable, FileStat, Workspace, WorkspaceChange } from './workspace';

export class InMemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(changes: readonly WorkspaceChange[]) => void>();
  /** Reads so far (tests assert what was, or was not, read). */
  reads = 0;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, v] of Object.entries(files)) this.files.set(norm(p), bytesOf(v));
  }

  /** Writes a file; fires 'created' or 'changed' unless `quiet`. */
  write(file: string, content: string | Uint8Array, quiet = false): void {
    const p = norm(file);
    const kind = this.files.has(p) ? 'changed' : 'created';
    this.files.set(p, bytesOf(content));
    if (!quiet) this.fire([{ kind, path: p }]);
  }

  /** Deletes a file, or a folder and everything in it; fires one 'deleted' for it. */
  delete(file: string, quiet = false): void {
    const p = norm(file);
    let gone = this.files.delete(p);
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) gone = this.files.delete(k) || gone;
    if (gone && !quiet) this.fire([{ kind: 'deleted', path: p }]);
  }

  fire(changes: readonly WorkspaceChange[]): void {
    for (const l of [...this.listeners]) l(changes);
  }

  async stat(file: string): Promise<FileStat | undefined> {
    const p = norm(file);
    const f = this.files.get(p);
    if (f) return { isFile: true, isDirectory: false, size: f.byteLength };
    if (p === '/' || this.isFolder(p)) return { isFile: false, isDirectory: true, size: 0 };
    return undefined;
  }

  async read(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string; missing?: boolean }> {
    const p = norm(file);
    const f = this.files.get(p);
    if (f) {
      this.reads++;
      return { ok: true, bytes: f };
    }
    if (this.isFolder(p)) return { ok: false, reason: 'is a folder' };
    return { ok: false, reason: 'no such file or folder', missing: true };
  }

  async list(dir: string): Promise<{ ok: true; entries: DirEntry[] } | { ok: false; reason: string }> {
    const p = norm(dir);
    if (this.files.has(p)) return { ok: false, reason: 'not a folder' };
    const prefix = p.endsWith('/') ? p : `${p}/`;
    const seen = new Map<string, DirEntry>();
    for (const k of this.files.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (!seen.has(name)) seen.set(name, { name, isFile: slash < 0, isDirectory: slash >= 0 });
    }
    if (seen.size === 0 && p !== '/') return { ok: false, reason: 'no such file or folder' };
    return { ok: true, entries: [...seen.values()] };
  }

  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private isFolder(p: string): boolean {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}

function norm(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/'));
}

function bytesOf(v: string | Uint8Array): Uint8Array {
  return typeof v === 'string' ? new TextEncoder().encode(v) : v;
}
