/**
 * The contract between bench/run.ts and the modules that add sections to
 * the benchmark (lsp.ts: benchLsp, import.ts: benchImport, history.ts:
 * benchHistory). Each is an async function taking BenchOptions and returning
 * rows; run.ts prints every row in one table and writes them all to
 * bench-results.json. A module that throws is reported as a crash and makes
 * the run exit 1; slow figures never fail the run.
 */

export interface BenchOptions {
  /** --smoke: one quick iteration of everything, to catch crashes in CI; no warm-up. */
  smoke: boolean;
  /** How many timed runs to take a median over (1 in smoke mode). */
  runs: number;
  /** The repository root (absolute). */
  root: string;
  /** Progress messages go here (stderr), not into the table. */
  log(message: string): void;
}

export interface BenchRow {
  /** The table's grouping: 'check vs markdownlint', 'scaling', 'lsp', 'import', 'history', ... */
  section: string;
  /** What was measured, in a few words. */
  name: string;
  /** The median of the timed runs (in `unit`). */
  median: number;
  /** 'ms' unless given ('µs', 'MB', 'files/s', ...). */
  unit?: string;
  /** How many runs the median is over (shown blank when a module does not say). */
  runs?: number;
  /** The figure this one is compared with, if any. */
  reference?: { name: string; median: number; unit?: string };
  /** median / reference.median (or another ratio the module defines: say so in `note`). */
  ratio?: number;
  /** The goal, as text: 'ratio <= 0.1', 'flat'. Informational only. */
  target?: string;
  /** Whether the target was met, when the module can tell. */
  met?: boolean;
  /** A short extra figure or remark for the table: '12.3 µs/KB'. */
  note?: string;
  /** Machine-readable extras for bench-results.json (sizes, per-KB times, ...). */
  data?: Record<string, number | string | boolean>;
}

export type BenchSection = (options: BenchOptions) => Promise<BenchRow[]>;
