// Copies the built extension into a code-server extensions folder as
// `<publisher>.<name>-<version>/`, the way an installed VSIX lies on disk:
// package.json, dist/ and every folder package.json's `contributes` points at.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './paths';

export interface ExtensionInfo {
  id: string;
  folder: string;
  manifest: Record<string, unknown> & { publisher: string; name: string; version: string };
}

const ALWAYS = ['package.json', 'dist', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'package.nls.json'];

/** Top-level files and folders the manifest refers to (`./snippets/x.json` gives `snippets`). */
function referenced(manifest: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      const m = /^\.?\/?([A-Za-z0-9_.-]+)\/[^\s]*$/.exec(v);
      if (m && !v.includes('://') && m[1] !== '..' && m[1] !== '.') out.add(m[1]);
      else if (/^\.\/[A-Za-z0-9_.-]+\.(png|svg|json)$/.test(v)) out.add(v.slice(2));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const m = manifest as Record<string, unknown>;
  walk(m.contributes);
  walk(m.main);
  walk(m.icon);
  return [...out];
}

export function readManifest(): ExtensionInfo['manifest'] {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as ExtensionInfo['manifest'];
}

export function installInto(extensionsDir: string): ExtensionInfo {
  const manifest = readManifest();
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(folder, { recursive: true });
  const items = new Set([...ALWAYS, ...referenced(manifest)]);
  for (const item of items) {
    const from = path.join(ROOT, item);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(folder, item), { recursive: true });
  }
  for (const must of ['package.json', path.join('dist', 'extension.js'), path.join('dist', 'server.js')]) {
    if (!fs.existsSync(path.join(folder, must))) throw new Error(`the copied extension lacks ${must}`);
  }
  return { id, folder, manifest };
}
