/**
 * Whole-process figures (issue 14, "the check path loads only what it
 * checks"): what a user waits for when they type the command, start-up
 * included. Each command is spawned afresh, the commands taking turns run by
 * run, so that a busy machine slows them all alike; the medians are compared:
 *
 *   node -e ""                      bare Node start-up, the floor
 *   check one report                target: at most 1.5 times the floor
 *   check 200 reports               target: at most 0.2 of markdownlint-cli2
 *                                   (threads as cli/parallel.ts chooses them)
 *   check 200 reports, --jobs 2     the same on two threads, for comparison
 *   markdownlint-cli2, 200 reports  the same 200 files
 *
 * The 200 reports are copies of the reports in examples/, in a temporary
 * folder. markdownlint-cli2 is taken from node_modules, or from the file named
 * by MARKDOWNLINT_CLI2 (its markdownlint-cli2-bin.mjs); without it, a
 * stand-in runs the same markdownlint (the dev dependency, default rules) over
 * the same files in its own process, and the row says so.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ensureBuilt } from '../test/lsp/client';
import { median, round } from './timing';
import type { BenchOptions, BenchRow } from './types';

const SECTION = 'process';
/** Reports in the folder check; fewer in a smoke run, which only shows the commands work. */
const REPORTS = 200;
const SMOKE_REPORTS = 20;

interface Command {
  name: string;
  argv: string[];
  /** Exit codes that mean the command did its work. */
  ok: number[];
}

/** Every report (front matter with `report:`) under examples/, as [file name, text]. */
function exampleReports(root: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = fs.readFileSync(p, 'utf8');
        if (/^---\r?\n(?:[^\n]*\n)*?report:/.test(text)) out.push([e.name, text]);
      }
    }
  };
  walk(path.join(root, 'examples'));
  return out;
}

/** A temporary folder with `one/` (one report) and `many/` (`count` copies of the examples). */
function makeFolders(root: string, count: number): { dir: string; one: string; many: string } {
  const reports = exampleReports(root);
  if (reports.length === 0) throw new Error('no reports found under examples/');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-process-'));
  const one = path.join(dir, 'one', reports[0][0]);
  const many = path.join(dir, 'many');
  fs.mkdirSync(path.dirname(one));
  fs.writeFileSync(one, reports[0][1]);
  fs.mkdirSync(many);
  for (let i = 0; i < count; i++) {
    const [name, text] = reports[i % reports.length];
    fs.writeFileSync(path.join(many, `${String(i).padStart(3, '0')}-${name}`), text);
  }
  return { dir, one, many };
}

