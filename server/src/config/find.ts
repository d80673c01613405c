import * as fs from 'fs';
import * as path from 'path';
import type { DataProblem } from '../profiles/load';
import { builtinProfiles } from '../profiles/builtin';
import type { ProfileSet } from '../profiles/types';
import { applyKinds, defaultConfig, readConfig, type Config } from './config';

export const CONFIG_FILE = '.inspection-reports.yaml';

export interface Settings {
  config: Config;
  profiles: ProfileSet;
  /** The settings file used, if any. */
  file?: string;
  problems: DataProblem[];
}

/**
 * Finds and reads the nearest `.inspection-reports.yaml` at or above a folder,
 * caching per folder. A broken file gives problems and the defaults.
 */
export class SettingsFinder {
  private readonly byDir = new Map<string, Settings>();
  private readonly byFile = new Map<string, Settings>();

  constructor(private readonly explicitFile?: string) {}

  forDocument(file: string): Settings {
    if (this.explicitFile) return this.load(this.explicitFile);
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): Settings {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE);
    let settings: Settings;
    if (isFile(candidate)) settings = this.load(candidate);
    else {
      const parent = path.dirname(dir);
      settings = parent === dir ? defaults() : this.forDir(parent);
    }
    this.byDir.set(dir, settings);
    return settings;
  }

  private load(file: string): Settings {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const problems: DataProblem[] = [];
    let config = defaultConfig();
    try {
      config = readConfig(fs.readFileSync(file, 'utf8'), file, problems);
    } catch (e) {
      problems.push({ source: file, message: `cannot read settings: ${(e as Error).message}` });
    }
    const profiles = applyKinds(builtinProfiles(), config, problems);
    const settings: Settings = { config, profiles, file, problems };
    this.byFile.set(file, settings);
    return settings;
  }
}

function defaults(): Settings {
  return { config: defaultConfig(), profiles: builtinProfiles(), problems: [] };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
