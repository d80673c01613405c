/**
 * `npm run fuzz`: the property suites of test/fuzz at 100,000 cases in all,
 * spread over one worker process per CPU (at most 4), then the checker's time
 * on long adversarial lines. Prints the case count, every failure with its
 * shrunk input, and the timings; exits 1 when anything failed.
 *
 *   npm run fuzz -- [--cases 100000] [--seed 42] [--only check] [--workers 2]
 */
import { fork, type ChildProcess } from 'child_process';
import * as fc from 'fast-check';
import * as os from 'os';
import { adversarialTimings } from '../test/fuzz/adversarial';
import { suites } from '../test/fuzz/suites';

interface Job { suite: string; numRuns: number; seed: number }
interface Done extends Job { ran: number; failed: boolean; message?: string; shrinks: number; ms: number }

const CHUNK = 2_500;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function runJob(job: Job): Promise<Done> {
  const suite = suites.find((s) => s.name === job.suite)!;
  const t0 = performance.now();
  const d = await fc.check(suite.property(), { numRuns: job.numRuns, seed: job.seed });
  const message = d.failed ? String((d.errorInstance as Error | undefined)?.message ?? d.errorInstance) : undefined;
  return { ...job, ran: d.numRuns, failed: d.failed, message, shrinks: d.numShrinks, ms: performance.now() - t0 };
}

function worker(): void {
  process.on('message', (job: Job | 'exit') => {
    if (job === 'exit') process.exit(0);
    runJob(job).then(
      (done) => process.send!(done),
      (e) => process.send!({ ...job, ran: 0, failed: true, message: `runner error: ${(e as Error).stack}`, shrinks: 0, ms: 0 }),
    );
  });
}

function plan(total: number, seed: number, only?: string): Job[] {
  const chosen = suites.filter((s) => !only || s.name.includes(only));
  const shareSum = chosen.reduce((a, s) => a + s.share, 0);
  const jobs: Job[] = [];
  let left = total;
  chosen.forEach((s, i) => {
    let n = i === chosen.length - 1 ? left : Math.round((total * s.share) / shareSum);
    left -= n;
    for (let k = 0; n > 0; k++) {
      const numRuns = Math.min(CHUNK, n);
      jobs.push({ suite: s.name, numRuns, seed: seed + i * 100_003 + k * 7919 });
      n -= numRuns;
    }
  });
  return jobs;
}

async function main(): Promise<void> {
  const total = Number(arg('--cases') ?? 100_000);
  const seed = Number(arg('--seed') ?? 20_250_701);
  const only = arg('--only');
  const workers = Math.max(1, Math.min(Number(arg('--workers') ?? os.cpus().length), 4));
  const jobs = plan(total, seed, only);
  console.log(`fuzz: ${total} cases over ${new Set(jobs.map((j) => j.suite)).size} suites, ${workers} workers, seed ${seed}`);
  const started = performance.now();
  const results: Done[] = [];
  const queue = [...jobs];
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve) => {
    const child: ChildProcess = fork(__filename, ['--worker'], { execArgv: process.execArgv });
    const next = () => {
      const job = queue.shift();
      if (job) child.send(job);
      else {
        child.send('exit');
        resolve();
      }
    };
    child.on('message', (d: Done) => {
      results.push(d);
      process.stdout.write(d.failed ? 'F' : '.');
      next();
    });
    child.on('exit', (code) => {
      if (code) {
        console.error(`\nworker exited with ${code}`);
        resolve();
      }
    });
    next();
  })));
  const wall = (performance.now() - started) / 1000;
  console.log('\n');
  const rows = suites.map((s) => {
    const rs = results.filter((r) => r.suite === s.name);
    const ran = rs.reduce((a, r) => a + r.ran, 0);
    const ms = rs.reduce((a, r) => a + r.ms, 0);
    return { suite: s.name, cases: ran, failures: rs.filter((r) => r.failed).length, 'ms/case': ran ? +(ms / ran).toFixed(2) : 0, 'cpu s': +(ms / 1000).toFixed(1) };
  }).filter((r) => r.cases > 0 || r.failures > 0);
  console.table(rows);
  const ran = results.reduce((a, r) => a + r.ran, 0);
  const failed = results.filter((r) => r.failed);
  console.log(`cases: ${ran} (planned ${jobs.reduce((a, j) => a + j.numRuns, 0)}), failures: ${failed.length}, wall time ${wall.toFixed(1)} s`);
  const seen = new Set<string>();
  for (const f of failed) {
    const first = (f.message ?? '').split('\n')[0].replace(/\d+/g, 'N');
    if (seen.has(`${f.suite}|${first}`)) continue;
    seen.add(`${f.suite}|${first}`);
    console.log(`\nFAILED ${f.suite} (seed ${f.seed}, ${f.shrinks} shrinks; replay: --only '${f.suite}' --seed ${f.seed})\n${(f.message ?? '').slice(0, 4000)}`);
  }
  if (!only || only.includes('adversarial')) {
    console.log('\nadversarial lines (100,000 characters each, one check per line):');
    const timings = adversarialTimings(100_000);
    timings.sort((a, b) => b.ms - a.ms);
    for (const t of timings.slice(0, 8)) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.name}`);
    console.log(`  slowest of ${timings.length}: ${timings[0].ms.toFixed(0)} ms; total ${(timings.reduce((a, t) => a + t.ms, 0) / 1000).toFixed(1)} s`);
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

if (process.argv.includes('--worker')) worker();
else void main();
