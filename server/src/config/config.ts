import type { Severity } from '../core/types';
import { parseYamlData, readProfile, type DataProblem } from '../profiles/load';
import type { ProfileSet } from '../profiles/types';

/**
 * The workspace settings file, `.inspection-reports.yaml`. It is data only:
 * nothing in it is executed, so it is safe to read in an untrusted workspace.
 */
export interface Config {
  /** Rule id to severity, or 'off'. */
  rules: Record<string, Severity | 'off'>;
  /** Abbreviations that need no spelling out (added to the built-in list). */
  abbreviations: string[];
  /** Local terms the report may use (e.g. 'care-experienced young people'). */
  terms: string[];
  /** Folders of earlier reports, relative to the file that names them. */
  history: string[];
  /** Kinds added or overridden, as raw profile data (merged over the built-ins). */
  kinds: Record<string, unknown>;
  /** Files larger than this many bytes are not checked. */
  maxFileSize: number;
  /** Where the settings came from, for messages. */
  source?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function defaultConfig(): Config {
  return { rules: {}, abbreviations: [], terms: [], history: [], kinds: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

const SEVERITIES = ['error', 'warning', 'info', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the settings text. Problems are returned, never thrown; defaults fill the gaps. */
export function readConfig(text: string, source: string, problems: DataProblem[]): Config {
  const config = defaultConfig();
  config.source = source;
  const data = parseYamlData(text, source, problems);
  if (data === undefined || data === null) return config;
  if (!isRecord(data)) {
    problems.push({ source, message: 'the settings file must be a mapping of keys to values' });
    return config;
  }
  const known = new Set(['rules', 'abbreviations', 'terms', 'history', 'kinds', 'maxFileSize']);
  for (const key of Object.keys(data)) {
    if (!known.has(key)) problems.push({ source, message: `unknown setting '${key}' (known: ${[...known].join(', ')})` });
  }
  if (data.rules !== undefined) {
    if (!isRecord(data.rules)) problems.push({ source, message: "'rules' must map rule ids to error, warning, info or off" });
    else {
      for (const [id, v] of Object.entries(data.rules)) {
        const sev = v === false ? 'off' : v;
        if (typeof sev === 'string' && SEVERITIES.includes(sev)) config.rules[id] = sev as Severity | 'off';
        else problems.push({ source, message: `rule '${id}': severity must be one of ${SEVERITIES.join(', ')}` });
      }
    }
  }
  const list = (key: 'abbreviations' | 'terms' | 'history') => {
    const v = data[key];
    if (v === undefined) return;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) config[key] = v as string[];
    else problems.push({ source, message: `'${key}' must be a list of strings` });
  };
  list('abbreviations');
  list('terms');
  list('history');
  if (data.kinds !== undefined) {
    if (isRecord(data.kinds)) config.kinds = data.kinds;
    else problems.push({ source, message: "'kinds' must map kind names to profiles" });
  }
  if (data.maxFileSize !== undefined) {
    if (typeof data.maxFileSize === 'number' && data.maxFileSize > 0) config.maxFileSize = data.maxFileSize;
    else problems.push({ source, message: "'maxFileSize' must be a positive number of bytes" });
  }
  return config;
}

/** The built-in profiles with the settings' kinds merged over them. */
export function applyKinds(base: ProfileSet, config: Config, problems: DataProblem[]): ProfileSet {
  const entries = Object.entries(config.kinds);
  if (entries.length === 0) return base;
  const profiles = new Map(base.profiles);
  const source = config.source ?? '.inspection-reports.yaml';
  for (const [kind, data] of entries) {
    const withKind = isRecord(data) ? { kind, ...data } : data;
    const p = readProfile(withKind, source, problems, base.profiles.get(kind));
    if (p) profiles.set(kind, p);
  }
  return { catalog: base.catalog, profiles };
}
