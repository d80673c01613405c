/**
 * `npm run eval:import`: imports every PDF in ../shared/corpus/ilacs into a
 * temporary folder, compares front matter and grades with reports.csv (the
 * published record, made by another parser), prints accuracy per field and
 * every mismatch, then checks every imported ILACS file and summarises.
 *   node --import tsx scripts/eval-import.ts [--limit N] [--keep]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText } from '../server/src/check';
import { importBytes } from '../server/src/import/index';
import { writeNewFile as writeOutput } from '../server/src/io/files';
import { builtinProfiles } from '../server/src/io/builtinData';
import { authoritySlug } from '../server/src/import/naming';
import type { TableRow } from '../server/src/import/types';
import { data } from '../test/helpers/data';

const repo = path.resolve(__dirname, '..');
const corpus = path.resolve(repo, '..', 'shared', 'corpus', 'ilacs');

type Csv = Record<string, string>;

function readCsv(file: string): Csv[] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k] ?? ''])));
}

/** dd/mm/yyyy as ISO. */
function csvDate(s: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

function era(kind: string, start: string | undefined): string {
  if (kind === 'sif') return 'sif';
  if (!start) return 'ilacs-undated';
  if (start < '2023-01-16') return 'ilacs-2018';
  if (start < '2026-04-01') return 'ilacs-2023';
  return 'ilacs-2026';
}

const GRADE_FIELDS: [string, string][] = [
  ['overall_effectiveness_grade', 'overall'],
  ['impact_of_leaders_grade', 'leaders'],
  ['help_and_protection_grade', 'help'],
  ['in_care_grade', 'in-care'],
  ['care_leavers_grade', 'care-leavers'],
];

function gradeKey(name: string): string | undefined {
  const n = name.toLowerCase();
  if (/^overall/.test(n)) return 'overall';
  if (/impact of leaders/.test(n)) return 'leaders';
  if (/help and protection/.test(n)) return 'help';
  if (/children in care|looked after/.test(n)) return 'in-care';
  if (/care leavers/.test(n)) return 'care-leavers';
  return undefined;
}

function normGrade(g: string | undefined): string {
  if (!g) return '(none)';
  return g.toLowerCase().replace(/\s+to be good$/, '').replace(/\s+/g, ' ').trim();
}

function normName(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

interface Tally { exact: number; compared: number; skipped: number }

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const limit = args.includes('--limit') ? +args[args.indexOf('--limit') + 1] : Infinity;
  if (!fs.existsSync(path.join(corpus, 'reports.csv'))) {
    console.log(`eval:import: ${corpus} is absent; nothing to evaluate.`);
    return 0;
  }
  const csv = readCsv(path.join(corpus, 'reports.csv'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-import-'));
  const tallies = new Map<string, Tally>();
  const tally = (f: string) => tallies.get(f) ?? (tallies.set(f, { exact: 0, compared: 0, skipped: 0 }), tallies.get(f)!);
  const mismatches: string[] = [];
  const failures: string[] = [];
  const profiles = builtinProfiles();
  const ruleCounts = new Map<string, { files: Set<string>; n: number }>();
  let checked = 0;
  let clean = 0;
  const t0 = performance.now();
  const rows = csv.filter((r) => r.file).slice(0, limit);
  for (const row of rows) {
    const file = path.join(corpus, row.file);
    if (!fs.existsSync(file)) { failures.push(`${row.file}: listed in reports.csv but absent`); continue; }
    const r = await importBytes(fs.readFileSync(file), row.file, { catalog: profiles.catalog });
    if (!r.ok) { failures.push(`${row.file}: ${r.reason}`); continue; }
    writeOutput(path.join(out, row.file.replace(/\.pdf$/i, '.md')), r.markdown, true);
    const fm = r.frontMatter;
    const compare = (field: string, csvValue: string | undefined, ours: string | undefined) => {
      const t = tally(field);
      if (csvValue === undefined || csvValue === '') { t.skipped++; return; }
      t.compared++;
      if (csvValue === ours) t.exact++;
      else mismatches.push(`${row.file}  ${field}: csv '${csvValue}' ours '${ours ?? '(none)'}'`);
    };
    const start = fm.inspectionDates?.[0]?.start;
    const end = fm.inspectionDates?.[fm.inspectionDates.length - 1]?.end;
    const csvStart = csvDate(row.inspection_start_date);
    compare('inspection start', csvStart, start);
    compare('inspection end', csvDate(row.inspection_end_date), end);
    compare('lead inspector', row.inspector_name ? normName(row.inspector_name) : '', fm.leadInspector ? normName(fm.leadInspector) : undefined);
    const csvEra = row.inspection_framework ? era('ilacs', csvStart) : 'sif';
    compare('framework era', csvEra, era(r.kind, start));
    compare('authority slug', row.local_authority.replace(/&/g, 'and').replace(/\s+/g, '-'), fm.authority ? authoritySlug(fm.authority).replace(/-city$/, '') : undefined);
    const byKey = new Map<string, TableRow>();
    for (const t of r.table) { const k = gradeKey(t.name); if (k && !byKey.has(k)) byKey.set(k, t); }
    for (const [col, key] of GRADE_FIELDS) {
      const v = row[col];
      let expected: string | undefined;
      if (v === 'not_reported_post_reform' || v === 'inspection_pre_dates_judgement') expected = '(none)';
      else if (v === 'data_unreadable' || v === '') expected = undefined;
      else expected = v;
      compare(`grade ${key}`, expected, normGrade(byKey.get(key)?.grade));
    }
    if (r.kind === 'ilacs') {
      checked++;
      const res = checkText(r.markdown, row.file, { data, profiles });
      const errors = res.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) clean++;
      for (const d of res.diagnostics) {
        const key = `${d.severity} ${d.ruleId}`;
        const c = ruleCounts.get(key) ?? { files: new Set(), n: 0 };
        c.n++;
        c.files.add(row.file);
        ruleCounts.set(key, c);
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`Imported ${rows.length - failures.length} of ${rows.length} files in ${seconds.toFixed(1)} s (${((seconds * 1000) / rows.length).toFixed(0)} ms per file); output in ${out}\n`);
  console.log('Accuracy per field (exact / compared; skipped = the CSV has no value):');
  let exact = 0;
  let compared = 0;
  for (const [field, t] of tallies) {
    if (field === 'authority slug') continue;
    exact += t.exact;
    compared += t.compared;
    console.log(`  ${field.padEnd(20)} ${((100 * t.exact) / Math.max(1, t.compared)).toFixed(1).padStart(5)} %  ${t.exact}/${t.compared}  (skipped ${t.skipped})`);
  }
  const slug = tallies.get('authority slug');
  if (slug) console.log(`  ${'(authority slug)'.padEnd(20)} ${((100 * slug.exact) / Math.max(1, slug.compared)).toFixed(1).padStart(5)} %  ${slug.exact}/${slug.compared}  (informational, not in the total)`);
  const total = (100 * exact) / Math.max(1, compared);
  console.log(`  ${'ALL FIELDS'.padEnd(20)} ${total.toFixed(1).padStart(5)} %  ${exact}/${compared}  (target 98 %)\n`);
  console.log(`Files that could not be imported (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
  console.log(`\nMismatches (${mismatches.length}):`);
  for (const m of mismatches) console.log(`  ${m}`);
  console.log(`\nCheck over ${checked} imported ILACS files: ${clean} without errors.`);
  const sorted = [...ruleCounts].sort((a, b) => b[1].files.size - a[1].files.size);
  for (const [k, c] of sorted) console.log(`  ${k.padEnd(40)} ${String(c.n).padStart(5)} in ${c.files.size} files`);
  if (!args.includes('--keep')) fs.rmSync(out, { recursive: true, force: true });
  return total >= 98 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 2; });
