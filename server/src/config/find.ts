import * as path from 'path';
import type { BuiltinData } from '../profiles/data';
import type { DataProblem } from '../profiles/load';
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
 * How the finder looks at the disk (synchronously: a check asks for its
 * settings before it starts). io/files.ts's `nodeSettingsFiles` on Node.
 */
export interface SettingsFiles {
  isFile(file: string): boolean;
  /** The file's text, or an Error saying why it cannot be read. */
  readText(file: string): string | Error;
}

/**
 * Finds and reads the nearest `.inspection-reports.yaml` at or above a folder,
 * caching per folder. A broken file gives problems and the defaults.
 */
export class SettingsFinder {
  private readonly byDir = new Map<string, Settings>();
  private readonly byFile = new Map<string, Settings>();

  constructor(private readonly data: BuiltinData, private readonly files: SettingsFiles, private readonly explicitFile?: string) {}

  forDocument(file: string): Settings {
    if (this.explicitFile) return this.load(this.explicitFile);
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): Settings {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE);
    let settings: Settings;
    if (this.files.isFile(candidate)) settings = this.load(candidate);
    else {
      const parent = path.dirname(dir);
      settings = parent === dir ? { config: defaultConfig(), profiles: this.data.profiles, problems: [] } : this.forDir(parent);
    }
    this.byDir.set(dir, settings);
    return settings;
  }

  private load(file: string): Settings {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const problems: DataProblem[] = [];
    let config = defaultConfig();
    const text = this.files.readText(file);
    if (text instanceof Error) problems.push({ source: file, message: `cannot read settings: ${text.message}` });
    else config = readConfig(text, file, problems);
    const profiles = applyKinds(this.data.profiles, config, problems);
    const settings: Settings = { config, profiles, file, problems };
    this.byFile.set(file, settings);
    return settings;
  }
}
