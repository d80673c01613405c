import * as fs from 'fs';
import * as path from 'path';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/io/builtinData';

export const profiles = () => builtinProfiles();
export const catalog = () => builtinProfiles().catalog;

export function model(text: string, uri = 'file:///tmp/draft.md'): ReportModel {
  return parseReport(text, uri, builtinProfiles());
}

/** Every Markdown fixture in the repository's test folders and examples, read at run time. */
export function fixtureFiles(): string[] {
  const root = path.join(__dirname, '..', '..');
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(path.join(root, 'test', 'fixtures'));
  walk(path.join(root, 'examples'));
  return out.sort();
}

/** A short report of a kind, era and shape, for the feature tests. */
export function report(front: Record<string, string>, body: string): string {
  const fm = Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `---\n${fm}\n---\n\n${body}`;
}
