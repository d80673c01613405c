import { performance } from 'perf_hooks';

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Timing {
  /** Milliseconds per run. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** The last result of a timed function, kept where the optimiser cannot drop it. */
export let sink: unknown;

/**
 * Times `fn` `runs` times after `warmup` untimed calls, and returns the median
 * in milliseconds. `fn`'s result is kept so that the work cannot be optimised away.
 */
export function timeSync(fn: () => unknown, runs: number, warmup: number): Timing {
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** `timeSync` for a function that returns a promise: each run is awaited before the next. */
export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) sink = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** Calls `fn` untimed until `ms` milliseconds have passed (at least once), so the JIT has settled. */
export function warmFor(fn: () => unknown, ms: number): void {
  const end = performance.now() + ms;
  do sink = fn();
  while (performance.now() < end);
}

/**
 * How many runs fit a time budget, given one measured run: at least `min`,
 * at most `max`. Small inputs get many runs, large ones few.
 */
export function runsFor(oneRunMs: number, budgetMs: number, min: number, max: number): number {
  const n = Math.floor(budgetMs / Math.max(oneRunMs, 0.001));
  return Math.max(min, Math.min(max, n));
}

export function round(v: number, digits = 3): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
