/**
 * Reads the built-in data (profiles/data.ts) from disk, once per process:
 * server/profiles/*.yaml and the list of docs/rules pages, whether we run from
 * source (tsx, tests) or from the bundle in dist/ (esbuild.mjs copies both).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DataProblem } from '../profiles/load';
import { readSynonyms, type SynonymData } from '../history/synonyms';
import { buildBuiltinData, type BuiltinData, type HistoryData, type SourceText } from '../profiles/data';
import type { ProfileSet } from '../profiles/types';

/** server/profiles/, from source or from dist/profiles/. */
export function builtinProfileDir(): string {
  const candidates = [
    path.join(__dirname, 'profiles'),
    path.join(__dirname, '..', 'profiles'),
    path.join(__dirname, '..', '..', 'profiles'),
  ];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'judgements.yaml'))) return c;
  return candidates[candidates.length - 1];
}

/** docs/rules/, from source or from dist/docs/rules; undefined when it is not there. */
export function docsDir(): string | undefined {
  const candidates = [
    path.join(__dirname, 'docs', 'rules'),
    path.join(__dirname, '..', 'docs', 'rules'),
    path.join(__dirname, '..', '..', 'docs', 'rules'),
    path.join(__dirname, '..', '..', '..', 'docs', 'rules'),
  ];
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isDirectory()) return c;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** YAML files in server/profiles/ that are data, not report kinds. */
const NOT_PROFILES = new Set(['judgements.yaml', 'abbreviations.yaml', 'synonyms.yaml', 'authorities.yaml']);

function readTexts(): { judgements: SourceText; profiles: SourceText[]; abbreviations: SourceText; problems: DataProblem[] } {
  const dir = builtinProfileDir();
  const problems: DataProblem[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml') && !NOT_PROFILES.has(n)).sort();
  } catch (e) {
    problems.push({ source: dir, message: `cannot list built-in profiles: ${(e as Error).message}` });
  }
  const read = (name: string) => readData(dir, name, problems);
  return { judgements: read('judgements.yaml'), profiles: names.map(read), abbreviations: read('abbreviations.yaml'), problems };
}

function readData(dir: string, name: string, problems: DataProblem[]): SourceText {
  const file = path.join(dir, name);
  try {
    return { source: file, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    problems.push({ source: file, message: `cannot read the built-in data: ${(e as Error).message}` });
    return { source: file, text: '' };
  }
}

function listRuleDocs(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = docsDir();
  if (!dir) return out;
  try {
    for (const n of fs.readdirSync(dir).sort()) if (n.endsWith('.md')) out.set(n.slice(0, -3), pathToFileURL(path.join(dir, n)).href);
  } catch {
    // no pages: diagnostics go without a link
  }
  return out;
}

/** Each part is read at most once per process; the values built from them are kept too. */
let base: BuiltinData | undefined;
let synonyms: { value: SynonymData; problems: DataProblem[] } | undefined;
let ruleDocs: Map<string, string> | undefined;
const made = new Map<string, BuiltinData>();

/**
 * The built-in data, read once per process whatever the problems (they are in
 * the value: `problems`). `synonyms`: the history's (the language server and
 * `links`; a check has no use for them, and they cost more to read than a
 * report to check). `ruleDocs`: the rule pages (the language server links
 * diagnostics to them).
 */
export function loadBuiltinData(options: { ruleDocs?: boolean; synonyms: true }): HistoryData;
export function loadBuiltinData(options?: { ruleDocs?: boolean; synonyms?: boolean }): BuiltinData;
export function loadBuiltinData(options: { ruleDocs?: boolean; synonyms?: boolean } = {}): BuiltinData {
  base ??= buildBuiltinData(readTexts());
  const key = `${!!options.ruleDocs}|${!!options.synonyms}`;
  if (key === 'false|false') return base;
  let data = made.get(key);
  if (data) return data;
  let problems = base.problems;
  let extra: { synonyms?: SynonymData; ruleDocs?: Map<string, string> } = {};
  if (options.synonyms) {
    if (!synonyms) {
      const found: DataProblem[] = [];
      const t = readData(builtinProfileDir(), 'synonyms.yaml', found);
      synonyms = { value: readSynonyms(t.text, t.source, found), problems: found };
    }
    extra = { ...extra, synonyms: synonyms.value };
    problems = [...problems, ...synonyms.problems];
  }
  if (options.ruleDocs) extra = { ...extra, ruleDocs: (ruleDocs ??= listRuleDocs()) };
  data = Object.freeze({ ...base, ...extra, problems: Object.freeze(problems) });
  made.set(key, data);
  return data;
}

/** The built-in profiles (loadBuiltinData's), with the data's problems added to `problems`. Never re-reads. */
export function builtinProfiles(problems?: DataProblem[]): ProfileSet {
  const data = loadBuiltinData();
  problems?.push(...data.problems);
  return data.profiles;
}
