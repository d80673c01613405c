/**
 * `npm run eval:record` (issue 13): is every error on the published record a
 * real defect? Imports every PDF in ../shared/corpus/ilacs in process, checks
 * each as `inspection-reports check` would (built-in profiles, default
 * settings), and prints per kind (ILACS 2018 to 2026, SIF 2013 to 2017,
 * letters if any): reports, errors, genuine, unexplained, where "genuine" means
 * listed in test/fixtures/record-genuine.yaml (reviewed against the PDF's
 * text). Then every unexplained error as `file:line rule-id message`. The same
 * for the warnings (the house-style rules, and observed style of other rules),
 * counted apart. Skips, with a message, when ../shared is absent.
 *
 *   node --import tsx scripts/eval-record.ts [--json] [--limit N] [--only <substring>]
 *        [--keep <dir>] [--warnings none|count|all]
 *
 * --keep writes each imported report as <dir>/<name>.md, so that the printed
 * line numbers can be looked at. --warnings: list unexplained warnings (all, the
 * default), only count them, or leave them out. Exit code 1 when an error is
 * unexplained, a genuine entry matches nothing (stale), or the importer failed on
 * a file (files refused for what they are, such as a web page saved as .pdf, are
 * listed but do not count).
 */
import * as fs from 'fs';
import * as path from 'path';
import { explain, readGenuine, type GenuineEntry } from './eval-record/genuine';
import { corpusPdfs, CORPUS, importAndCheck, KIND_LABELS, type RecordDiagnostic, type RecordKind } from './eval-record/run';

interface Args { json: boolean; limit: number; only?: string; keep?: string; warnings: 'none' | 'count' | 'all' }

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, limit: Infinity, warnings: 'all' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--json') a.json = true;
    else if (k === '--limit') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return '--limit needs a whole number';
      a.limit = n;
    } else if (k === '--only' || k === '--keep') {
      const v = argv[++i];
      if (!v) return `${k} needs a value`;
      if (k === '--only') a.only = v;
      else a.keep = path.resolve(v);
    } else if (k === '--warnings') {
      const v = argv[++i];
      if (v !== 'none' && v !== 'count' && v !== 'all') return '--warnings takes none, count or all';
      a.warnings = v;
    } else return `unknown option '${k}'`;
  }
  return a;
}

interface Row { kind: RecordKind; label: string; reports: number; count: number; genuine: number; unexplained: number; reportsWithUnexplained: number }

function tabulate(kinds: Map<RecordKind, number>, all: RecordDiagnostic[], genuine: Set<RecordDiagnostic>, kindOf: Map<string, RecordKind>): Row[] {
  const rows: Row[] = [];
  for (const [kind, reports] of kinds) {
    const mine = all.filter((d) => kindOf.get(d.file) === kind);
    const unexplained = mine.filter((d) => !genuine.has(d));
    rows.push({
      kind, label: KIND_LABELS[kind], reports, count: mine.length, genuine: mine.length - unexplained.length,
      unexplained: unexplained.length, reportsWithUnexplained: new Set(unexplained.map((d) => d.file)).size,
    });
  }
  return rows;
}

function printTable(title: string, what: string, rows: Row[]): void {
  console.log(`${title}\n`);
  console.log(`| kind | reports | ${what} | genuine | unexplained | reports with unexplained |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${r.reports} | ${r.count} | ${r.genuine} | ${r.unexplained} | ${r.reportsWithUnexplained} |`);
  console.log('');
}

