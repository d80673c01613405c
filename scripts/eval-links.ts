/**
 * `npm run eval:links` (issue 5, "Measured"): how well the history matches a
 * later report's findings to the earlier report's findings they revisit,
 * against the gold set in test/fixtures/links-gold.yaml (labelled by hand; see
 * docs/history.md). Imports the shared corpus in process (nothing is written
 * unless --keep), builds one history index over it, and for each gold pair
 * ranks the earlier report's findings for every finding of the later one with
 * `scoreFinding` restricted to that earlier report. Prints recall@3 and
 * precision@1 overall, for the tuning and held-out pairs, per pair, and the
 * misses. Skips, with a message, when ../shared is absent.
 *
 *   node --import tsx scripts/eval-links.ts [--gold-only] [--imported <dir>] [--keep <dir>]
 *        [--top 3] [--min-score 0.25] [--misses all|tune|held-out|none] [--excerpts] [--json]
 *        [--agreement test/fixtures/links-second.yaml]
 *
 * --agreement: also scores a second, independent labelling of some of the
 * pairs against the gold set, as if it were a matcher (agreement.ts), beside
 * the matcher's figures on the same pairs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBytes } from '../server/src/import/index';
import { writeNewFile as writeOutput } from '../server/src/io/files';
import { DEFAULT_MIN_SCORE, DEFAULT_TOP_N, HistoryIndex, scoreFinding, type HistoryReport } from '../server/src/history';
import { agreement } from './eval-links/agreement';
import { linkCount, readGold, type GoldPair } from './eval-links/gold';
import { add, emptyTally, figures, merge, shownOf, type EvalOptions, type FindingResult, type Tally } from './eval-links/metrics';
import { data } from '../test/helpers/data';

const repoRoot = path.resolve(__dirname, '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const corpus = path.join(shared, 'corpus', 'ilacs');
const TARGET_RECALL = 0.85;
const TARGET_PRECISION = 0.8;

interface Args {
  gold: string;
  agreement?: string;
  goldOnly: boolean;
  imported?: string;
  keep?: string;
  topN: number;
  minScore: number;
  misses: 'all' | 'tune' | 'held-out' | 'none';
  excerpts: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = {
    gold: path.join(repoRoot, 'test', 'fixtures', 'links-gold.yaml'), goldOnly: false,
    topN: DEFAULT_TOP_N, minScore: DEFAULT_MIN_SCORE, misses: 'all', excerpts: false, json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const value = (): string | undefined => argv[++i];
    if (k === '--gold-only') a.goldOnly = true;
    else if (k === '--excerpts') a.excerpts = true;
    else if (k === '--json') a.json = true;
    else if (k === '--gold' || k === '--imported' || k === '--keep' || k === '--agreement') {
      const v = value();
      if (!v) return `${k} needs a value`;
      if (k === '--gold') a.gold = path.resolve(v);
      else if (k === '--agreement') a.agreement = path.resolve(v);
      else if (k === '--imported') a.imported = path.resolve(v);
      else a.keep = path.resolve(v);
    } else if (k === '--top' || k === '--min-score') {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0 || (k === '--top' && (!Number.isInteger(v) || v < 1))) return `${k} needs a number`;
      if (k === '--top') a.topN = v;
      else a.minScore = v;
    } else if (k === '--misses') {
      const v = value();
      if (v !== 'all' && v !== 'tune' && v !== 'held-out' && v !== 'none') return '--misses takes all, tune, held-out or none';
      a.misses = v;
    } else return `unknown option '${k}'`;
  }
  return a;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Imports PDFs in process into the index; returns the report for each PDF name. */
