/**
 * The history section of `npm run bench` (issue 5, "Measured"): index a
 * generated corpus of 5,000 reports (plus the imported shared corpus, when a
 * folder of it is named by INSPECTION_REPORTS_BENCH_HISTORY), then time one
 * finding's suggestions, a whole draft's, the hover, an incremental update,
 * and the index's memory. Targets: index <= 10 s, one finding <= 5 ms, a whole
 * draft <= 100 ms, memory <= 400 MB.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { performance } from 'perf_hooks';
import { followUp, recurringConcerns } from '../server/src/history/concerns';
import { loadHistory } from '../server/src/io/history';
import { HistoryIndex } from '../server/src/history/store';
import { historyOf, suggestionsFor, suggestionsForReport } from '../server/src/history/suggest';
import { generateDraft, generateHistory } from '../test/history/generate';
import { timeSync } from './timing';
import type { BenchOptions, BenchRow } from './types';
import { data } from '../test/helpers/data';

const SECTION = 'history';
const GENERATED = 5000;

function gcFunction(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapMb(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function buildIndex(docs: { path: string; text: string }[], shared: string | undefined): { index: HistoryIndex; ms: number; cpuMs: number; imported: number } {
  const index = new HistoryIndex({ data });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of docs) index.upsert({ uri: `/bench/generated/${d.path}`, text: d.text });
  let imported = 0;
  if (shared && fs.existsSync(shared)) imported = loadHistory(index, [shared]).files.filter((f) => f.report).length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { index, ms, cpuMs: (cpu.user + cpu.system) / 1000, imported };
}

/** Builds the index `runs` times, each measured from a heap without the previous one. */
function measureBuilds(docs: { path: string; text: string }[], shared: string | undefined, runs: number, gc: (() => void) | undefined, log: (m: string) => void) {
  const builds: { ms: number; cpuMs: number; mb: number }[] = [];
  let last: ReturnType<typeof buildIndex> | undefined;
  for (let r = 0; r < runs; r++) {
    last = undefined; // let the previous build go before measuring
    const before = heapMb(gc);
    last = buildIndex(docs, shared);
    const after = heapMb(gc);
    builds.push({ ms: last.ms, cpuMs: last.cpuMs, mb: after - before });
    log(`history: build ${r + 1}: ${last.ms.toFixed(0)} ms (${last.cpuMs.toFixed(0)} ms CPU), heap ${before.toFixed(1)} -> ${after.toFixed(1)} MB`);
  }
  if (!last) throw new Error('no index was built');
  return { builds, index: last.index, imported: last.imported };
}

const defaultOptions: BenchOptions = { smoke: false, runs: 30, root: path.resolve(__dirname, '..'), log: (m) => process.stderr.write(`${m}\n`) };

