/**
 * The core's figures (issue 2, "Performance"): the full check of a realistic
 * 60-paragraph report against markdownlint on the same text, and the check's
 * time per KB for reports from 1 KB to 1 MB.
 */
import { checkDocument, checkText } from '../server/src/check';
import { parseReport } from '../server/src/model/parse';
import { builtinProfiles } from '../server/src/io/builtinData';
import { allRules } from '../server/src/rules/index';
import { benchReport, reportOfSize } from './corpus';
import { loadMarkdownlint } from './markdownlint';
import { round, runsFor, timeSync, warmFor } from './timing';
import type { BenchOptions, BenchRow } from './types';
import { data } from '../test/helpers/data';

const profiles = () => builtinProfiles();

function check(text: string): number {
  return checkText(text, 'bench-report.md', { data, profiles: profiles() }).diagnostics.length;
}

/** Our full check (parse + every rule) vs markdownlint's default rules, same text, same process. */
export async function benchCheckVsMarkdownlint(opts: BenchOptions): Promise<BenchRow[]> {
  const section = 'check vs markdownlint';
  const text = benchReport(60);
  const kb = Buffer.byteLength(text, 'utf8') / 1024;
  const { lint, version } = await loadMarkdownlint();
  const runs = opts.smoke ? 1 : Math.max(opts.runs, 30);
  const warmup = opts.smoke ? 0 : 10;
  opts.log(`${section}: 60 paragraphs, ${kb.toFixed(1)} KB, ${runs} runs each`);
  // Alternate the two so that neither gets a warmer machine.
  const ours: number[] = [];
  const theirs: number[] = [];
  const findings = { ours: check(text), theirs: lint('bench-report.md', text) };
  if (!opts.smoke) {
    // Both compiled and settled before anything is timed: the first calls pay for the JIT.
    warmFor(() => check(text), 1000);
    warmFor(() => lint('bench-report.md', text), 1000);
  }
  for (let i = 0; i < (opts.smoke ? 1 : 3); i++) {
    ours.push(timeSync(() => check(text), Math.ceil(runs / 3), warmup).median);
    theirs.push(timeSync(() => lint('bench-report.md', text), Math.ceil(runs / 3), warmup).median);
  }
  const a = ours.sort((x, y) => x - y)[ours.length >> 1];
  const b = theirs.sort((x, y) => x - y)[theirs.length >> 1];
  const ratio = a / b;
  return [
    {
      section, name: 'inspection-reports check (parse + all rules)', median: round(a), runs,
      reference: { name: `markdownlint ${version}`, median: round(b) },
      ratio: round(ratio), target: 'ratio <= 0.1', met: ratio <= 0.1,
      note: `${kb.toFixed(1)} KB, 60 paragraphs, ${findings.ours} diagnostics`,
      data: { kb: round(kb, 1), paragraphs: 60, diagnostics: findings.ours },
    },
    {
      section, name: `markdownlint ${version} (default rules)`, median: round(b), runs,
      note: `${findings.theirs} markdownlint findings`,
      data: { findings: findings.theirs },
    },
  ];
}

/**
 * Where the check's time goes on the same 60-paragraph report: building the
 * model, then each rule on its own (disable comments and sorting included).
 */
export async function benchBreakdown(opts: BenchOptions): Promise<BenchRow[]> {
  const section = 'check breakdown';
  const text = benchReport(60);
  const p = profiles();
  const runs = opts.smoke ? 1 : Math.max(opts.runs, 30);
  const warmup = opts.smoke ? 0 : 10;
  const rows: BenchRow[] = [];
  const parse = timeSync(() => parseReport(text, 'bench-report.md', p), runs, warmup).median;
  rows.push({ section, name: 'parse (model only)', median: round(parse), runs });
  const model = parseReport(text, 'bench-report.md', p);
  for (const rule of allRules) {
    const t = timeSync(() => checkDocument(model, { data, profiles: p, rules: [rule] }), runs, warmup).median;
    rows.push({ section, name: `rule ${rule.id}`, median: round(t), runs });
  }
  const all = timeSync(() => checkDocument(model, { data, profiles: p }), runs, warmup).median;
  rows.push({ section, name: 'all rules on a parsed model', median: round(all), runs, note: `parse + rules = ${(parse + all).toFixed(2)} ms` });
  return rows;
}

export const SCALING_SIZES_KB = [1, 4, 16, 64, 256, 1024];

/** Time per KB of the full check from 1 KB to 1 MB; it should stay flat. */
export async function benchScaling(opts: BenchOptions): Promise<BenchRow[]> {
  const section = 'scaling';
  const rows: BenchRow[] = [];
  const perKb: number[] = [];
  for (const size of SCALING_SIZES_KB) {
    const r = reportOfSize(size * 1024);
    const kb = r.bytes / 1024;
    const once = timeSync(() => check(r.text), 1, 0).median;
    const runs = opts.smoke ? 1 : runsFor(once, 1500, Math.min(opts.runs, 7), 200);
    const t = opts.smoke ? { median: once } : timeSync(() => check(r.text), runs, Math.min(5, runs));
    const us = (t.median * 1000) / kb;
    perKb.push(us);
    opts.log(`${section}: ${size} KB (${r.paragraphs} paragraphs) ${t.median.toFixed(2)} ms, ${us.toFixed(1)} µs/KB, ${runs} runs`);
    rows.push({
      section, name: `check ${label(size)} report`, median: round(t.median), runs,
      note: `${us.toFixed(1)} µs/KB (${kb.toFixed(1)} KB, ${r.paragraphs} paragraphs)`,
      data: { targetKb: size, kb: round(kb, 1), paragraphs: r.paragraphs, usPerKb: round(us, 2) },
    });
  }
  // Flatness: per-KB time at 1 MB against a typical report's size (16 KB to 64 KB);
  // the smallest sizes carry a fixed cost per file and are left out.
  const typical = (perKb[2] + perKb[3]) / 2;
  const largest = perKb[perKb.length - 1];
  const flat = largest / typical;
  rows.push({
    section, name: 'time per KB at 1 MB vs at 16 to 64 KB', median: round(largest, 2), unit: 'µs/KB', runs: rows[rows.length - 1]?.runs,
    reference: { name: '16 to 64 KB', median: round(typical, 2), unit: 'µs/KB' },
    ratio: round(flat), target: 'flat (ratio <= 1.5)', met: flat <= 1.5,
    data: { usPerKbSeries: perKb.map((v) => round(v, 2)).join(' ') },
  });
  return rows;
}

function label(kb: number): string {
  return kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`;
}
