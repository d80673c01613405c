/** Folders the history reads, as absolute paths, and documents' URIs as paths. */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

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

/** A file: URI as a path; undefined for other schemes ('untitled:'). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}
