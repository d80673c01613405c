/**
 * Import benchmark (issue 4): time to import a PDF compared with bare text
 * extraction of the same PDF (unpdf's extractText), per layout era, and the
 * time for the whole corpus. Target: import at most 1.5 x extraction.
 * bench/run.ts calls benchImport(); `node --import tsx bench/import.ts` runs it alone.
 * Set BENCH_IMPORT_CORPUS=0 to skip the whole-corpus pass (about a minute on 2 cores).
 */
import * as fs from 'fs';
import * as path from 'path';
import { importPdf } from '../server/src/import/index';
import { extractBareText } from '../server/src/import/pdf';
import { timeAsync } from './timing';
import { builtinProfiles } from '../server/src/io/builtinData';

const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'ilacs');

const SAMPLES = [
  'barnsley--children-s-services-inspection-08-august-2014.pdf',
  'barnsley--children-s-services-inspection-19-november-2018.pdf',
  'dorset--children-s-services-inspection-19-november-2021.pdf',
  'barnsley--children-s-services-inspection-27-october-2023.pdf',
  'west-northamptonshire--children-s-services-inspection-07-july-2026.pdf',
];

export interface ImportBenchResult {
  name: string;
  median_ms: number;
  /** Bare extraction of the same file, for the ratio. */
  extract_median_ms?: number;
  ratio?: number;
  target?: string;
  files?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  return (await timeAsync(fn, runs, 0)).median;
}

export async function benchImport(options: { runs?: number; wholeCorpus?: boolean; smoke?: boolean } = {}): Promise<ImportBenchResult[]> {
  if (!fs.existsSync(corpus)) return [];
  const catalog = builtinProfiles().catalog;
  // Each sample takes 100-300 ms: more than 7 runs only makes the bench slow.
  const runs = options.smoke ? 1 : Math.min(options.runs ?? 5, 7);
  const results: ImportBenchResult[] = [];
  for (const file of SAMPLES) {
    const p = path.join(corpus, file);
    if (!fs.existsSync(p)) continue;
    const bytes = new Uint8Array(fs.readFileSync(p));
    await extractBareText(bytes); // warm up: load pdf.js
    await importPdf(bytes, { sourceName: file, catalog });
    // Alternate the two so that neither gains from running second.
    const extract: number[] = [];
    const imp: number[] = [];
    for (let i = 0; i < runs; i++) {
      extract.push(await time(() => extractBareText(bytes), 1));
      imp.push(await time(() => importPdf(bytes, { sourceName: file, catalog }), 1));
    }
    const e = median(extract);
    const m = median(imp);
    results.push({ name: `import ${file.replace(/--children-s-services-inspection-/, ' ').replace(/\.pdf$/, '')}`, median_ms: +m.toFixed(1), extract_median_ms: +e.toFixed(1), ratio: +(m / e).toFixed(2), target: '<= 1.5' });
  }
  const wholeCorpus = options.wholeCorpus ?? (!options.smoke && process.env.BENCH_IMPORT_CORPUS !== '0');
  if (wholeCorpus) {
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.pdf')).sort();
    const t0 = performance.now();
    for (const f of files) await importPdf(new Uint8Array(fs.readFileSync(path.join(corpus, f))), { sourceName: f, catalog });
    const total = performance.now() - t0;
    results.push({ name: 'import whole corpus (total)', median_ms: +total.toFixed(0), files: files.length });
  }
  return results;
}

if (require.main === module) {
  benchImport().then((rows) => {
    if (rows.length === 0) console.log('bench import: ../shared/corpus/ilacs is absent; skipped');
    for (const r of rows) console.log(JSON.stringify(r));
  });
}
