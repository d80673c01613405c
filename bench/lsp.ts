// Issue 3's benchmark: the language server over real JSON-RPC (stdio), as an
// editor talks to it. Called by bench/run.ts; also runs on its own:
//   node --import tsx bench/lsp.ts
import * as path from 'path';
import { ensureBuilt, fileUri, LspClient } from '../test/lsp/client';
import { ilacsReport } from '../test/lsp/reports';

export interface LspFigure {
  name: string;
  /** Timing rows: the median in milliseconds. */
  median_ms?: number;
  /** The memory row: the median in `unit`. */
  median?: number;
  unit?: string;
  p95_ms?: number;
  runs?: number;
  bytes?: number;
  target?: string;
  met?: boolean;
  note?: string;
  rss_mb?: number;
  heap_used_mb?: number;
  documents?: number;
}

/** What bench/run.ts passes (types.ts BenchOptions); all optional here. */
export interface LspBenchOptions {
  /** One quick pass, to catch crashes. */
  smoke?: boolean;
  log?(message: string): void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Times didChange -> publishDiagnostics for that version, typing one character in and out. */
async function changeLatency(client: LspClient, uri: string, text: string, runs: number): Promise<number[]> {
  client.open(uri, text);
  await client.current(uri, 60_000);
  const at = text.indexOf('\n20. ') >= 0 ? text.indexOf('\n20. ') + 5 : text.length >> 1;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - before.lastIndexOf('\n') - 1;
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const insert = i % 2 === 0;
    const range = insert
      ? { start: { line, character }, end: { line, character } }
      : { start: { line, character }, end: { line, character: character + 1 } };
    const t0 = performance.now();
    client.edit(uri, [{ range, newText: insert ? 'x' : '' }]);
    await client.current(uri, 60_000);
    if (i >= 2) times.push(performance.now() - t0); // the first two warm up
  }
  client.close(uri);
  return times;
}

/**
 * The language server's figures, over real JSON-RPC to the built server
 * (dist/server.js, rebuilt first): didChange -> diagnostics latency with the
 * debounce set to 0, typing one character in and out, on a 60-paragraph report
 * (target: median at most 20 ms) and on a 1 MB report; didOpen -> diagnostics
 * for each of 50 reports; and the server's memory after opening them (its own
 * process.memoryUsage(), asked with the inspectionReports/stats request).
 * Timing rows carry `median_ms`; the memory row `median` with `unit: 'MB'`.
 */
export async function benchLsp(options: LspBenchOptions = {}): Promise<LspFigure[]> {
  const smoke = options.smoke === true;
  const log = options.log ?? (() => undefined);
  log('lsp: building dist/ and starting the server');
  ensureBuilt();
  const out: LspFigure[] = [];
  const client = new LspClient({ settings: { debounce: 0 } });
  try {
    await client.initialize();
    const dir = path.join(__dirname, 'virtual');
    const small = ilacsReport({ paragraphsPerSection: 20, wordsPerParagraph: 70 });
    log('lsp: didChange -> diagnostics, 60-paragraph report');
    const smallTimes = await changeLatency(client, fileUri(path.join(dir, 'sixty.md')), small, smoke ? 2 : 60);
    const smallMedian = round(median(smallTimes));
    out.push({
      name: 'didChange -> diagnostics, 60-paragraph report (JSON-RPC, no debounce)',
      median_ms: smallMedian, p95_ms: round(p95(smallTimes)), runs: smallTimes.length, bytes: Buffer.byteLength(small),
      target: 'median <= 20 ms', met: smallMedian <= 20, note: `p95 ${round(p95(smallTimes))} ms, ${Math.round(Buffer.byteLength(small) / 1024)} KB`,
    });

    let big = '';
    for (let per = 800; Buffer.byteLength(big) < 1_000_000; per += 50) big = ilacsReport({ paragraphsPerSection: per, wordsPerParagraph: 70 });
    log('lsp: didChange -> diagnostics, 1 MB report');
    const bigTimes = await changeLatency(client, fileUri(path.join(dir, 'one-megabyte.md')), big, smoke ? 1 : 10);
    out.push({
      name: 'didChange -> diagnostics, 1 MB report (JSON-RPC, no debounce)',
      median_ms: round(median(bigTimes)), p95_ms: round(p95(bigTimes)), runs: bigTimes.length, bytes: Buffer.byteLength(big),
      note: `p95 ${round(p95(bigTimes))} ms, ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(2)} MB`,
    });

    log('lsp: opening 50 reports');
    const openTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const uri = fileUri(path.join(dir, `report-${i}.md`));
      const text = ilacsReport({ paragraphsPerSection: 20, wordsPerParagraph: 70 }).replace(/Exampleton/g, `Exampleton${i}`);
      const t0 = performance.now();
      client.open(uri, text);
      await client.current(uri, 60_000);
      openTimes.push(performance.now() - t0);
    }
    const stats = await client.request<{ rss: number; heapUsed: number; documents: number }>('inspectionReports/stats', {});
    out.push({
      name: 'didOpen -> diagnostics, each of 50 reports opened',
      median_ms: round(median(openTimes)), p95_ms: round(p95(openTimes)), runs: openTimes.length,
    });
    out.push({
      name: 'server memory after opening 50 reports (heap used)',
      median: round(stats.heapUsed / 1024 / 1024), unit: 'MB', runs: 1,
      rss_mb: round(stats.rss / 1024 / 1024), heap_used_mb: round(stats.heapUsed / 1024 / 1024), documents: stats.documents,
      note: `resident ${Math.round(stats.rss / 1024 / 1024)} MB, ${stats.documents} documents open`,
    });
  } finally {
    await client.stop();
  }
  return out;
}

if (require.main === module) {
  benchLsp().then(
    (figures) => {
      for (const f of figures) console.log(JSON.stringify(f));
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
