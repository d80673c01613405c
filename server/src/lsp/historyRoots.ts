import * as path from 'path';
import type { Settings } from '../config/find';
import { isInside, dedupeRoots } from '../history/roots';
import { pathToUri, type DocContext, type Session } from './session';

export { isInside, dedupeRoots };

/**
 * The history folders a document's settings name: `history:` in its
 * `.inspection-reports.yaml` (relative to that file) and the editor's
 * `inspectionReports.history` (already made absolute against the workspace
 * folder by mergeConfig). Absolute paths.
 */
export function historyFolders(ctx: DocContext, root: string | undefined): string[] {
  const base = ctx.settings.file ? path.dirname(ctx.settings.file) : root;
  const out: string[] = [];
  for (const h of ctx.options.config?.history ?? []) {
    if (path.isAbsolute(h)) out.push(path.normalize(h));
    else if (base) out.push(path.resolve(base, h));
  }
  return out;
}

/**
 * Every folder the history reads: the workspace folders, and the history
 * folders that the settings at each workspace folder name.
 */
export async function workspaceHistoryRoots(session: Session): Promise<string[]> {
  const out: string[] = [];
  for (const root of session.roots) {
    out.push(root);
    try {
      // The settings that apply at the folder itself: a file at or above it, and the editor's for the folder.
      const ctx = await session.contextFor(pathToUri(path.join(root, '.history-root.md')), pathToUri(root));
      out.push(...historyFolders(ctx, root));
    } catch (e) {
      session.log(`history: could not read the settings for ${root}: ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * The settings of a file in the history (its `kinds:`, its maxFileSize), from
 * the session's finder, which is made afresh whenever settings change (and the
 * history reads its folders again).
 */
export function historySettings(session: Session, file: string): Settings {
  return session.settingsFinder.forDocument(path.isAbsolute(file) ? file : path.join(process.cwd(), 'untitled.md'));
}
