import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * Finds the rule pages (docs/rules/<id>.md) whether we run from source (tsx,
 * tests) or from the bundle in dist/ (esbuild.mjs copies them to dist/docs/rules).
 */
export function docsDir(): string | undefined {
  const candidates = [
    path.join(__dirname, 'docs', 'rules'),
    path.join(__dirname, '..', 'docs', 'rules'),
    path.join(__dirname, '..', '..', 'docs', 'rules'),
    path.join(__dirname, '..', '..', '..', 'docs', 'rules'),
  ];
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isDirectory()) return c;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

const pages = new Map<string, string | null>();
let dir: string | undefined | null = null;

function rulesDir(): string | undefined {
  if (dir === null) dir = docsDir();
  return dir;
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The docs page of a rule as Markdown, or undefined when there is none. */
export function ruleDocPage(ruleId: string): string | undefined {
  if (!SAFE_ID.test(ruleId)) return undefined;
  const cached = pages.get(ruleId);
  if (cached !== undefined) return cached ?? undefined;
  const d = rulesDir();
  let text: string | null = null;
  if (d) {
    try {
      text = fs.readFileSync(path.join(d, `${ruleId}.md`), 'utf8');
    } catch {
      text = null;
    }
  }
  pages.set(ruleId, text);
  return text ?? undefined;
}

/** A file: URI of the rule's docs page, for a diagnostic's `codeDescription`. */
export function ruleDocUri(ruleId: string): string | undefined {
  const d = rulesDir();
  if (!d || !SAFE_ID.test(ruleId)) return undefined;
  const file = path.join(d, `${ruleId}.md`);
  if (ruleDocPage(ruleId) === undefined) return undefined;
  return pathToFileURL(file).href;
}

/** Forgets cached pages (for tests and after the docs change on disk). */
export function clearDocCache(): void {
  pages.clear();
  dir = null;
}
