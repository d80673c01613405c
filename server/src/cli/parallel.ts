/**
 * The check of a large folder on several threads. This thread and each worker
 * take the next file from one shared counter until none is left, so a slow
 * file holds up no one; the workers send back what each of their files gave
 * (plain data), and the results are put back in the files' order, so the
 * output is the same as on one thread (test/build/cliBundle.test.ts).
 *
 * A worker is dist/cli.js itself (bin.ts starts `runCheckWorker` in a worker
 * thread), with its code cache: only the bundle runs in parallel. From the
 * sources (tests, tsx) there is no dist/cli.js beside this file, and the
 * check runs on one thread. A worker that fails costs time, not results: the
 * files it had not sent back are checked here.
 */
import { existsSync } from 'fs';
import type * as Os from 'os';
import * as path from 'path';
import type * as WorkerThreads from 'worker_threads';
import { SettingsFinder } from '../config/find';
import { loadBuiltinData } from '../io/builtinData';
import { nodeSettingsFiles } from '../io/files';
import { writeTo } from '../io/stdio';
import type { BuiltinData } from '../profiles/data';
import type { Checked } from './checkCommand';

/** Below this many files, starting a worker costs more than it saves (auto mode). */
const MIN_FILES = 24;
/**
 * Fewer processors than this, and one thread is used unless --jobs says
 * otherwise: on 2 processors V8's own background threads (the collector, the
 * compiler) already keep the second busy during a check, and two checks at once
 * did 1.19 times the work of one, not twice; a folder of 200 reports took 810 ms
 * on two threads against 746 ms on one (`npm run bench -- --only process`).
 */
const MIN_PROCESSORS = 4;
/** Files a worker is given at most, whatever the machine. */
const MAX_JOBS = 8;
const ROLE = 'inspection-reports check worker';
/** On a worker's command line, so that a run can tell it is one without loading worker_threads (which costs a short run 8 ms). */
const WORKER_ARG = '--inspection-reports-check-worker';

// Loaded only when a folder is large enough to share, or in a worker.
const threads = (): typeof WorkerThreads => require('worker_threads') as typeof WorkerThreads;
const os = (): typeof Os => require('os') as typeof Os;

interface Job {
  role: typeof ROLE;
  files: string[];
  config?: string;
  /** Int32Array over it: [0] the next file's index. */
  next: SharedArrayBuffer;
}

/** The launcher beside the running bundle (dist/cli.js), or undefined when running from the sources. */
function workerScript(): string | undefined {
  if (path.basename(__filename) !== 'cli-main.js') return undefined;
  const script = path.join(__dirname, 'cli.js');
  return existsSync(script) ? script : undefined;
}

/**
 * How many threads to check `count` files on: `asked` (--jobs) when given,
 * otherwise one a processor for a large folder on a machine of 4 processors
 * or more; 1 when only one can run.
 */
export function parallelJobs(count: number, asked: number | undefined): number {
  // Cheapest first: a short run never looks for the launcher on disk.
  if (count < 2 || (asked === undefined && count < MIN_FILES) || asked === 1 || !workerScript()) return 1;
  if (asked !== undefined) return Math.min(asked, count);
  const processors = os().availableParallelism?.() ?? os().cpus().length;
  return processors < MIN_PROCESSORS ? 1 : Math.min(processors, MAX_JOBS);
}

/** Checks `files` on `jobs` threads (this one among them); the results in the files' order. */
export async function checkInParallel(files: string[], jobs: number, config: string | undefined, checkHere: (file: string) => Checked): Promise<Checked[]> {
  const script = workerScript();
  const results: (Checked | undefined)[] = new Array(files.length);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const job: Job = { role: ROLE, files, config, next };
  const done: Promise<void>[] = [];
  const counts: number[] = [0];
  for (let w = 0; script && w < jobs - 1; w++) {
    done.push(
      new Promise<void>((resolve) => {
        let worker: WorkerThreads.Worker;
        try {
          worker = new (threads().Worker)(script, { argv: [WORKER_ARG], workerData: job, stdout: true, stderr: true });
        } catch {
          resolve();
          return;
        }
        worker.on('message', (batch: [number, Checked][]) => {
          counts.push(batch.length);
          for (const [i, r] of batch) results[i] = r;
          resolve();
        });
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      }),
    );
  }
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    results[i] = checkHere(files[i]);
    counts[0]++;
  }
  await Promise.all(done);
  // How the files were shared, for tests and the curious: INSPECTION_REPORTS_TRACE_JOBS=1.
  if (process.env.INSPECTION_REPORTS_TRACE_JOBS) writeTo(2, `jobs: ${counts.join(' + ')} files checked (this thread first)\n`);
  // Whatever a failed worker took and did not send back is checked here.
  // (A loop, not map: map skips the holes a failed worker leaves.)
  const all: Checked[] = [];
  for (let i = 0; i < files.length; i++) all.push(results[i] ?? checkHere(files[i]));
  return all;
}

/** Whether this thread is a check worker (started by checkInParallel). */
export function isCheckWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const { isMainThread, workerData } = threads();
  return !isMainThread && (workerData as Job | undefined)?.role === ROLE;
}

/** A worker's whole life: take files from the shared counter, check each, send the results, end. */
export function runCheckWorker(checkFile: (file: string, data: BuiltinData, finder: SettingsFinder) => Checked): void {
  const { parentPort, workerData } = threads();
  const job = workerData as Job;
  const counter = new Int32Array(job.next);
  const data = loadBuiltinData();
  const finder = new SettingsFinder(data, nodeSettingsFiles, job.config);
  const batch: [number, Checked][] = [];
  // For the test of a failing worker (test/build/cliBundle.test.ts): fail after taking a file, before sending anything.
  const failAfterOne = process.env.INSPECTION_REPORTS_TEST_FAILING_WORKER === '1';
  for (let i = Atomics.add(counter, 0, 1); i < job.files.length; i = Atomics.add(counter, 0, 1)) {
    if (failAfterOne) throw new Error(`a failing worker, as the test asked (it took file ${i})`);
    batch.push([i, checkFile(job.files[i], data, finder)]);
  }
  parentPort?.postMessage(batch);
}
