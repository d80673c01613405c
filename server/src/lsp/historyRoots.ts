import * as path from 'path';
import type { ProfileSet } from '../profiles/types';
import { SettingsFinder } from '../config/find';
import { pathToUri, uriToPath, type DocContext, type Session } from './session';

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

/** Whether `file` is `root` or inside it. */
export function isInside(file: string, root: string): boolean {
  if (file === root) return true;
  const r = root.endsWith(path.sep) ? root : root + path.sep;
  return file.startsWith(r);
}

/** Roots without duplicates, and without any that lie inside another (they would be read twice). */
export function dedupeRoots(roots: readonly string[]): string[] {
  const sorted = [...new Set(roots.map((r) => path.normalize(r)))].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const r of sorted) if (!out.some((o) => isInside(r, o))) out.push(r);
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

/** Profiles for a document in the index: those of its nearest settings file (custom `kinds:`). */
export function profilesFinder(): (uri: string) => ProfileSet {
  const finder = new SettingsFinder();
  return (uri: string) => {
    const file = uriToPath(uri) ?? (path.isAbsolute(uri) ? uri : undefined);
    return finder.forDocument(file ?? path.join(process.cwd(), 'untitled.md')).profiles;
  };
}
