/**
 * The history on Node: its data (the built-in data with synonyms.yaml, read
 * once) and a synchronous loader of folders into an index (the CLI's `links`,
 * scripts, tests); the language server reads through a Workspace
 * (history/load.ts's loadHistoryAsync). Problems are collected per file.
 */
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config';
import { addLoadedFile, NOT_INDEXED, type LoadResult } from '../history/load';
import { readSynonyms, type SynonymData } from '../history/synonyms';
import type { DataProblem } from '../profiles/load';
import type { HistoryData } from '../profiles/data';
import { builtinProfileDir, loadBuiltinData, readData } from './builtinData';
import type { HistoryIndex } from '../history/store';
import { collectMarkdown, readTextFile } from './files';

export type { LoadResult, LoadedFile } from '../history/load';

let synonyms: { value: SynonymData; problems: DataProblem[] } | undefined;
const made = new Map<boolean, HistoryData>();

/**
 * The built-in data with the history's synonyms (server/profiles/synonyms.yaml),
 * for the front ends that keep a history (the language server, `links`): each
 * part read once per process, problems kept in the value.
 */
export function loadHistoryData(options: { ruleDocs?: boolean } = {}): HistoryData {
  const ruleDocs = !!options.ruleDocs;
  let data = made.get(ruleDocs);
  if (data) return data;
  if (!synonyms) {
    const found: DataProblem[] = [];
    const t = readData(builtinProfileDir(), 'synonyms.yaml', found);
    synonyms = { value: readSynonyms(t.text, t.source, found), problems: found };
  }
  const base = loadBuiltinData({ ruleDocs });
  data = Object.freeze({ ...base, synonyms: synonyms.value, problems: Object.freeze([...base.problems, ...synonyms.problems]) });
  made.set(ruleDocs, data);
  return data;
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
