// Bundles the extension client, the language server and the CLI into dist/,
// and copies the profile data (YAML) beside them. `node esbuild.mjs [--watch]`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The Markdown preview plugin (reads the report model): loaded by the extension only when a preview opens.
  { in: 'client/src/preview.ts', out: 'preview', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  { in: 'server/src/cli/bin.ts', out: 'cli', external: [] },
].filter((e) => fs.existsSync(e.in));

fs.mkdirSync('dist/profiles', { recursive: true });
for (const f of fs.readdirSync('server/profiles')) {
  if (f.endsWith('.yaml')) fs.copyFileSync(path.join('server/profiles', f), path.join('dist/profiles', f));
}

// The rule pages, for the language server's hovers and diagnostics' links (dist/docs/rules/<id>.md).
fs.mkdirSync('dist/docs/rules', { recursive: true });
for (const f of fs.readdirSync('docs/rules')) {
  if (f.endsWith('.md')) fs.copyFileSync(path.join('docs/rules', f), path.join('dist/docs/rules', f));
}

const contexts = await Promise.all(entries.map((e) => esbuild.context({
  entryPoints: { [e.out]: e.in },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: e.external,
  logLevel: 'warning',
})));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
