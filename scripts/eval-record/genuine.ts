/**
 * test/fixtures/record-genuine.yaml: the reviewed list of genuine defects of
 * the published record, one entry per defect. Each entry names the report (the
 * PDF's file name), the rule id, a pattern its diagnostic's message matches
 * (a regular expression, case-insensitive) and one line on what the published
 * text prints (ids and facts, never report text). A diagnostic is "genuine"
 * when an entry of its report and rule matches its message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO_ROOT, type RecordDiagnostic } from './run';

export const GENUINE_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'record-genuine.yaml');

export interface GenuineEntry {
  report: string;
  rule: string;
  message: string;
  pattern: RegExp;
  prints: string;
}

/** Reads and validates the list; throws with the entry's place on a malformed entry (it is our own fixture). */
export function readGenuine(file = GENUINE_FILE): GenuineEntry[] {
  const data = parse(fs.readFileSync(file, 'utf8')) as { genuine?: unknown } | null;
  const list = data?.genuine ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: 'genuine' must be a list`);
  return list.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    for (const k of ['report', 'rule', 'message', 'prints']) {
      if (typeof e?.[k] !== 'string' || e[k] === '') throw new Error(`${file}: entry ${i + 1} needs '${k}' (a string)`);
    }
    const prints = e.prints as string;
    if (prints.split(/\s+/).length > 12) throw new Error(`${file}: entry ${i + 1}: 'prints' is a few words, not report text`);
    let pattern: RegExp;
    try {
      pattern = new RegExp(e.message as string, 'i');
    } catch (err) {
      throw new Error(`${file}: entry ${i + 1}: bad message pattern: ${(err as Error).message}`);
    }
    return { report: e.report as string, rule: e.rule as string, message: e.message as string, pattern, prints };
  });
}

export function matches(entry: GenuineEntry, d: RecordDiagnostic): boolean {
  return entry.report === d.file && entry.rule === d.ruleId && entry.pattern.test(d.message);
}

/** Splits diagnostics into genuine and unexplained, and finds entries that match nothing. */
export function explain(entries: GenuineEntry[], diagnostics: RecordDiagnostic[]): {
  genuine: RecordDiagnostic[];
  unexplained: RecordDiagnostic[];
  stale: GenuineEntry[];
} {
  const used = new Set<GenuineEntry>();
  const genuine: RecordDiagnostic[] = [];
  const unexplained: RecordDiagnostic[] = [];
  const byReport = new Map<string, GenuineEntry[]>();
  for (const e of entries) byReport.set(e.report, [...(byReport.get(e.report) ?? []), e]);
  for (const d of diagnostics) {
    const e = byReport.get(d.file)?.find((x) => matches(x, d));
    if (e) {
      used.add(e);
      genuine.push(d);
    } else unexplained.push(d);
  }
  return { genuine, unexplained, stale: entries.filter((e) => !used.has(e)) };
}
