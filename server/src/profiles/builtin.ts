import * as fs from 'fs';
import * as path from 'path';
import { buildProfileSet, type DataProblem } from './load';
import type { ProfileSet } from './types';

/**
 * Finds server/profiles/ whether we run from source (tsx, tests) or from the
 * bundle in dist/ (esbuild.mjs copies the YAML to dist/profiles/).
 */
export function builtinProfileDir(): string {
  const candidates = [
    path.join(__dirname, 'profiles'),
    path.join(__dirname, '..', 'profiles'),
    path.join(__dirname, '..', '..', 'profiles'),
  ];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'judgements.yaml'))) return c;
  return candidates[candidates.length - 1];
}

/** YAML files in server/profiles/ that are data, not report kinds (abbreviations.yaml: see abbreviations.ts; synonyms.yaml: see history/synonyms.ts; authorities.yaml: see import/authorities.ts). */
const NOT_PROFILES = new Set(['judgements.yaml', 'abbreviations.yaml', 'synonyms.yaml', 'authorities.yaml']);

let cached: ProfileSet | undefined;

/** The profiles shipped with the tool. Read once; problems here are bugs (tests assert none). */
export function builtinProfiles(problems: DataProblem[] = []): ProfileSet {
  if (cached && problems.length === 0) return cached;
  const dir = builtinProfileDir();
  const parsed = readParsed(dir);
  const read = (name: string) => {
    const file = path.join(dir, name);
    try {
      const text = fs.readFileSync(file, 'utf8');
      return { source: file, text, data: parsed[name]?.text === text ? parsed[name].data : undefined };
    } catch (e) {
      problems.push({ source: file, message: `cannot read built-in profile: ${(e as Error).message}` });
      return { source: file, text: '' };
    }
  };
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml') && !NOT_PROFILES.has(n)).sort();
  } catch (e) {
    problems.push({ source: dir, message: `cannot list built-in profiles: ${(e as Error).message}` });
  }
  cached = buildProfileSet(read('judgements.yaml'), names.map(read), problems);
  return cached;
}

/**
 * dist/profiles/parsed.json, written by esbuild.mjs: each built-in YAML file's
 * text and its data, parsed at build time, so that a run of the bundle does
 * not parse them again. Used only for a file whose text is still the same;
 * absent when running from source.
 */
function readParsed(dir: string): Record<string, { text: string; data: unknown } | undefined> {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'parsed.json'), 'utf8')) as Record<string, { text: string; data: unknown }>;
  } catch {
    return {};
  }
}
