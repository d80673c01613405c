import { parseYamlData, type DataProblem } from './load';

/**
 * The built-in allow-list of well-known abbreviations (server/profiles/abbreviations.yaml):
 * forms a report may use without spelling them out. The workspace setting
 * `abbreviations:` adds to it. Read at the edge into the built-in data (profiles/data.ts).
 */
export const ABBREVIATIONS_FILE = 'abbreviations.yaml';

/**
 * Reads the allow-list data: `allow:` a list of strings. `pre`: the text's data
 * when it was parsed at build time (dist/profiles/parsed.json). Problems are
 * returned, never thrown.
 */
export function readAbbreviationList(text: string, source: string, problems: DataProblem[], pre?: unknown): string[] {
  const data = pre !== undefined ? pre : parseYamlData(text, source, problems);
  if (data === undefined || data === null) return [];
  const allow = typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).allow : undefined;
  if (!Array.isArray(allow)) {
    problems.push({ source, message: "the abbreviations list needs 'allow:', a list of abbreviations" });
    return [];
  }
  const out: string[] = [];
  for (const v of allow) {
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    else problems.push({ source, message: `'allow' entries must be abbreviations (text), not ${JSON.stringify(v)}` });
  }
  return out;
}
