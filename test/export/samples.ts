/**
 * The reports the Word export is tried on (structure.test.ts, roundtrip.test.ts):
 * every example in examples/ and every clean fixture in test/fixtures/valid/,
 * which together hold one report of each kind at least.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownUnder(p));
    else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
  }
  return out.sort();
}

export const EXPORT_SAMPLES = [
  ...markdownUnder(path.join(ROOT, 'examples')),
  ...markdownUnder(path.join(ROOT, 'test', 'fixtures', 'valid')),
];
