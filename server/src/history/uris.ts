/**
 * The index is keyed by document, and documents arrive as file paths (the CLI)
 * or as URIs (the editor: 'file:///c%3A/x/y.md'). Both become one key: a
 * forward-slash path with a lower-case drive letter. Other schemes
 * ('untitled:') keep their URI as key and have no folder to resolve links in.
 */
import * as path from 'path';

const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

function fixDrive(p: string): string {
  return p.replace(/^\/?([A-Za-z]):(?=\/|$)/, (_all, d: string) => `${d.toLowerCase()}:`);
}

/** The key a document is stored under. Never throws. */
export function uriKey(uri: string): string {
  const scheme = SCHEME.exec(uri);
  if (scheme && scheme[1].toLowerCase() === 'file') {
    let p = uri.slice(scheme[0].length).replace(/^\/\/[^/]*/, '');
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep it as written
    }
    return path.posix.normalize(fixDrive(p));
  }
  if (scheme) return uri;
  return path.posix.normalize(fixDrive(uri.replace(/\\/g, '/')));
}

/** Whether the key is a path (so relative links can be resolved from it). */
export function isPathKey(key: string): boolean {
  return !SCHEME.test(key) || /^[a-z]:\//.test(key);
}

/** The key of a relative link's target, or undefined when it cannot be resolved. */
export function resolveLinkKey(fromUri: string, linkPath: string): string | undefined {
  const from = uriKey(fromUri);
  if (!isPathKey(from)) return undefined;
  if (linkPath === '') return from;
  const p = linkPath.replace(/\\/g, '/');
  if (SCHEME.test(p) && !/^[a-z]:\//i.test(p)) return undefined;
  if (p.startsWith('/') || /^[a-z]:\//i.test(p)) return path.posix.normalize(fixDrive(p));
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), p));
}

/** The relative path from one document to another, encoded for a Markdown link, plus '#fragment'. */
export function relativeHref(fromUri: string, toUri: string, fragment?: string): string {
  const from = uriKey(fromUri);
  const to = uriKey(toUri);
  let rel: string;
  if (from === to) rel = '';
  else if (isPathKey(from) && isPathKey(to) && driveOf(from) === driveOf(to)) {
    rel = path.posix.relative(path.posix.dirname(from), to);
  } else rel = toUri;
  const encoded = encodeURI(rel).replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/#/g, '%23');
  return fragment ? `${encoded}#${fragment}` : encoded;
}

function driveOf(key: string): string {
  return /^([a-z]):\//.exec(key)?.[1] ?? '';
}
