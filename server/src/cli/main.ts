import * as path from 'path';
import { checkText } from '../check';
import { SettingsFinder } from '../config/find';
import type { Diagnostic } from '../core/types';
import { fixAll } from '../fix';
import { loadBuiltinData } from '../io/builtinData';
import { writeTo } from '../io/stdio';
import { collectMarkdown, nodeSettingsFiles, readTextFile, writeFileAtomic } from '../io/files';
import { linksAffectedByRenumbering } from './renumberLinks';
import { renumberIdMap } from '../rules/shared/renumber';
import { countTotals, formatJson, formatSarif, formatText, summaryLine, type FileResult } from './format';
import type * as CheckDocx from './checkDocx';
import type * as Export from './export';
import type * as Import from './import';
import type * as Links from './links';
import { ArgReader } from './args';
import { isWordPath } from './wordPath';

import { VERSION } from '../version';

const USAGE = `Usage: inspection-reports <command> [options]

Commands:
  check <path>...     Check reports (files or folders; folders are walked for .md files).
                      A Word draft (.docx) named directly is imported in memory and checked;
                      problems are placed by paragraph: paragraph 14 ("The delays in ...").
  import <file>...    Turn published reports (PDF or extracted text) into report files: import --help.
  links <draft>       Suggest links from a draft's findings to earlier findings: links --help.
  export <report>     Write a checked report as a Word document (--to docx): export --help.

Options for check:
  --format <f>        text (default), json or sarif
  --config <file>     use this settings file instead of the nearest .inspection-reports.yaml
  --fix               apply every mechanical fix, writing each file safely, then report what is left
  --exit-zero         exit 0 even when errors are found (used by 'npm start')
  --quiet             print errors only

  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error or nothing could be read.`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
}

const nodeIo: Io = {
  out: (s) => writeTo(1, s + '\n'),
  err: (s) => writeTo(2, s + '\n'),
  cwd: process.cwd(),
};

interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  fix: boolean;
  exitZero: boolean;
  quiet: boolean;
}

function parseCheckArgs(args: string[], io: Io): CheckArgs | undefined {
  const out: CheckArgs = { paths: [], format: 'text', fix: false, exitZero: false, quiet: false };
  const r = new ArgReader(args, io);
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (r.is('--format')) {
      const v = r.value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'sarif') {
        if (v !== undefined) io.err(`inspection-reports: unknown format '${v}' (use text, json or sarif)`);
        return undefined;
      }
      out.format = v;
    } else if (r.is('--config')) {
      const v = r.value('--config');
      if (v === undefined) return undefined;
      out.config = path.resolve(io.cwd, v);
    } else if (a === '--fix') out.fix = true;
    else if (a === '--exit-zero') out.exitZero = true;
    else if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a.startsWith('-') && a !== '-') {
      io.err(`inspection-reports: unknown option '${a}'\n\n${USAGE}`);
      return undefined;
    } else out.paths.push(a);
  }
  if (out.paths.length === 0) {
    io.err(`inspection-reports: check needs at least one file or folder\n\n${USAGE}`);
    return undefined;
  }
  return out;
}

/**
 * Runs the command line; returns the exit code (a promise for `import`, which
 * reads PDFs asynchronously). Never throws for bad input.
 */
export function run(argv: string[], io: Io = nodeIo): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.out(VERSION);
    return 0;
  }
  // Each other command is loaded only when it runs (`load` below).
  if (command === 'links') return load.links().runLinks(rest, io);
  if (command === 'import') return load.import().runImport(rest, io);
  if (command === 'export') return load.export().runExport(rest, io);
  if (command === 'check') {
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(USAGE);
      return 0;
    }
    const args = parseCheckArgs(rest, io);
    if (!args) return 2;
    const word = args.paths.map((p) => path.resolve(io.cwd, p)).filter(isWordPath);
    if (word.length === 0) return runCheck(args, io);
    const m = load.checkDocx();
    return m.loadWordDrafts(word).then((drafts) => runCheck(args, io, { drafts, place: m.wordPlace }));
  }
  io.err(`inspection-reports: unknown command '${command}'\n\n${USAGE}`);
  return 2;
}

