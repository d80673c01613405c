/**
 * Reads the built-in data (profiles/data.ts) from disk, once per process:
 * server/profiles/*.yaml and the list of docs/rules pages, whether we run from
 * source (tsx, tests) or from the bundle in dist/ (esbuild.mjs copies both).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DataProblem } from '../profiles/load';
import { buildBuiltinData, type BuiltinData, type SourceText } from '../profiles/data';
import type { ProfileSet } from '../profiles/types';

/** server/profiles/, from source or from dist/profiles/. */
export function builtinProfileDir(): string {
  const candidates = [
    path.join(__dirname, 'profiles'),
    path.join(__dirname, '..', 'profiles'),
    path.join(__dirname, '..', '..', 'profiles'),
  ];
  for (const c of candidates) if (existsSync(path.join(c, 'judgements.yaml'))) return c;
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
      if (statSync(c).isDirectory()) return c;
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
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') && !NOT_PROFILES.has(n)).sort();
  } catch (e) {
    problems.push({ source: dir, message: `cannot list built-in profiles: ${(e as Error).message}` });
  }
  const read = (name: string) => readData(dir, name, problems);
  return { judgements: read('judgements.yaml'), profiles: names.map(read), abbreviations: read('abbreviations.yaml'), problems };
}

/** One file of server/profiles/ (problems collected, never thrown). */
export function readData(dir: string, name: string, problems: DataProblem[]): SourceText {
  const file = path.join(dir, name);
  try {
    const text = readFileSync(file, 'utf8');
    const pre = readParsed(dir)[name];
    return { source: file, text, data: pre?.text === text ? pre.data : undefined };
  } catch (e) {
    problems.push({ source: file, message: `cannot read the built-in data: ${(e as Error).message}` });
    return { source: file, text: '' };
  }
}

const parsedByDir = new Map<string, Record<string, { text: string; data: unknown } | undefined>>();

/**
 * dist/profiles/parsed.json, written by esbuild.mjs: the judgements' and the
 * kinds' texts with their data, parsed at build time, so that a run of the
 * bundle does not parse them again. Used only for a file whose text is still
 * the same; absent when running from source.
 */
function readParsed(dir: string): Record<string, { text: string; data: unknown } | undefined> {
  let parsed = parsedByDir.get(dir);
  if (!parsed) {
    try {
      parsed = JSON.parse(readFileSync(path.join(dir, 'parsed.json'), 'utf8')) as Record<string, { text: string; data: unknown }>;
    } catch {
      parsed = {};
    }
    parsedByDir.set(dir, parsed);
  }
  return parsed;
}

function listRuleDocs(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = docsDir();
  if (!dir) return out;
  try {
    for (const n of readdirSync(dir).sort()) if (n.endsWith('.md')) out.set(n.slice(0, -3), pathToFileURL(path.join(dir, n)).href);
  } catch {
    // no pages: diagnostics go without a link
  }
  return out;
}

let base: BuiltinData | undefined;
let withDocs: BuiltinData | undefined;

/**
 * The built-in data, read once per process whatever the problems (they are in
 * the value: `problems`). `ruleDocs`: the rule pages too (the language server
 * links diagnostics to them). The history's synonyms: io/history.ts's
 * loadHistoryData (a check has no use for them, and they cost more to read
 * than a report to check).
 */
export function loadBuiltinData(options: { ruleDocs?: boolean } = {}): BuiltinData {
  base ??= buildBuiltinData(readTexts());
  if (!options.ruleDocs) return base;
  withDocs ??= Object.freeze({ ...base, ruleDocs: listRuleDocs() });
  return withDocs;
}

/** The built-in profiles (loadBuiltinData's), with the data's problems added to `problems`. Never re-reads. */
export function builtinProfiles(problems?: DataProblem[]): ProfileSet {
  const data = loadBuiltinData();
  problems?.push(...data.problems);
  return data.profiles;
}
