/**
 * `inspection-reports links draft.md --history history/ [--top 3] [--format text|json]`:
 * for each finding of a draft, the earlier findings about the same concern
 * (issue 5). Broken finding links in the draft are reported on stderr.
 */
import * as path from 'path';
import { SettingsFinder } from '../config/find';
import { checkDocument } from '../check';
import { formatOfsted } from '../core/dates';
import { excerpt, reportLabel } from '../history/labels';
import { loadHistory, loadHistoryData } from '../io/history';
import { HistoryIndex } from '../history/store';
import { DEFAULT_TOP_N, suggestionsForReport } from '../history/suggest';
import { SUGGESTION } from '../history/thresholds';
import { uriKey } from '../history/uris';
import { fileExists, nodeSettingsFiles, readTextFile } from '../io/files';
import { parseReport } from '../model/parse';
import { findingLinks } from '../rules/finding-links';
import type { Io } from './main';

export const LINKS_USAGE = `Usage: inspection-reports links <draft.md> --history <folder> [options]

For each finding of the draft, the earlier findings about the same concern in
reports of the same authority found under the history folders.

Options:
  --history <folder>  a folder (or file) of earlier reports; may be given more than once.
                      Default: 'history:' in .inspection-reports.yaml
  --top <n>           suggestions per finding (default ${DEFAULT_TOP_N})
  --min-score <x>     leave out suggestions scoring below x, 0 to 1 (default ${SUGGESTION.plain} to ${SUGGESTION.full}, by the history's size)
  --format <f>        text (default) or json
  --config <file>     use this settings file instead of the nearest .inspection-reports.yaml
  -h, --help          show this help

Exit codes: 0 done, 1 the draft has links to findings or files that do not exist,
2 usage error or the draft could not be read.`;

interface LinksArgs {
  draft: string;
  history: string[];
  top: number;
  minScore?: number;
  format: 'text' | 'json';
  config?: string;
}

function parseArgs(args: string[], io: Io): LinksArgs | undefined {
  const out: Partial<LinksArgs> & { history: string[] } = { history: [], top: DEFAULT_TOP_N, format: 'text' };
  const drafts: string[] = [];
  const fail = (msg: string) => {
    io.err(`inspection-reports links: ${msg}\n\n${LINKS_USAGE}`);
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (name === '--history') {
      const v = value();
      if (!v) return fail('--history needs a folder');
      out.history.push(v);
    } else if (name === '--top') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1 || n > 100) return fail(`--top needs a whole number from 1 to 100, not '${v ?? ''}'`);
      out.top = n;
    } else if (name === '--min-score') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isFinite(n) || n < 0 || n > 1) return fail(`--min-score needs a number from 0 to 1, not '${v ?? ''}'`);
      out.minScore = n;
    } else if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return fail(`unknown format '${v ?? ''}' (use text or json)`);
      out.format = v;
    } else if (name === '--config') {
      const v = value();
      if (!v) return fail('--config needs a file');
      out.config = path.resolve(io.cwd, v);
    } else if (a.startsWith('-') && a !== '-') {
      return fail(`unknown option '${a}'`);
    } else drafts.push(a);
  }
  if (drafts.length !== 1) return fail(drafts.length === 0 ? 'give the draft to link' : 'give one draft at a time');
  return { ...(out as LinksArgs), draft: drafts[0] };
}

