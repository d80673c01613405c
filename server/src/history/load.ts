/**
 * Loads history folders from disk into an index: the one part of the history
 * that touches the file system. Problems (unreadable, binary, too large) are
 * collected per file, never thrown; files that are not reports are skipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectMarkdown, decodeText, readTextFile } from '../io/files';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config';
import type { HistoryIndex } from './store';

export interface LoadedFile {
  /** Absolute path (the document's uri in the index). */
  file: string;
  /** The folder given, as given, and the file's path inside it (forward slashes). */
  root: string;
  inside: string;
  /** False when the file is Markdown but not a report. */
  report: boolean;
}

export interface LoadResult {
  files: LoadedFile[];
  problems: { file: string; reason: string }[];
}

/** Indexes one file's text and records where it came from. */
function addFile(index: HistoryIndex, result: LoadResult, file: string, root: string, abs: string, text: string): void {
  const report = index.upsert({ uri: file, text });
  const inside = file === abs ? '' : path.relative(abs, file).split(path.sep).join('/');
  result.files.push({ file, root, inside, report: report !== undefined });
}

/**
 * Reads every Markdown file under each root (a folder or a file) into the index.
 * `cwd` resolves relative roots.
 */
export function loadHistory(index: HistoryIndex, roots: readonly string[], options: { cwd?: string; maxFileSize?: number } = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const result: LoadResult = { files: [], problems: [] };
  for (const root of roots) {
    const abs = path.resolve(cwd, root);
    for (const file of collectMarkdown(abs, result.problems)) {
      const r = readTextFile(file, max);
      if (!r.ok) {
        result.problems.push({ file, reason: r.reason });
        continue;
      }
      addFile(index, result, file, root, abs, r.text);
    }
  }
  return result;
}

/**
 * The same, without blocking: files are read with fs.promises and the event
 * loop is given a turn every `batch` files (for the language server at start-up).
 */
export async function loadHistoryAsync(
  index: HistoryIndex,
  roots: readonly string[],
  options: { cwd?: string; maxFileSize?: number; batch?: number; cancelled?: () => boolean } = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const batch = options.batch ?? 50;
  const result: LoadResult = { files: [], problems: [] };
  let n = 0;
  for (const root of roots) {
    const abs = path.resolve(cwd, root);
    for (const file of collectMarkdown(abs, result.problems)) {
      if (options.cancelled?.()) return result;
      let buf: Buffer;
      try {
        const stat = await fs.promises.stat(file);
        if (stat.size > max) {
          result.problems.push({ file, reason: `file is over the ${max}-byte limit (maxFileSize); not indexed` });
          continue;
        }
        buf = await fs.promises.readFile(file);
      } catch (e) {
        result.problems.push({ file, reason: (e as Error).message });
        continue;
      }
      const r = decodeText(buf);
      if (!r.ok) {
        result.problems.push({ file, reason: r.reason });
        continue;
      }
      addFile(index, result, file, root, abs, r.text);
      if (++n % batch === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return result;
}
