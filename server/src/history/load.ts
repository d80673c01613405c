/**
 * Loads history folders into an index through a Workspace (core/workspace.ts):
 * the language server's history service reads this way, without blocking;
 * io/history.ts is the synchronous loader the CLI uses. Problems (unreadable,
 * binary, too large) are collected per file, never thrown; files that are not
 * reports are skipped.
 */
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config';
import { listMarkdown, readWorkspaceText, type Workspace } from '../core/workspace';
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

/** What a file over maxFileSize is, for the history. */
export const NOT_INDEXED = 'not indexed';

/** Indexes one file's text and records where it came from (`abs`: the root, resolved). */
export function addLoadedFile(index: HistoryIndex, result: LoadResult, file: string, root: string, abs: string, text: string): void {
  const report = index.upsert({ uri: file, text });
  const inside = file === abs ? '' : path.relative(abs, file).split(path.sep).join('/');
  result.files.push({ file, root, inside, report: report !== undefined });
}

/**
 * Reads every Markdown file under each root (a folder or a file) into the
 * index, giving the event loop a turn every `batch` files. `cwd` resolves
 * relative roots; files over `maxFileSize` (a number, or per file from its
 * settings) are not indexed (a problem says so).
 */
export async function loadHistoryAsync(
  ws: Workspace,
  index: HistoryIndex,
  roots: readonly string[],
  options: { cwd?: string; maxFileSize?: number | ((file: string) => number); batch?: number; cancelled?: () => boolean } = {},
): Promise<LoadResult> {
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const max = typeof limit === 'number' ? () => limit : limit;
  const batch = options.batch ?? 50;
  const result: LoadResult = { files: [], problems: [] };
  let n = 0;
  for (const root of roots) {
    const abs = options.cwd ? path.resolve(options.cwd, root) : path.normalize(root);
    for (const file of await listMarkdown(ws, abs, result.problems)) {
      if (options.cancelled?.()) return result;
      const r = await readWorkspaceText(ws, file, max(file), NOT_INDEXED);
      if (!r.ok) {
        result.problems.push({ file, reason: r.reason });
        continue;
      }
      addLoadedFile(index, result, file, root, abs, r.text);
      if (++n % batch === 0) await new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
    }
  }
  return result;
}
