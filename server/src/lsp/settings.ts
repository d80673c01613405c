import * as path from 'path';
import type { Config } from '../config/config';
import type { Severity } from '../core/types';

/** The editor's settings, `inspectionReports.*` (package.json `contributes.configuration`). */
export interface ClientSettings {
  enable: boolean;
  /** Rule id to severity or 'off'; wins over `.inspection-reports.yaml`. */
  rules: Record<string, Severity | 'off'>;
  /** Folders of earlier reports, relative to the workspace folder. */
  history: string[];
  /** Milliseconds to wait after typing before checking. */
  debounce: number;
}

export const DEFAULT_DEBOUNCE = 150;
export const MAX_DEBOUNCE = 5000;

export function defaultClientSettings(): ClientSettings {
  return { enable: true, rules: {}, history: [], debounce: DEFAULT_DEBOUNCE };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads settings sent by any editor: unknown or ill-typed values fall back to
 * the defaults, and each is named in `problems` so it can be logged.
 */
export function readClientSettings(raw: unknown, problems: string[] = []): ClientSettings {
  const s = defaultClientSettings();
  if (raw === undefined || raw === null) return s;
  if (!isRecord(raw)) {
    problems.push('inspectionReports settings must be an object; defaults used');
    return s;
  }
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') s.enable = raw.enable;
    else problems.push('inspectionReports.enable must be true or false');
  }
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) problems.push('inspectionReports.rules must map rule ids to error, warning, info or off');
    else {
      for (const [id, v] of Object.entries(raw.rules)) {
        const sev = v === false ? 'off' : v;
        if (typeof sev === 'string' && SEVERITIES.has(sev)) s.rules[id] = sev as Severity | 'off';
        else problems.push(`inspectionReports.rules.${id} must be error, warning, info or off`);
      }
    }
  }
  if (raw.history !== undefined) {
    if (Array.isArray(raw.history) && raw.history.every((h) => typeof h === 'string')) s.history = raw.history as string[];
    else problems.push('inspectionReports.history must be a list of folders');
  }
  if (raw.debounce !== undefined) {
    if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce) && raw.debounce >= 0) s.debounce = Math.min(MAX_DEBOUNCE, Math.round(raw.debounce));
    else problems.push('inspectionReports.debounce must be a number of milliseconds (0 or more)');
  }
  return s;
}

/**
 * The settings file's config with the editor's settings over it: rule
 * severities from the editor win; history folders are added (the editor's are
 * resolved against the workspace folder).
 */
export function mergeConfig(config: Config, client: ClientSettings, root: string | undefined): Config {
  if (Object.keys(client.rules).length === 0 && client.history.length === 0) return config;
  const history = [...config.history];
  for (const h of client.history) history.push(root && !path.isAbsolute(h) ? path.join(root, h) : h);
  return { ...config, rules: { ...config.rules, ...client.rules }, history };
}