const line = (d: RecordDiagnostic) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`;

function byRule(list: RecordDiagnostic[]): string[] {
  const counts = new Map<string, { n: number; files: Set<string> }>();
  for (const d of list) {
    const c = counts.get(d.ruleId) ?? { n: 0, files: new Set() };
    c.n++;
    c.files.add(d.file);
    counts.set(d.ruleId, c);
  }
  return [...counts].sort((a, b) => b[1].n - a[1].n).map(([id, c]) => `${id}: ${c.n} in ${c.files.size} reports`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`eval:record: ${args}`);
    return 2;
  }
  const pdfs = corpusPdfs().filter((f) => !args.only || f.includes(args.only)).slice(0, args.limit);
  if (pdfs.length === 0) {
    console.log(`eval:record: ${CORPUS} is absent (or holds no PDF); nothing to evaluate.`);
    return 0;
  }
  const t0 = performance.now();
  const run = await importAndCheck(pdfs, CORPUS, (n) => {
    if (!args.json && process.stderr.isTTY) process.stderr.write(`\rimported ${n} of ${pdfs.length}`);
  });
  if (!args.json && process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - t0) / 1000;
  if (args.keep) {
    fs.mkdirSync(args.keep, { recursive: true });
    for (const r of run.reports) fs.writeFileSync(path.join(args.keep, r.file.replace(/\.pdf$/i, '.md')), r.markdown);
  }
  const inRun = new Set(run.reports.map((r) => r.file));
  const entries: GenuineEntry[] = readGenuine().filter((e) => inRun.has(e.report));
  const kindOf = new Map(run.reports.map((r) => [r.file, r.kind]));
  const kinds = new Map<RecordKind, number>();
  for (const r of run.reports) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const all = run.reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error');
  const warnings = all.filter((d) => d.severity === 'warning');
  const e = explain(entries, errors);
  const w = explain(entries, warnings);
  const stale = entries.filter((x) => e.stale.includes(x) && w.stale.includes(x));
  const errorRows = tabulate(kinds, errors, new Set(e.genuine), kindOf);
  const warningRows = tabulate(kinds, warnings, new Set(w.genuine), kindOf);
  const importedAs = new Map<string, number>();
  for (const r of run.reports) importedAs.set(r.imported, (importedAs.get(r.imported) ?? 0) + 1);

  if (args.json) {
    console.log(JSON.stringify({
      files: pdfs.length, seconds: +seconds.toFixed(1), importedAs: Object.fromEntries(importedAs),
      failures: run.failures,
      errors: { table: errorRows, unexplained: e.unexplained },
      warnings: { table: warningRows, unexplained: args.warnings === 'all' ? w.unexplained : undefined },
      stale: stale.map((s) => ({ report: s.report, rule: s.rule, message: s.message })),
    }, null, 2));
  } else {
    console.log(`eval:record: ${pdfs.length} PDFs from ${CORPUS}, imported and checked in ${seconds.toFixed(1)} s`);
    console.log(`imported as: ${[...importedAs].map(([k, n]) => `${k} ${n}`).join(', ')}; genuine defects listed: ${entries.length}\n`);
    printTable('Errors', 'errors', errorRows);
    printTable('Warnings (house style, counted apart)', 'warnings', warningRows);
    if (run.failures.length) {
      console.log(`Files that could not be imported (${run.failures.length}):`);
      for (const f of run.failures) console.log(`  ${f.file}: ${f.reason}`);
      console.log('');
    }
    if (stale.length) {
      console.log(`Stale genuine entries (match no diagnostic) (${stale.length}):`);
      for (const s of stale) console.log(`  ${s.report} ${s.rule} /${s.message}/`);
      console.log('');
    }
    console.log(`Unexplained errors (${e.unexplained.length}): ${byRule(e.unexplained).join('; ')}`);
    for (const d of e.unexplained) console.log(line(d));
    if (args.warnings !== 'none') {
      console.log(`\nUnexplained warnings (${w.unexplained.length}): ${byRule(w.unexplained).join('; ')}`);
      if (args.warnings === 'all') for (const d of w.unexplained) console.log(line(d));
    }
  }
  // Files refused for what they are (a web page saved as .pdf, an LSCB review) are listed, not failures of the tool.
  const crashed = run.failures.filter((f) => /importer failed/i.test(f.reason));
  return e.unexplained.length > 0 || stale.length > 0 || crashed.length > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 2; });