/** Runs `links`; returns the exit code. Never throws for bad input. */
export function runLinks(args: string[], io: Io): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(LINKS_USAGE);
    return 0;
  }
  const a = parseArgs(args, io);
  if (!a) return 2;
  const draftFile = path.resolve(io.cwd, a.draft);
  const data = loadHistoryData();
  const settings = new SettingsFinder(data, nodeSettingsFiles, a.config).forDocument(draftFile);
  for (const p of settings.problems) io.err(`${p.source}: settings problem: ${p.message} (defaults used)`);
  const read = readTextFile(draftFile, settings.config.maxFileSize);
  if (!read.ok) {
    io.err(`inspection-reports links: cannot read ${a.draft}: ${read.reason}`);
    return 2;
  }
  // History folders: as given on the command line, else from the settings file (relative to it).
  let roots = a.history;
  let rootsCwd = io.cwd;
  if (roots.length === 0 && settings.config.history.length > 0 && settings.file) {
    roots = settings.config.history;
    rootsCwd = path.dirname(settings.file);
  }
  if (roots.length === 0) {
    io.err(`inspection-reports links: no history folder: give --history <folder> or set 'history:' in .inspection-reports.yaml\n\n${LINKS_USAGE}`);
    return 2;
  }
  const index = new HistoryIndex({ data, profiles: settings.profiles });
  const loaded = loadHistory(index, roots, { cwd: rootsCwd, maxFileSize: settings.config.maxFileSize });
  for (const p of loaded.problems) io.err(`${display(io, p.file)}: cannot read: ${p.reason}`);
  const draft = index.prepare({ uri: draftFile, text: read.text });
  if (!draft) {
    io.err(`inspection-reports links: ${a.draft} is not a report (its front matter has no 'report:')`);
    return 2;
  }
  // target = the folder as given + the file's path inside it.
  const targetOf = new Map<string, string>();
  for (const f of loaded.files) {
    const root = f.root.replace(/\\/g, '/');
    // Joined as written ('./history' stays './history/...'), not normalised.
    targetOf.set(uriKey(f.file), !f.inside ? root : root.endsWith('/') ? root + f.inside : `${root}/${f.inside}`);
  }
  const results = suggestionsForReport(index, draft, { topN: a.top, minScore: a.minScore });
  if (a.format === 'json') {
    io.out(JSON.stringify(results.map((r) => ({
      finding: r.findingId,
      line: r.line + 1,
      suggestions: r.suggestions.map((s) => ({
        target: `${targetOf.get(uriKey(s.target.uri)) ?? s.target.uri}#${s.target.findingId}`,
        score: s.score,
        published: s.published ?? s.date ?? null,
        excerpt: s.excerpt,
      })),
    })), null, 2));
  } else {
    const shown = display(io, draftFile);
    for (const r of results) {
      const f = draft.findings.find((x) => x.id === r.findingId);
      io.out(`${shown}:${r.line + 1} ${r.findingId}: ${excerpt(f?.text ?? '', 90)}`);
      for (const s of r.suggestions) {
        const when = s.published ? `published ${formatOfsted(s.published)}` : s.date ? formatOfsted(s.date) : 'undated';
        const report = index.get(s.target.uri);
        const label = report ? reportLabel(report) : s.kindLabel;
        io.out(`  ${s.score.toFixed(2)}  ${targetOf.get(uriKey(s.target.uri)) ?? s.target.uri}#${s.target.findingId}  (${label}, ${when}${s.mentioned ? ', named in the finding' : ''}${s.linked ? ', already linked' : ''})`);
        io.out(`        ${s.excerpt}`);
      }
    }
    const earlier = index.earlier(draft).length;
    io.out(`${draft.findings.length} finding${draft.findings.length === 1 ? '' : 's'}, ${results.length} with earlier matches; ` +
      `${earlier} earlier report${earlier === 1 ? '' : 's'} of ${draft.authority ?? 'this authority'} in ${index.size} report${index.size === 1 ? '' : 's'} read`);
  }
  if (!draft.authorityKey) io.err(`inspection-reports links: ${a.draft} names no authority, so it has no history`);
  // Broken links through the one pipeline, so `rules: finding-links:` and disable comments count here as in the editor.
  const model = parseReport(read.text, draftFile, settings.profiles);
  const problems = checkDocument(model, {
    data,
    profiles: settings.profiles,
    config: settings.config,
    rules: [findingLinks],
    history: { index, report: draft, fileExists },
  });
  for (const p of problems) {
    io.err(`${display(io, draftFile)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}`);
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function display(io: Io, file: string): string {
  const r = path.relative(io.cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}
