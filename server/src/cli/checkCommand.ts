/**
 * `inspection-reports check`: each file is read and checked (on several
 * threads for a large folder: cli/parallel.ts), then, in the order the files
 * were named, fixed when asked, and printed. The check of one file is
 * `checkFile`, the same on every thread.
 */
import * as path from 'path';
import { checkText } from '../check';
import { SettingsFinder } from '../config/find';
import type { Diagnostic } from '../core/types';
import { fixAll } from '../fix';
import { loadBuiltinData } from '../io/builtinData';
import { collectMarkdown, nodeSettingsFiles, readTextFile, writeFileAtomic } from '../io/files';
import type { ReportModel } from '../model/types';
import type { BuiltinData } from '../profiles/data';
import { renumberIdMap } from '../rules/shared/renumber';
import { VERSION } from '../version';
import type * as CheckDocx from './checkDocx';
import { countTotals, formatJson, formatSarif, formatText, summaryLine, type FileResult } from './format';
import type { CheckArgs, Io } from './main';
import { checkInParallel, parallelJobs } from './parallel';
import { linksAffectedByRenumbering } from './renumberLinks';

/** Word drafts named on the command line, imported in memory, and how to place a line of one. */
export interface Word {
  drafts: Map<string, CheckDocx.WordDraft>;
  place: typeof CheckDocx.wordPlace;
}

/** What checking one file gave: plain data, so that a worker thread can send it. */
export type Checked =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'not-report' }
  | { kind: 'report'; diagnostics: Diagnostic[]; text?: string; model?: ReportModel };

/** Reads and checks one file. `keep`: keep the text and model (for --fix). */
export function checkFile(file: string, data: BuiltinData, finder: SettingsFinder, keep: boolean, draft?: CheckDocx.WordDraft): Checked {
  const settings = finder.forDocument(file);
  const r = draft ?? readTextFile(file, settings.config.maxFileSize);
  if (!r.ok) return { kind: 'unreadable', reason: r.reason };
  const { model, diagnostics } = checkText(r.text, file, { data, profiles: settings.profiles, config: settings.config });
  if (!model.isReport) return { kind: 'not-report' };
  return keep ? { kind: 'report', diagnostics, text: r.text, model } : { kind: 'report', diagnostics };
}

export function runCheck(args: CheckArgs, io: Io, word?: Word): number | Promise<number> {
  const data = loadBuiltinData();
  const finder = new SettingsFinder(data, nodeSettingsFiles, args.config);
  const problems: { file: string; reason: string }[] = [];
  const files: string[] = [];
  for (const p of args.paths) files.push(...collectMarkdown(path.resolve(io.cwd, p), problems));
  const report = new Reporter(args, io, data, finder, problems, word);
  // Fixing and Word drafts stay on this thread: they need the text and model the check read.
  const jobs = args.fix || word ? 1 : parallelJobs(files.length, args.jobs);
  if (jobs > 1) {
    return checkInParallel(files, jobs, args.config, (file) => checkFile(file, data, finder, false)).then((all) => {
      files.forEach((file, i) => report.file(file, all[i]));
      return report.end(files);
    });
  }
  for (const file of files) report.file(file, checkFile(file, data, finder, args.fix, word?.drafts.get(file)));
  return report.end(files);
}

/** The second half of the command, in the files' order: settings problems, fixes, results, the summary and the exit code. */
class Reporter {
  private readonly results: FileResult[] = [];
  private readonly shownSettings = new Set<string>();
  private readonly renumbered = new Map<string, Map<string, string>>();
  private read = 0;

  constructor(
    private readonly args: CheckArgs,
    private readonly io: Io,
    private readonly data: BuiltinData,
    private readonly finder: SettingsFinder,
    private readonly problems: { file: string; reason: string }[],
    private readonly word: Word | undefined,
  ) {}

  file(file: string, checked: Checked): void {
    const { args, io } = this;
    const settings = this.finder.forDocument(file);
    if (settings.file && settings.problems.length > 0 && !this.shownSettings.has(settings.file)) {
      this.shownSettings.add(settings.file);
      for (const p of settings.problems) io.err(`${rel(io, p.source)}: settings problem: ${p.message} (defaults used)`);
    }
    if (checked.kind === 'unreadable') {
      this.problems.push({ file, reason: checked.reason });
      return;
    }
    this.read++;
    if (checked.kind === 'not-report') return; // not a report: skipped silently
    const draft = this.word?.drafts.get(file);
    let diagnostics = checked.diagnostics;
    if (draft?.ok && !args.quiet) for (const w of draft.details.review) io.err(`${rel(io, file)}: ${w}`);
    if (args.fix && draft && diagnostics.some((d) => d.fix)) io.err(`${rel(io, file)}: not fixed: --fix does not write to Word documents (fix the draft in Word, or import it and fix the Markdown)`);
    if (args.fix && !draft && checked.text !== undefined && checked.model && diagnostics.some((d) => d.fix)) {
      const options = { data: this.data, profiles: settings.profiles, config: settings.config };
      let text = checked.text;
      const fixed = fixAll(text, file, options);
      if (fixed.text !== text) {
        const idMap = renumberIdMap(checked.model);
        try {
          writeFileAtomic(file, fixed.text);
          if (idMap.size > 0) this.renumbered.set(file, idMap);
          io.err(`${rel(io, file)}: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}`);
          text = fixed.text;
        } catch (e) {
          this.problems.push({ file, reason: `could not write fixes (file left unchanged): ${(e as Error).message}` });
        }
      }
      diagnostics = checkText(text, file, options).diagnostics;
    }
    if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    this.results.push({ file: rel(io, file), diagnostics, place: draft?.ok && this.word ? this.word.place(draft.details) : undefined });
  }

  end(files: string[]): number {
    const { args, io, results } = this;
    for (const p of this.problems) io.err(`${rel(io, p.file)}: cannot check: ${p.reason}`);
    if (this.renumbered.size > 0) {
      const defaults = this.finder.forDocument(io.cwd + path.sep + 'x.md');
      for (const l of linksAffectedByRenumbering(this.renumbered, files, defaults.profiles, defaults.config.maxFileSize)) {
        io.err(`${rel(io, l.file)}:${l.line}:${l.column}: ${l.message}`);
      }
    }
    const totals = countTotals(results, this.read);
    if (args.format === 'json') io.out(formatJson(results));
    else if (args.format === 'sarif') io.out(formatSarif(results, VERSION));
    else {
      const text = formatText(results);
      if (text) io.out(text);
      io.out(summaryLine(totals));
    }
    if (this.read === 0) {
      io.err('inspection-reports: nothing could be read');
      return 2;
    }
    if (args.exitZero) return 0;
    return totals.error > 0 ? 1 : 0;
  }
}

/** A path as the user would write it: relative to the working folder when inside it. */
export function rel(io: Io, file: string): string {
  const r = path.relative(io.cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}
