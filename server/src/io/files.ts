import { linkSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync, type Dirent, type Stats } from 'fs';
import * as path from 'path';

import type { SettingsFiles } from '../config/find';
import { decodeText, type ReadResult } from '../core/decode';
import { MARKDOWN_FILE, SKIP_DIRS, tooBigReason } from '../core/workspace';

export { decodeText, type ReadResult };

/**
 * Reads a file as UTF-8 text, refusing what is not text: too large, binary
 * (a NUL byte) or not valid UTF-8. A leading byte-order mark is dropped.
 */
export function readTextFile(file: string, maxBytes: number, tooBig = 'not checked'): ReadResult {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    return { ok: false, reason: describeError(e) };
  }
  if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
  if (stat.size > maxBytes) {
    return { ok: false, reason: tooBigReason(stat.size, maxBytes, tooBig) };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return { ok: false, reason: describeError(e) };
  }
  return decodeText(buf);
}

export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'symbolic link loop';
    default: return err.message ?? String(e);
  }
}

/**
 * Lists the Markdown files under a path, sorted, following no symbolic links to
 * folders (so loops cannot trap it). Problems are collected, never thrown.
 */
export function collectMarkdown(root: string, problems: { file: string; reason: string }[]): string[] {
  const out: string[] = [];
  let stat: Stats;
  try {
    stat = statSync(root);
  } catch (e) {
    problems.push({ file: root, reason: describeError(e) });
    return out;
  }
  if (stat.isFile()) return [root];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: dir, reason: describeError(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && MARKDOWN_FILE.test(e.name)) {
        out.push(p);
      }
    }
  };
  walk(root);
  return out;
}

/**
 * Writes a file so that it is never left half written: write a temporary file
 * beside it, then rename over the original.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

/**
 * Writes a file that may not exist yet, never leaving it half written: a
 * temporary file beside it, then a hard link (which fails with EEXIST if the
 * target exists) or, with `force`, a rename over it. Creates the folder.
 */
export function writeNewFile(file: string, data: string | Uint8Array, force: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, data, typeof data === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
  try {
    if (force) renameSync(tmp, file);
    else linkSync(tmp, file);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // renamed away
    }
  }
}

/** The settings finder's view of the disk (config/find.ts). */
export const nodeSettingsFiles: SettingsFiles = {
  isFile(file) {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readText(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      return e as Error;
    }
  },
};

/** Whether a file exists (by the history's key, a path): links to no file are told from links to a file that is not a report. */
export function fileExists(key: string): boolean {
  return nodeSettingsFiles.isFile(key);
}
