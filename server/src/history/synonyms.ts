/**
 * The history's data (server/profiles/synonyms.yaml): synonym phrases, well-known
 * abbreviations, authority aliases and how judgements carry across eras.
 * Reading is pure (`readSynonyms`); the shipped file is read at the edge into
 * the built-in data (profiles/data.ts, io/builtinData.ts).
 */
import { parseYamlData, type DataProblem } from '../profiles/load';
import { authorityAliases } from './authority';

export interface SynonymData {
  synonyms: string[][];
  /** Concern name -> phrases that add it (their own words are kept). */
  concepts: [string, string[]][];
  /** Phrases dropped before matching (names of reports, months). */
  ignore: string[];
  /** Short form (upper case) and long form. */
  abbreviations: [string, string][];
  /** Normalised authority key -> the key it stands for. */
  authorities: Map<string, string>;
  /** Judgement key -> keys to try, in order, when an earlier report lacks it. */
  judgements: Map<string, string[]>;
}

export function emptySynonyms(): SynonymData {
  return { synonyms: [], concepts: [], ignore: [], abbreviations: [], authorities: new Map(), judgements: new Map() };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim());
  return out.length === v.length ? out.filter(Boolean) : undefined;
}

/** Reads the data; problems are collected, never thrown, and bad entries skipped. */
export function readSynonyms(text: string, source: string, problems: DataProblem[]): SynonymData {
  const out = emptySynonyms();
  const data = parseYamlData(text, source, problems);
  if (data === undefined || data === null) return out;
  if (!isRecord(data)) {
    problems.push({ source, message: 'the synonyms file must be a mapping' });
    return out;
  }
  const lists = (key: string): string[][] => {
    const v = data[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push({ source, message: `'${key}' must be a list of lists of names` });
      return [];
    }
    const groups: string[][] = [];
    v.forEach((g, i) => {
      const list = stringList(g);
      if (!list || list.length < 2) problems.push({ source, message: `'${key}' entry ${i + 1} must list at least two names` });
      else groups.push(list);
    });
    return groups;
  };
  out.synonyms = lists('synonyms');
  if (data.concepts !== undefined) {
    if (!isRecord(data.concepts)) problems.push({ source, message: "'concepts' must map a concern's name to a list of phrases" });
    else {
      for (const [k, v] of Object.entries(data.concepts)) {
        const list = stringList(v);
        if (list && list.length > 0) out.concepts.push([k, list]);
        else problems.push({ source, message: `concept '${k}' must list phrases` });
      }
    }
  }
  if (data.ignore !== undefined) {
    const flat = Array.isArray(data.ignore) ? data.ignore.flat() : undefined;
    const list = flat ? stringList(flat) : undefined;
    if (list) out.ignore = list;
    else problems.push({ source, message: "'ignore' must be a list of phrases (or of lists of phrases)" });
  }
  out.authorities = authorityAliases(lists('authorities'));
  if (data.abbreviations !== undefined) {
    if (!isRecord(data.abbreviations)) problems.push({ source, message: "'abbreviations' must map short forms to long forms" });
    else {
      for (const [k, v] of Object.entries(data.abbreviations)) {
        if (typeof v === 'string' && v.trim()) out.abbreviations.push([k, v.trim()]);
        else problems.push({ source, message: `abbreviation '${k}' needs a long form` });
      }
    }
  }
  if (data.judgements !== undefined) {
    if (!isRecord(data.judgements)) problems.push({ source, message: "'judgements' must map judgement keys to lists of keys" });
    else {
      for (const [k, v] of Object.entries(data.judgements)) {
        const list = stringList(v);
        if (list) out.judgements.set(k, list);
        else problems.push({ source, message: `judgement '${k}' must list judgement keys` });
      }
    }
  }
  return out;
}
