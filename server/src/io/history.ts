/**
 * Loads history folders from disk into an index, synchronously (the CLI's
 * `links`, scripts, tests); the language server reads through a Workspace
 * (history/load.ts's loadHistoryAsync). Problems are collected per file.
 */
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config';
import { addLoadedFile, NOT_INDEXED, type LoadResult } from '../history/load';
import type { HistoryIndex } from '../history/store';
import { collectMarkdown, readTextFile } from './files';

export type { LoadResult, LoadedFile } from '../history/load';

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
      const r = readTextFile(file, max, NOT_INDEXED);
      if (!r.ok) {
        result.problems.push({ file, reason: r.reason });
        continue;
      }
      addLoadedFile(index, result, file, root, abs, r.text);
    }
  }
  return result;
}
