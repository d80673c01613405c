/**
 * `npm run bench` (node --import tsx bench/run.ts): every benchmark figure
 * in one table, and the same as JSON in bench-results.json at the repository root.
 *
 *   --smoke        one quick iteration of everything; exits 1 only on a crash,
 *                  never on a time (for CI); writes no JSON unless --out is given
 *   --runs <n>     timed runs per figure (default 30 for the markdownlint
 *                  comparison, scaled by size for the rest)
 *   --out <file>   where to write the JSON (default bench-results.json)
 *   --only <name>  run only the sections whose name contains <name>
 *
 * Sections: the core's own (core.ts: check vs markdownlint, where the check's
 * time goes, scaling from 1 KB to 1 MB), then any of lsp.ts (benchLsp),
 * import.ts (benchImport), history.ts (benchHistory), wordIn.ts (benchWordIn), export.ts (benchExport) and process.ts
 * (benchProcess: whole-process start-up and check figures) that exist. Each takes
 * BenchOptions and returns BenchRow[] (types.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { benchBreakdown, benchCheckVsMarkdownlint, benchScaling } from './core';
import { normaliseRows } from './rows';
import { formatTable } from './table';
import type { BenchOptions, BenchRow, BenchSection } from './types';

const ROOT = path.resolve(__dirname, '..');

interface Args {
  smoke: boolean;
  runs: number;
  out?: string;
  only?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { smoke: false, runs: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') args.smoke = true;
    else if (a === '--runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return '--runs needs a whole number of at least 1';
      args.runs = n;
    } else if (a === '--out') {
      const v = argv[++i];
      if (!v) return '--out needs a file name';
      args.out = v;
    } else if (a === '--only') {
      const v = argv[++i];
      if (!v) return '--only needs a section name';
      args.only = v;
    } else return `unknown option '${a}' (known: --smoke, --runs <n>, --out <file>, --only <name>)`;
  }
  if (args.smoke) args.runs = 1;
  return args;
}

/** An optional section module: bench/<file>.ts exporting <exported>. */
interface Optional {
  name: string;
  file: string;
  exported: string;
}

const OPTIONAL: Optional[] = [
  { name: 'lsp', file: 'lsp.ts', exported: 'benchLsp' },
  { name: 'import', file: 'import.ts', exported: 'benchImport' },
  { name: 'history', file: 'history.ts', exported: 'benchHistory' },
  { name: 'word in', file: 'wordIn.ts', exported: 'benchWordIn' },
  { name: 'export', file: 'export.ts', exported: 'benchExport' },
  { name: 'process', file: 'process.ts', exported: 'benchProcess' },
];

interface Planned {
  name: string;
  load(): Promise<BenchSection>;
}

async function loadOptional(o: Optional): Promise<BenchSection> {
  const mod = (await import(pathToFileURL(path.join(__dirname, o.file)).href)) as Record<string, unknown>;
  // A CommonJS module seen through import() may put its exports under `default`.
  const fromDefault = (mod.default ?? {}) as Record<string, unknown>;
  const fn = mod[o.exported] ?? fromDefault[o.exported];
  if (typeof fn !== 'function') throw new Error(`bench/${o.file} does not export a function '${o.exported}'`);
  return fn as BenchSection;
}

function plan(only: string | undefined, log: (m: string) => void): Planned[] {
  const out: Planned[] = [
    { name: 'check vs markdownlint', load: async () => benchCheckVsMarkdownlint },
    { name: 'check breakdown', load: async () => benchBreakdown },
    { name: 'scaling', load: async () => benchScaling },
  ];
  for (const o of OPTIONAL) {
    if (!fs.existsSync(path.join(__dirname, o.file))) {
      log(`(no bench/${o.file}: the ${o.name} section is skipped)`);
      continue;
    }
    out.push({ name: o.name, load: () => loadOptional(o) });
  }
  return only ? out.filter((p) => p.name.includes(only)) : out;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`bench: ${parsed}\n`);
    return 2;
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const options: BenchOptions = { smoke: parsed.smoke, runs: parsed.runs, root: ROOT, log };
  const rows: BenchRow[] = [];
  const crashes: { section: string; error: string }[] = [];
  const started = Date.now();
  for (const p of plan(parsed.only, log)) {
    try {
      const section = await p.load();
      const got = normaliseRows(await section(options), p.name);
      // One iteration says nothing about targets: keep the figures, drop the verdicts.
      if (parsed.smoke) for (const r of got) delete r.met;
      rows.push(...got);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      crashes.push({ section: p.name, error });
      log(`bench: section '${p.name}' crashed: ${error}`);
    }
  }
  const m = machine();
  process.stdout.write(`\nBenchmark${parsed.smoke ? ' (smoke run: one iteration, times are not meaningful)' : ''}\n`);
  process.stdout.write(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
  for (const c of crashes) process.stdout.write(`\nCRASHED: ${c.section}\n`);
  const out = parsed.out ?? (parsed.smoke ? undefined : 'bench-results.json');
  if (out) {
    const file = path.resolve(ROOT, out);
    const json = { date: new Date().toISOString(), smoke: parsed.smoke, seconds: (Date.now() - started) / 1000, machine: m, rows, crashes };
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`\nWrote ${path.relative(process.cwd(), file) || file}\n`);
  }
  return crashes.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
