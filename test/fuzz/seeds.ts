import * as fs from 'fs';
import * as path from 'path';
import type { CheckOptions } from '../../server/src/check';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { listFixtures, optionsFor, readFixture } from '../helpers/fixtures';
import { data } from '../helpers/data';

/**
 * The documents the fuzzers start from: every valid report and rule fixture in
 * test/fixtures, and every report under examples/. All are the project's own
 * text. A seed keeps the options its fixture is checked with (a fixture may
 * carry settings in its expect block).
 */
export interface Seed {
  name: string;
  text: string;
  options: CheckOptions;
}

const ROOT = path.join(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownUnder(p));
    else if (e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
  }
  return out;
}

let cached: Seed[] | undefined;

export function reportSeeds(): Seed[] {
  if (cached) return cached;
  const seeds: Seed[] = [];
  for (const file of listFixtures()) {
    const fixture = readFixture(file);
    // The expect block is the harness's, not the report's: fuzz the report alone.
    const text = fixture.text.replace(/<!--\s*expect\b[\s\S]*?-->\s*$/, '');
    seeds.push({ name: path.relative(ROOT, file), text, options: optionsFor(fixture) });
  }
  const defaults: CheckOptions = { data, profiles: builtinProfiles() };
  for (const file of markdownUnder(path.join(ROOT, 'examples'))) {
    seeds.push({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8'), options: defaults });
  }
  cached = seeds;
  return seeds;
}

/**
 * Plain text like that pasted from a published report: the seeds' Markdown
 * with its markup taken off (front matter, hashes, pipes, list markers).
 * Plus ../shared/seeds when that folder is there (read, never copied).
 */
export function plainTextSeeds(): { name: string; text: string }[] {
  const out = reportSeeds()
    .filter((s) => /^(test\/fixtures\/valid|examples)\//.test(s.name))
    .map((s) => ({ name: s.name, text: stripMarkdown(s.text) }));
  const shared = path.join(ROOT, '..', 'shared', 'seeds');
  if (fs.existsSync(shared)) {
    for (const name of fs.readdirSync(shared).sort()) {
      if (name.endsWith('.txt')) out.push({ name: `shared/seeds/${name}`, text: fs.readFileSync(path.join(shared, name), 'utf8') });
    }
  }
  return out;
}

export function stripMarkdown(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/^\|\s*-+.*$/gm, '')
    .replace(/^\|(.*)\|\s*$/gm, (_, cells: string) => cells.split('|').map((c) => c.trim()).join('\t'))
    .replace(/^(\s*)(\d+)\.\s+/gm, '$1$2. ')
    .replace(/^\s*[-*]\s+/gm, '• ');
}

/** A few real PDFs from ../shared/corpus (the smallest ones that are PDFs), or none. */
export function corpusPdfs(count: number): { name: string; bytes: Uint8Array }[] {
  const dir = path.join(ROOT, '..', 'shared', 'corpus', 'ilacs');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir)
    .filter((n) => n.endsWith('.pdf'))
    .map((n) => ({ n, size: fs.statSync(path.join(dir, n)).size }))
    .filter((f) => f.size > 20_000)
    .sort((a, b) => a.size - b.size || a.n.localeCompare(b.n));
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    if (out.length >= count) break;
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, f.n)));
    if (Buffer.from(bytes.subarray(0, 8)).toString('latin1').startsWith('%PDF-')) out.push({ name: `shared/corpus/ilacs/${f.n}`, bytes });
  }
  return out;
}