export async function benchHistory(options: BenchOptions = defaultOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const gc = gcFunction();
  const count = options.smoke ? 500 : GENERATED;
  const runs = Math.max(1, Math.min(options.runs, 50));
  options.log(`history: generating ${count} reports`);
  const docs = generateHistory(count);
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  const shared = process.env.INSPECTION_REPORTS_BENCH_HISTORY;
  if (!shared) options.log('history: INSPECTION_REPORTS_BENCH_HISTORY is not set, so the imported shared corpus is not indexed (generated reports only)');
  else if (!fs.existsSync(shared)) options.log(`history: ${shared} does not exist; generated reports only`);

  // Index build, timed whole (reading the imported corpus from disk included).
  const buildRuns = options.smoke ? 1 : Math.min(3, runs);
  const { builds, index, imported } = measureBuilds(docs, shared, buildRuns, gc, options.log);
  builds.sort((a, b) => a.ms - b.ms);
  const { ms: build, cpuMs } = builds[builds.length >> 1];
  const memory = Math.max(...builds.map((b) => b.mb));
  const stats = index.stats();
  // The word associations the ranking expands with (associations.ts) are learnt on the first query after a
  // build: part of getting the index ready, so the target is judged on the build and this together.
  const t0 = performance.now();
  const model = index.expansion();
  const learn = performance.now() - t0;
  const ready = build + learn;
  rows.push({
    section: SECTION, name: `index ${count} generated${imported ? ` + ${imported} imported` : ''} reports, ready to query`, median: ready, unit: 'ms', runs: buildRuns,
    target: '<= 10 s', met: ready <= 10_000,
    note: `build ${(build / 1000).toFixed(1)} s (${(cpuMs / 1000).toFixed(1)} s CPU) + word associations ${learn.toFixed(0)} ms; ${(bytes / 2 ** 20).toFixed(1)} MB generated, ${stats.findings} findings, ${stats.authorities} authorities`,
    data: { reports: stats.reports, findings: stats.findings, terms: stats.terms, generatedBytes: bytes, imported, cpuMs: Math.round(cpuMs), buildMs: Math.round(build), associationsMs: Math.round(learn), associationSample: model.associations.sample },
  });
  rows.push({
    section: SECTION, name: 'index memory (heap after build)', median: Math.round(memory * 10) / 10, unit: 'MB', runs: 1,
    target: '<= 400 MB', met: gc ? memory <= 400 : undefined, note: gc ? 'after a forced collection' : 'no forced collection available',
  });

  // Queries for a draft about the first generated authority (about 33 earlier reports).
  const d = generateDraft();
  const draft = index.prepare({ uri: `/bench/drafts/${d.path}`, text: d.text });
  if (!draft) throw new Error('the generated draft is not a report');
  const earlier = index.earlier(draft);
  const candidates = earlier.reduce((n, r) => n + r.findings.length, 0);
  const finding = draft.findings[Math.floor(draft.findings.length / 2)].id;
  const one = timeSync(() => suggestionsFor(index, draft, finding), runs * 4, options.smoke ? 0 : 5);
  rows.push({
    section: SECTION, name: "one finding's suggestions", median: one.median, unit: 'ms', runs: one.runs, target: '<= 5 ms', met: one.median <= 5,
    note: `${candidates} earlier findings in ${earlier.length} reports`,
  });
  const whole = timeSync(() => suggestionsForReport(index, draft), runs, options.smoke ? 0 : 2);
  rows.push({
    section: SECTION, name: "a whole draft's suggestions", median: whole.median, unit: 'ms', runs: whole.runs, target: '<= 100 ms', met: whole.median <= 100,
    note: `${draft.findings.length} findings`,
  });
  const hover = timeSync(() => historyOf(index, draft, finding), runs * 4, options.smoke ? 0 : 5);
  rows.push({ section: SECTION, name: "the hover (a finding's history)", median: hover.median, unit: 'ms', runs: hover.runs });
  const concerns = timeSync(() => [recurringConcerns(index, draft), followUp(index, draft)], runs, options.smoke ? 0 : 2);
  rows.push({ section: SECTION, name: 'recurring concerns and follow-up, whole draft', median: concerns.median, unit: 'ms', runs: concerns.runs });

  // An edit to one earlier report: the index updates that report only.
  const target = docs[0];
  let flip = false;
  const update = timeSync(() => {
    flip = !flip;
    return index.upsert({ uri: `/bench/generated/${target.path}`, text: flip ? `${target.text}\nA new closing paragraph.\n` : target.text });
  }, runs, options.smoke ? 0 : 3);
  rows.push({ section: SECTION, name: 'update one report in the index', median: update.median, unit: 'ms', runs: update.runs, note: `${(target.text.length / 1024).toFixed(1)} KB report` });
  // The first query after an edit rebuilds what depends on the statistics.
  const cold = timeSync(() => {
    index.upsert({ uri: `/bench/generated/${target.path}`, text: target.text });
    return suggestionsFor(index, draft, finding);
  }, runs, 0);
  rows.push({ section: SECTION, name: "one finding's suggestions, first after an edit", median: Math.max(0, cold.median - update.median), unit: 'ms', runs: cold.runs, target: '<= 5 ms', met: cold.median - update.median <= 5 });
  return rows;
}
