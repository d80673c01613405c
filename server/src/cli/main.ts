import * as path from 'path';
import { writeTo } from '../io/stdio';
import type * as CheckDocx from './checkDocx';
import { runCheck } from './checkCommand';
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
  --jobs <n>          check on n threads (default: one a processor for 24 files or more
                      on 4 processors or more, else 1)
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

export interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  fix: boolean;
  exitZero: boolean;
  quiet: boolean;
  /** --jobs: threads to check on; undefined: chosen by the folder's size (cli/parallel.ts). */
  jobs?: number;
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
    } else if (r.is('--jobs', '-j')) {
      const v = r.value('--jobs');
      if (v === undefined) return undefined;
      if (!/^[1-9][0-9]{0,2}$/.test(v)) {
        io.err(`inspection-reports: --jobs needs a whole number from 1, not '${v}'`);
        return undefined;
      }
      out.jobs = Number(v);
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
