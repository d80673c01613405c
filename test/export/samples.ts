/**
 * The reports the Word export is tried on (structure.test.ts, roundtrip.test.ts):
 * every example in examples/ and every clean fixture in test/fixtures/valid/,
 * which together hold one report of each kind at least.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseReport } from '../../server/src/model/parse';
import type { ReportModel } from '../../server/src/model/types';
import { builtinProfiles } from '../../server/src/io/builtinData';

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

/** The built-in report kinds no sample is of (none, as the tests assert). */
export function kindsWithoutSample(): string[] {
  const kinds = new Set(EXPORT_SAMPLES.map((f) => parseReport(fs.readFileSync(f, 'utf8'), f, builtinProfiles()).kind));
  return [...builtinProfiles().profiles.keys()].filter((k) => !kinds.has(k));
}

/** What must survive the round trip, as plain data (deepStrictEqual on two of these). */
export function summary(m: ReportModel) {
  const value = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return {
    kind: m.kind,
    frontMatter: [...(m.frontMatter?.entries.values() ?? [])].map((e): [string, unknown] => [e.key, value(e.value)]),
    title: m.title?.text,
    sections: m.sections.map((s) => `${'#'.repeat(s.heading.level)} ${s.heading.text}`),
    table: m.table ? { header: m.table.headerCells, rows: m.table.rows.map((r) => r.cells.map((c) => c.text)) } : undefined,
    grades: m.sections.filter((s) => s.judgement).map((s) => [s.judgement!.key ?? s.judgement!.nameText, s.judgement!.gradeText]),
    findings: m.findings.map((f) => f.id),
    numbers: m.numbered.map((n) => n.printed),
    /** A letter's closing lines (sign-off, name, title), one per line. */
    closing: m.closingLine === undefined ? undefined
      : m.text.slice(m.lines.lineStart(m.closingLine)).replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
  };
}