async function importCorpus(index: HistoryIndex, pdfs: string[], keep: string | undefined): Promise<Map<string, HistoryReport>> {
  // Without --keep nothing is written: the paths only name the documents in the index.
  const root = keep ?? path.join(os.tmpdir(), 'inspection-reports-eval-links');
  const bySource = new Map<string, HistoryReport>();
  const written = new Map<string, string>();
  let failed = 0;
  for (const [k, name] of pdfs.entries()) {
    if (k % 50 === 0) log(`  importing ${k + 1}-${Math.min(k + 50, pdfs.length)} of ${pdfs.length}`);
    const r = await importBytes(fs.readFileSync(path.join(corpus, name)), name, { catalog: data.profiles.catalog });
    if (!r.ok) {
      failed++;
      continue;
    }
    const uri = path.join(root, r.relativePath);
    if (written.has(uri)) log(`  warning: ${name} and ${written.get(uri)} both import as ${r.relativePath}; the later wins`);
    written.set(uri, name);
    if (keep) writeOutput(uri, r.markdown, true);
    const report = index.upsert({ uri, text: r.markdown });
    if (report) bySource.set(name, report);
  }
  if (failed) log(`  ${failed} PDF(s) could not be imported (as with \`inspection-reports import\`)`);
  return bySource;
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listMarkdown(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function fmt(x: number): string {
  return Number.isNaN(x) ? '  -  ' : x.toFixed(3);
}

function row(label: string, t: Tally): string {
  const f = figures(t);
  return `${label.padEnd(34)} ${fmt(f.recall3)}    ${fmt(f.precision1)}   ${fmt(f.precision1Every)}       ${fmt(f.coverage)}    ` +
    `${fmt(f.recall3Ranked)}            ${fmt(f.recall3AllGold)}      ${String(t.withGold).padStart(3)}/${String(t.findings).padEnd(3)} ${t.goldLinks}`;
}

const HEADER = `${''.padEnd(34)} recall@3 prec@1  prec@1(every) coverage recall@3(ranked) recall@3(all gold) findings   links`;

function excerpt(r: HistoryReport | undefined, id: string): string {
  const f = r?.findings.find((x) => x.id === id);
  if (!f) return '(no such finding)';
  const t = f.text.replace(/\s+/g, ' ').trim();
  return t.length > 90 ? `${t.slice(0, 90)}…` : t;
}

function printAgreement(out: (s?: string) => void, gold: GoldPair[], second: GoldPair[], matcher: Map<string, Tally>, file: string, topN: number): void {
  const a = agreement(gold, second, topN);
  out();
  out(`a second reader (${file}): their lists, strongest first, scored against the gold set as if a matcher's (top ${topN}, no minimum score)`);
  out(`${''.padEnd(34)} reader: recall@3 prec@1   matcher: recall@3 prec@1   links: gold second both`);
  let reader = emptyTally();
  let same = emptyTally();
  for (const p of a.pairs) {
    const r = figures(p.reader);
    const m = matcher.get(p.name);
    const mf = m ? figures(m) : undefined;
    reader = merge(reader, p.reader);
    if (m) same = merge(same, m);
    out(`${`${p.name} (${p.set})`.padEnd(34)}         ${fmt(r.recall3)}   ${fmt(r.precision1)}            ${mf ? fmt(mf.recall3) : '  -  '}   ${mf ? fmt(mf.precision1) : '  -  '}           ` +
      `${String(p.goldLinks).padStart(4)} ${String(p.secondLinks).padStart(6)} ${String(p.both).padStart(4)}`);
  }
  const r = figures(reader);
  const m = figures(same);
  out(`${'these pairs'.padEnd(34)}         ${fmt(r.recall3)}   ${fmt(r.precision1)}            ${fmt(m.recall3)}   ${fmt(m.precision1)}`);
  if (a.unmatched.length) out(`not in the gold set (or other reports): ${a.unmatched.join(', ')}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    log(`eval:links: ${args}`);
    return 2;
  }
  const gold = readGold(args.gold);
  for (const e of gold.errors) log(`eval:links: gold set: ${e}`);
  if (gold.pairs.length === 0) return 2;
  const second = args.agreement ? readGold(args.agreement) : undefined;
  for (const e of second?.errors ?? []) log(`eval:links: second labelling: ${e}`);
  if (second && second.pairs.length === 0) return 2;
  if (!args.imported && !fs.existsSync(corpus)) {
    log(`eval:links: skipped: ${corpus} not found (the evaluation imports the shared corpus; see docs/history.md)`);
    return 0;
  }

  const t0 = Date.now();
  const index = new HistoryIndex({ data });
  const reportFor = new Map<GoldPair['earlier'], HistoryReport | undefined>();
  let source: string;
  if (args.imported) {
    if (!fs.existsSync(args.imported)) {
      log(`eval:links: ${args.imported} not found`);
      return 2;
    }
    for (const f of listMarkdown(args.imported)) index.upsert({ uri: f, text: fs.readFileSync(f, 'utf8') });
    for (const p of gold.pairs) for (const g of [p.earlier, p.later]) reportFor.set(g, index.get(path.join(args.imported, g.file)));
    source = `the reports in ${path.relative(process.cwd(), args.imported) || '.'}`;
  } else {
    const wanted = new Set(gold.pairs.flatMap((p) => [p.earlier.source, p.later.source]));
    const all = fs.readdirSync(corpus).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
    const pdfs = args.goldOnly ? all.filter((f) => wanted.has(f)) : all;
    log(`eval:links: importing ${pdfs.length} PDF(s) from ${path.relative(process.cwd(), corpus)}${args.keep ? ` into ${args.keep}` : ''}`);
    const bySource = await importCorpus(index, pdfs, args.keep);
    for (const p of gold.pairs) for (const g of [p.earlier, p.later]) reportFor.set(g, bySource.get(g.source));
    source = args.goldOnly ? 'the gold pairs\' reports only (--gold-only)' : 'the whole shared corpus';
  }
  const tImport = Date.now() - t0;

  const opts: EvalOptions = { topN: args.topN, minScore: args.minScore };
  const perPair = new Map<string, Tally>();
  const misses: { pair: GoldPair; later: string; gold: string[]; missed: string[]; shown: FindingResult['ranked'] }[] = [];
  const results: FindingResult[] = [];
  let evaluated = 0;
  const t1 = Date.now();
  for (const p of gold.pairs) {
    const earlier = reportFor.get(p.earlier);
    const later = reportFor.get(p.later);
    if (!earlier || !later) {
      log(`eval:links: ${p.name}: ${!earlier ? p.earlier.file : p.later.file} was not imported as a report; pair skipped`);
      continue;
    }
    for (const [g, r] of [[p.earlier, earlier], [p.later, later]] as const) {
      if (r.findings.length !== g.findings) {
        log(`eval:links: warning: ${p.name}: ${g.file} has ${r.findings.length} findings, ${g.findings} when labelled (the importer changed?)`);
      }
    }
    if (!index.earlier(later).includes(earlier)) log(`eval:links: warning: ${p.name}: the history does not see ${p.earlier.file} as earlier than ${p.later.file}`);
    const laterIds = new Set(later.findings.map((f) => f.id));
    const earlierIds = new Set(earlier.findings.map((f) => f.id));
    for (const [from, to] of p.links) {
      if (!laterIds.has(from)) log(`eval:links: warning: ${p.name}: ${p.later.file} has no ${from}`);
      for (const x of to) if (!earlierIds.has(x)) log(`eval:links: warning: ${p.name}: ${p.earlier.file} has no ${x}`);
    }
    const tally = emptyTally();
    for (const f of later.findings) {
      const ranked = scoreFinding(index, later, f.id, [earlier]).map((s) => ({ id: s.finding.id, score: s.score }));
      const r: FindingResult = { pair: p.name, later: f.id, gold: p.links.get(f.id) ?? [], ranked };
      results.push(r);
      const missed = add(tally, r, opts);
      if (missed.length) misses.push({ pair: p, later: f.id, gold: [...r.gold], missed, shown: shownOf(r, opts) });
      evaluated++;
    }
    perPair.set(p.name, tally);
  }
  const tEval = Date.now() - t1;

  const evaluatedPairs = gold.pairs.filter((p) => perPair.has(p.name));
  const sum = (set?: GoldPair['set']) => evaluatedPairs.filter((p) => !set || p.set === set).reduce((t, p) => merge(t, perPair.get(p.name)!), emptyTally());
  const all = sum();
  const f = figures(all);
  if (args.json) {
    const pairs = Object.fromEntries(evaluatedPairs.map((p) => [p.name, { set: p.set, ...figures(perPair.get(p.name)!), ...perPair.get(p.name)! }]));
    process.stdout.write(`${JSON.stringify({ index: source, reports: index.size, all: { ...f, ...all }, tune: figures(sum('tune')), heldOut: figures(sum('held-out')), pairs, misses: misses.map((m) => ({ pair: m.pair.name, finding: m.later, gold: m.gold, missed: m.missed, shown: m.shown })), ...(second ? { agreement: agreement(gold.pairs, second.pairs, opts.topN) } : {}) }, null, 2)}\n`);
    return 0;
  }

  const out = (s = '') => process.stdout.write(`${s}\n`);
  out(`eval:links: ${evaluatedPairs.length} of ${gold.pairs.length} pairs, ${evaluated} later findings (${all.withGold} with gold links), ${linkCount(evaluatedPairs)} gold links`);
  out(`history index: ${index.size} reports from ${source}; import ${(tImport / 1000).toFixed(1)} s, matching ${tEval} ms`);
  out(`shown = top ${opts.topN} with score >= ${opts.minScore}; definitions in docs/history.md ("Measured")`);
  out();
  out(HEADER);
  out(row('all pairs', all));
  out(row(`tune (${evaluatedPairs.filter((p) => p.set === 'tune').length} pairs)`, sum('tune')));
  out(row(`held-out (${evaluatedPairs.filter((p) => p.set === 'held-out').length} pairs)`, sum('held-out')));
  out();
  for (const p of evaluatedPairs) out(row(`${p.name} (${p.set})`, perPair.get(p.name)!));
  out();
  const met = f.recall3 >= TARGET_RECALL && f.precision1 >= TARGET_PRECISION;
  out(`targets: recall@3 >= ${TARGET_RECALL} (${fmt(f.recall3)}), precision@1 >= ${TARGET_PRECISION} (${fmt(f.precision1)}): ${met ? 'met' : 'NOT met'}`);
  out(`findings without gold links that get a suggestion anyway: ${all.spurious} of ${all.findings - all.withGold}`);
  if (second) printAgreement(out, gold.pairs, second.pairs, perPair, path.relative(process.cwd(), args.agreement!), opts.topN);

  if (args.misses !== 'none') {
    const shown = misses.filter((m) => args.misses === 'all' || m.pair.set === args.misses);
    out();
    out(`misses (${shown.length}): later finding, gold links not shown, what was shown (score; * = gold)`);
    for (const m of shown) {
      const got = m.shown.map((s) => `${s.id} ${s.score.toFixed(2)}${m.gold.includes(s.id) ? '*' : ''}`).join(', ') || 'nothing';
      out(`  ${m.pair.name} ${m.later}: missed ${m.missed.join(' ')}; shown ${got}`);
      if (args.excerpts) {
        const later = reportFor.get(m.pair.later);
        const earlier = reportFor.get(m.pair.earlier);
        out(`      later  ${m.later}: ${excerpt(later, m.later)}`);
        for (const id of m.missed) out(`      missed ${id}: ${excerpt(earlier, id)}`);
        if (m.shown[0] && !m.gold.includes(m.shown[0].id)) out(`      top    ${m.shown[0].id}: ${excerpt(earlier, m.shown[0].id)}`);
      }
    }
  }
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (e) => {
  log(`eval:links: ${(e as Error)?.stack ?? e}`);
  process.exitCode = 1;
});
