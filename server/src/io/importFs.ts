/**
 * The importer's file access on Node (import/batch.ts's `ImportFileSystem`):
 * reading inputs, writing outputs so that none is ever half written or
 * overwritten unasked, and the built-in list of authorities.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readAuthorities, type AuthorityList } from '../import/authorities';
import type { ImportFileSystem } from '../import/batch';
import type { DataProblem } from '../profiles/load';
import { builtinProfileDir } from './builtinData';
import { describeError, readTextFile, writeNewFile } from './files';

export const nodeImportFs: ImportFileSystem = {
  read(file) {
    try {
      const st = fs.statSync(file);
      if (st.isDirectory()) return { ok: false, reason: 'is a folder' };
      if (!st.isFile()) return { ok: false, reason: 'not a file' };
      return { ok: true, bytes: new Uint8Array(fs.readFileSync(file)) };
    } catch (e) {
      return { ok: false, reason: describeError(e) };
    }
  },
  readText(file) {
    const r = readTextFile(file, 64 * 1024 * 1024);
    return r.ok ? r.text : undefined;
  },
  write(file, text, replace) {
    try {
      writeNewFile(file, text, replace);
      return { ok: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'the file already exists', exists: true };
      return { ok: false, reason: describeError(e) };
    }
  },
  remove(file) {
    try {
      fs.unlinkSync(file);
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: describeError(e) };
    }
  },
};

let cached: { list: AuthorityList; problems: DataProblem[] } | undefined;

/**
 * server/profiles/authorities.yaml, read once whatever the problems (problems
 * there are bugs: a test asserts none); each call adds them to `problems`.
 */
export function builtinAuthorities(problems: DataProblem[] = []): AuthorityList {
  if (!cached) {
    const found: DataProblem[] = [];
    const file = path.join(builtinProfileDir(), 'authorities.yaml');
    const r = readTextFile(file, 1024 * 1024);
    if (!r.ok) found.push({ source: file, message: `cannot read the list of authorities: ${r.reason}` });
    cached = { list: readAuthorities(r.ok ? r.text : '', file, found), problems: found };
  }
  problems.push(...cached.problems);
  return cached.list;
}
