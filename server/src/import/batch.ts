/**
 * The importer's API for front ends: import several files into a folder and
 * get, for each, what happened as data (written where, as what kind, with
 * which warnings, or why not). The CLI prints it, the editor shows it; nobody
 * reads printed text back. File access comes in through `ImportFileSystem`
 * (io/importFs.ts for Node), so this module stays pure and testable.
 */
import * as path from 'path';
import type { Catalog } from '../profiles/types';
import type { AuthorityList } from './authorities';
import { importBytes } from './entry';
import type { ImportKind } from './types';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

export interface ImportFileSystem {
  /** An input file's bytes, or why it cannot be read. */
  read(file: string): Outcome<{ bytes: Uint8Array }>;
  /** A file's text, or undefined when there is none (or it cannot be read). */
  readText(file: string): string | undefined;
  /** Writes a file whole or not at all; never over an existing file unless `replace` (`exists` says that was why). */
  write(file: string, text: string, replace: boolean): Outcome | { ok: false; reason: string; exists: true };
  remove(file: string): Outcome;
}

export interface ImportFilesOptions {
  /** The folder to write to (absolute, or relative to `cwd`). */
  out: string;
  /** Where relative input paths and `out` are resolved from. */
  cwd: string;
  /** Overwrite files that exist. */
  force?: boolean;
  /** `--set key=value`: front matter values (and `title`) for every file. */
  overrides?: Record<string, string>;
  authorities?: AuthorityList;
  /** The judgement catalogue (the grades and judgement names reports print): needed, see `ImportOptions.catalog`. */
  catalog?: Catalog;
}

export interface ImportFileResult {
  /** The input as the caller named it. */
  input: string;
  /** The file written (absolute), when it was. */
  output?: string;
  kind?: ImportKind;
  warnings: string[];
  /** Why nothing was written for this input. */
  error?: string;
  /** When the reason is a file in the way: that file, and the input that wrote it in this run (if one did). */
  conflict?: { path: string; writtenFrom?: string };
  /**
   * The same file imported earlier without `--set`, left at another path:
   * removed when it was exactly that import's output, otherwise kept.
   */
  earlier?: { path: string; removed: boolean };
}

export interface ImportSummary {
  results: ImportFileResult[];
  imported: number;
  failed: number;
}

/** Imports each input into `<out>/<authority>/<yyyy-mm>-<kind>.md`. Never throws for bad input. */
export async function importFiles(inputs: string[], options: ImportFilesOptions, fsys: ImportFileSystem): Promise<ImportSummary> {
  const out = path.resolve(options.cwd, options.out);
  const results: ImportFileResult[] = [];
  const writtenBy = new Map<string, string>();
  for (const input of inputs) {
    const result: ImportFileResult = { input, warnings: [] };
    results.push(result);
    const file = path.resolve(options.cwd, input);
    const read = fsys.read(file);
    if (!read.ok) {
      result.error = read.reason;
      continue;
    }
    const r = await importBytes(read.bytes, path.basename(file), { overrides: options.overrides, authorities: options.authorities, catalog: options.catalog });
    if (!r.ok) {
      result.error = r.reason;
      continue;
    }
    result.kind = r.kind;
    const target = path.join(out, r.relativePath);
    const earlier = writtenBy.get(target);
    if (earlier !== undefined) {
      result.error = 'already written in this run';
      result.conflict = { path: target, writtenFrom: earlier };
      continue;
    }
    const written = fsys.write(target, r.markdown, options.force ?? false);
    if (!written.ok) {
      result.error = written.reason;
      if ('exists' in written) result.conflict = { path: target };
      continue;
    }
    writtenBy.set(target, input);
    result.output = target;
    result.warnings = r.warnings;
    if (r.withoutOverrides) {
      const before = path.join(out, r.withoutOverrides.relativePath);
      const text = writtenBy.has(before) ? undefined : fsys.readText(before);
      if (text !== undefined) result.earlier = { path: before, removed: text === r.withoutOverrides.markdown && fsys.remove(before).ok };
    }
  }
  const imported = results.filter((r) => r.output).length;
  return { results, imported, failed: results.length - imported };
}

/** A path as the user should read it: relative to `base` when inside it, else absolute. */
export function displayPath(file: string, base: string): string {
  const rel = path.relative(base, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** One result as lines of text (what the CLI prints and the editor's output shows). */
export function describeResult(r: ImportFileResult, base: string): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  if (r.error !== undefined || !r.output) {
    const c = r.conflict;
    const why = !c ? (r.error ?? 'not written')
      : c.writtenFrom !== undefined ? `${displayPath(c.path, base)} was already written from ${c.writtenFrom} in this run`
      : `${displayPath(c.path, base)} already exists (use --force to overwrite)`;
    err.push(`${r.input}: cannot import: ${why}`);
    return { out, err };
  }
  out.push(`${r.input} -> ${displayPath(r.output, base)} (${r.kind})`);
  for (const w of r.warnings) err.push(`${r.input}: warning: ${w}`);
  if (r.earlier) {
    const p = displayPath(r.earlier.path, base);
    err.push(r.earlier.removed
      ? `${r.input}: removed ${p}, this file's earlier import without --set (it is replaced by ${displayPath(r.output, base)})`
      : `${r.input}: note: ${p} is still there from an earlier import without --set; it was changed since, so it is kept: delete it if ${displayPath(r.output, base)} replaces it`);
  }
  return { out, err };
}