/**
 * Modules loaded only when a command needs them, so that `check` never loads
 * the PDF reader, the Word reader or writer, nor the history. Each is
 * required with a literal path, which esbuild.mjs bundles as a file of its
 * own (dist/cli-<name>.js), left out of dist/cli-main.js;
 * test/build/bundles.test.ts keeps it so.
 */
const load = {
  links: () => require('./links') as typeof Links,
  import: () => require('./import') as typeof Import,
  export: () => require('./export') as typeof Export,
  checkDocx: () => require('./checkDocx') as typeof CheckDocx,
};

/** Word drafts named on the command line, imported in memory, and how to place a line of one. */
interface Word {
  drafts: Map<string, CheckDocx.WordDraft>;
  place: typeof CheckDocx.wordPlace;
}

function runCheck(args: CheckArgs, io: Io, word?: Word): number {
  const drafts = word?.drafts;
  const data = loadBuiltinData();
  const finder = new SettingsFinder(data, nodeSettingsFiles, args.config);
  const problems: { file: string; reason: string }[] = [];
  const files: string[] = [];
  for (const p of args.paths) files.push(...collectMarkdown(path.resolve(io.cwd, p), problems));
  const results: FileResult[] = [];
  const shownSettings = new Set<string>();
  const renumbered = new Map<string, Map<string, string>>();
  let read = 0;
  for (const file of files) {
    const settings = finder.forDocument(file);
    if (settings.file && settings.problems.length > 0 && !shownSettings.has(settings.file)) {
      shownSettings.add(settings.file);
      for (const p of settings.problems) io.err(`${rel(io, p.source)}: settings problem: ${p.message} (defaults used)`);
    }
    const draft = drafts?.get(file);
    const r = draft ?? readTextFile(file, settings.config.maxFileSize);
    if (!r.ok) {
      problems.push({ file, reason: r.reason });
      continue;
    }
    read++;
    const uri = file;
    let text = r.text;
    let diagnostics: Diagnostic[];
    const options = { data, profiles: settings.profiles, config: settings.config };
    const first = checkText(text, uri, options);
    if (!first.model.isReport) continue; // not a report: skipped silently
    diagnostics = first.diagnostics;
    if (draft?.ok && !args.quiet) for (const w of draft.details.review) io.err(`${rel(io, file)}: ${w}`);
    if (args.fix && draft && diagnostics.some((d) => d.fix)) io.err(`${rel(io, file)}: not fixed: --fix does not write to Word documents (fix the draft in Word, or import it and fix the Markdown)`);
    if (args.fix && !draft && diagnostics.some((d) => d.fix)) {
      const fixed = fixAll(text, uri, options);
      if (fixed.text !== text) {
        const idMap = renumberIdMap(first.model);
        try {
          writeFileAtomic(file, fixed.text);
          if (idMap.size > 0) renumbered.set(file, idMap);
          io.err(`${rel(io, file)}: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}`);
          text = fixed.text;
        } catch (e) {
          problems.push({ file, reason: `could not write fixes (file left unchanged): ${(e as Error).message}` });
        }
      }
      diagnostics = checkText(text, uri, options).diagnostics;
    }
    if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    results.push({ file: rel(io, file), diagnostics, place: draft?.ok && word ? word.place(draft.details) : undefined });
  }
  for (const p of problems) io.err(`${rel(io, p.file)}: cannot check: ${p.reason}`);
  if (renumbered.size > 0) {
    const defaults = finder.forDocument(io.cwd + path.sep + 'x.md');
    for (const l of linksAffectedByRenumbering(renumbered, files, defaults.profiles, defaults.config.maxFileSize)) {
      io.err(`${rel(io, l.file)}:${l.line}:${l.column}: ${l.message}`);
    }
  }
  const totals = countTotals(results, read);
  if (args.format === 'json') io.out(formatJson(results));
  else if (args.format === 'sarif') io.out(formatSarif(results, VERSION));
  else {
    const text = formatText(results);
    if (text) io.out(text);
    io.out(summaryLine(totals));
  }
  if (read === 0) {
    io.err('inspection-reports: nothing could be read');
    return 2;
  }
  if (args.exitZero) return 0;
  return totals.error > 0 ? 1 : 0;
}

function rel(io: Io, file: string): string {
  const r = path.relative(io.cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}
