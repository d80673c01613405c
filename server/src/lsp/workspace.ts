import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { collectMarkdown, readTextFile } from '../io/files';
import type { DiagnosticsScheduler } from './diagnostics';
import type { WorkspaceSummary } from './protocol';
import { pathToUri, uriToPath, type Session } from './session';


/** The workspace folders' paths, asked of the editor where it can say. */
export async function workspaceRoots(session: Session): Promise<string[]> {
  try {
    const folders = await session.connection.workspace.getWorkspaceFolders();
    if (folders && folders.length > 0) return folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  } catch {
    // the editor cannot say: use what it gave at initialize
  }
  return session.roots;
}

/**
 * Checks every report in the workspace, open or not, and publishes the results,
 * so that the Problems panel lists them all. Yields to other requests between
 * files. Markdown files that are not reports are skipped silently.
 */
export async function checkWorkspace(session: Session, scheduler: DiagnosticsScheduler): Promise<WorkspaceSummary> {
  const roots = await workspaceRoots(session);
  const summary: WorkspaceSummary = { files: 0, reports: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  const problems: { file: string; reason: string }[] = [];
  const files: { file: string; root: string }[] = [];
  for (const root of roots) for (const file of collectMarkdown(root, problems)) files.push({ file, root });
  let progress: WorkDoneProgressServerReporter | undefined;
  if (session.client.workDoneProgress) {
    try {
      progress = await session.connection.window.createWorkDoneProgress();
      progress.begin('Checking reports', 0, `${files.length} Markdown files`, false);
    } catch {
      progress = undefined;
    }
  }
  const count = (ds: { severity: string }[]) => {
    for (const d of ds) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  };
  for (let i = 0; i < files.length; i++) {
    if (i % 10 === 0) {
      await new Promise((r) => setImmediate(r));
      progress?.report(Math.round((i / Math.max(1, files.length)) * 100), `${i} of ${files.length}`);
    }
    const { file, root } = files[i];
    const uri = pathToUri(file);
    summary.files++;
    const open = session.documents.get(uri);
    if (open) {
      const a = await session.analyse(uri);
      if (a?.model.isReport) {
        summary.reports++;
        count(a.diagnostics);
        scheduler.fromDisk.add(uri);
      }
      continue;
    }
    const ctx = await session.contextFor(uri, pathToUri(root));
    const r = readTextFile(file, ctx.options.config?.maxFileSize ?? Infinity);
    if (!r.ok) {
      summary.unreadable++;
      problems.push({ file, reason: r.reason });
      continue;
    }
    const result = await session.checkClosed(uri, r.text, ctx);
    if (!result.model.isReport) continue;
    summary.reports++;
    count(result.diagnostics);
    scheduler.fromDisk.add(uri);
    scheduler.publish({ uri, model: result.model, context: ctx }, result.diagnostics);
  }
  for (const p of problems) session.log(`${p.file}: cannot check: ${p.reason}`);
  progress?.done();
  session.log(`checked ${summary.reports} reports in ${summary.files} Markdown files: ${summary.errors} errors, ${summary.warnings} warnings`);
  return summary;
}

/** Checks one file from disk again (a workspace-checked file that was closed). */
export async function recheckFromDisk(session: Session, scheduler: DiagnosticsScheduler, uri: string): Promise<void> {
  const file = uriToPath(uri);
  if (!file) return;
  const ctx = await session.contextFor(uri);
  const r = readTextFile(file, ctx.options.config?.maxFileSize ?? Infinity);
  if (!r.ok) {
    scheduler.fromDisk.delete(uri);
    session.connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  const result = await session.checkClosed(uri, r.text, ctx);
  scheduler.publish({ uri, model: result.model, context: ctx }, result.diagnostics);
}
