/**
 * The core's window on files: read a file, stat, list a folder, and change
 * events in. The core never touches the disk itself; io/nodeWorkspace.ts is the
 * Node implementation, core/memoryWorkspace.ts an in-memory one (tests).
 * Modelled on vscode-markdown-languageservice's IWorkspace / InMemoryWorkspace.
 * Paths are absolute file paths (the history's keys are made from them).
 */
import * as path from 'path';
import { decodeText, type ReadResult } from './decode';

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  /** Bytes. */
  size: number;
}

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  /** A symbolic link (to a file or a folder): folders behind one are not walked. */
  isSymbolicLink?: boolean;
}

export type ChangeKind = 'created' | 'changed' | 'deleted';

/** A file (or, when deleted, maybe a folder) that changed on disk. */
export interface WorkspaceChange {
  kind: ChangeKind;
  path: string;
}

export interface Disposable {
  dispose(): void;
}

export interface Workspace {
  /** What is at a path; undefined when nothing is (or it cannot be seen). */
  stat(file: string): Promise<FileStat | undefined>;
  /** A file's bytes, or why they cannot be read (a short reason: 'no such file or folder', 'permission denied'). */
  read(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string; missing?: boolean }>;
  /** A folder's entries, or why it cannot be listed. */
  list(dir: string): Promise<{ ok: true; entries: DirEntry[] } | { ok: false; reason: string }>;
  /** Changes coming in (from the editor's file watchers, or the in-memory workspace's own edits). */
  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): Disposable;
}

/** Folders a walk never enters (besides those starting with '.'). */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out']);
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** A problem with one file or folder, collected, never thrown. */
export interface FileProblem {
  file: string;
  reason: string;
}

const BYTES = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

/** Says that a file is over the size limit (maxFileSize), and what is not done with it. */
export function tooBigReason(size: number, maxBytes: number, what = 'not checked'): string {
  return `file is ${BYTES(size)}, over the ${BYTES(maxBytes)} limit (maxFileSize in .inspection-reports.yaml); ${what}`;
}

/**
 * Reads a file as text through a workspace, refusing what is not text: too
 * large, binary, not UTF-8 (the same rules as io/files.ts's readTextFile).
 */
export async function readWorkspaceText(ws: Workspace, file: string, maxBytes: number, what = 'not checked'): Promise<ReadResult & { missing?: boolean }> {
  const st = await ws.stat(file);
  if (!st) return { ok: false, reason: 'no such file or folder', missing: true };
  if (!st.isFile) return { ok: false, reason: 'not a regular file' };
  if (st.size > maxBytes) return { ok: false, reason: tooBigReason(st.size, maxBytes, what) };
  const r = await ws.read(file);
  if (!r.ok) return { ok: false, reason: r.reason, missing: r.missing };
  return decodeText(r.bytes);
}

/**
 * The Markdown files under a path (a folder, or one file), sorted by name,
 * entering no folder behind a symbolic link (so loops cannot trap it) and none
 * in SKIP_DIRS or starting with '.'. Problems are collected, never thrown.
 */
export async function listMarkdown(ws: Workspace, root: string, problems: FileProblem[]): Promise<string[]> {
  const out: string[] = [];
  const st = await ws.stat(root);
  if (!st) {
    problems.push({ file: root, reason: 'no such file or folder' });
    return out;
  }
  if (st.isFile) return [root];
  const walk = async (dir: string): Promise<void> => {
    const r = await ws.list(dir);
    if (!r.ok) {
      problems.push({ file: dir, reason: r.reason });
      return;
    }
    const entries = [...r.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory && !e.isSymbolicLink) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p);
      } else if ((e.isFile || e.isSymbolicLink) && MARKDOWN_FILE.test(e.name)) {
        out.push(p);
      }
    }
  };
  await walk(root);
  return out;
}