/** markdownlint-cli2's bin script, when installed; undefined otherwise. */
function findCli2(root: string): string | undefined {
  const candidates = [process.env.MARKDOWNLINT_CLI2, path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

/**
 * The stand-in for markdownlint-cli2: a process that loads markdownlint (as
 * cli2 does), reads every .md file in a folder, lints each with the default
 * rules and prints the problems, one a line.
 */
function writeStandIn(dir: string, root: string): string {
  const file = path.join(dir, 'markdownlint-process.mjs');
  const entry = path.join(root, 'node_modules', 'markdownlint', 'lib', 'exports-sync.mjs');
  if (!fs.existsSync(entry)) throw new Error(`markdownlint is not installed (${entry}); run npm install`);
  fs.writeFileSync(
    file,
    `import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
const { lint } = await import(pathToFileURL(${JSON.stringify(entry)}).href);
const dir = process.argv[2];
let n = 0;
const lines = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const p = path.join(dir, f);
  const r = lint({ strings: { [p]: fs.readFileSync(p, 'utf8') } });
  for (const e of r[p]) lines.push(p + ':' + e.lineNumber + ' ' + e.ruleNames.join('/') + ' ' + e.ruleDescription);
  n++;
}
process.stdout.write(lines.join('\\n') + '\\nLinted ' + n + ' files\\n');
process.exitCode = lines.length > 0 ? 1 : 0;
`,
  );
  return file;
}

function runOnce(c: Command, cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status === null || !c.ok.includes(r.status)) {
    throw new Error(`${c.name}: exit ${r.status ?? r.signal}\n${(r.stderr ?? '').slice(0, 2000)}`);
  }
  return ms;
}

export async function benchProcess(options: BenchOptions): Promise<BenchRow[]> {
  ensureBuilt();
  const cli = path.join(options.root, 'dist', 'cli.js');
  const n = options.smoke ? SMOKE_REPORTS : REPORTS;
  const { dir, one, many } = makeFolders(options.root, n);
  try {
    const cli2 = findCli2(options.root);
    const node = process.execPath;
    const lintName = cli2 ? 'markdownlint-cli2' : 'markdownlint (stand-in for cli2)';
    const commands: Command[] = [
      { name: 'node -e ""', argv: [node, '-e', ''], ok: [0] },
      { name: 'check one report', argv: [node, cli, 'check', one, '--exit-zero'], ok: [0] },
      { name: `check ${n} reports`, argv: [node, cli, 'check', many, '--exit-zero'], ok: [0] },
      { name: `check ${n} reports, two threads`, argv: [node, cli, 'check', many, '--exit-zero', '--jobs', '2'], ok: [0] },
      {
        name: `${lintName}, ${n} reports`,
        argv: cli2 ? [node, cli2, `${many}/*.md`] : [node, writeStandIn(dir, options.root), many],
        ok: [0, 1],
      },
    ];
    // The check reads every copy as a report: otherwise the figure measures nothing.
    const probe = spawnSync(node, [cli, 'check', many, '--exit-zero'], { cwd: dir, encoding: 'utf8' });
    if (!new RegExp(`in ${n} reports \\(${n} files read\\)`).test(probe.stdout ?? '')) {
      throw new Error(`check of ${n} reports did not read them all: ${(probe.stdout ?? '').split('\n').pop() || probe.stderr}`);
    }
    const warmup = options.smoke ? 0 : 2;
    const runs = options.smoke ? 1 : Math.max(5, options.runs);
    const times = commands.map(() => [] as number[]);
    for (let i = 0; i < warmup + runs; i++) {
      // Take turns, starting one further along each round, so no command always follows another.
      for (let k = 0; k < commands.length; k++) {
        const j = (i + k) % commands.length;
        const ms = runOnce(commands[j], dir);
        if (i >= warmup) times[j].push(ms);
      }
    }
    const [bare, checkOne, checkMany, checkManyTwo, lint] = times.map(median);
    options.log(`process: ${runs} runs of each command, taking turns`);
    const row = (name: string, m: number): BenchRow => ({ section: SECTION, name: `process: ${name}`, median: round(m, 1), runs });
    const oneRatio = checkOne / bare;
    const manyRatio = checkMany / lint;
    return [
      row(commands[0].name, bare),
      {
        ...row(commands[1].name, checkOne),
        reference: { name: 'node -e ""', median: round(bare, 1) },
        ratio: round(oneRatio, 2),
        target: 'ratio <= 1.5',
        met: oneRatio <= 1.5,
        note: `${round(checkOne - bare, 1)} ms over bare start-up`,
      },
      {
        ...row(commands[2].name, checkMany),
        reference: { name: cli2 ? 'markdownlint-cli2' : 'markdownlint stand-in', median: round(lint, 1) },
        ratio: round(manyRatio, 2),
        target: 'ratio <= 0.2',
        met: manyRatio <= 0.2,
        note: `${round((checkMany - bare) / n, 2)} ms per report over start-up; threads as chosen on ${os.availableParallelism?.() ?? os.cpus().length} processors`,
      },
      {
        ...row(commands[3].name, checkManyTwo),
        reference: { name: cli2 ? 'markdownlint-cli2' : 'markdownlint stand-in', median: round(lint, 1) },
        ratio: round(checkManyTwo / lint, 2),
        note: `--jobs 2: ${round(checkManyTwo / checkMany, 2)} x the default`,
      },
      { ...row(commands[4].name, lint), note: cli2 ? path.relative(options.root, cli2) : 'markdownlint-cli2 not installed: markdownlint, default rules, same files, own process' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
