// Bundles the extension client, the language server and the CLI into dist/,
// and copies the profile data (YAML) beside them. `node esbuild.mjs [--watch]`.
//
// The check path loads only what it checks: what a command or a reader needs
// only sometimes (`import`, `export`, `links`, a Word draft given to `check`,
// pdf.js) is reached through a `require()` or `await import()` inside a
// function and bundled as its own file, dist/<chunk>.js, which the bundles
// that load it leave out (the `lazyChunks` plugin below).
// test/build/bundles.test.ts keeps the split honest.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

export const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The Markdown preview plugin (reads the report model): loaded by the extension only when a preview opens.
  { in: 'client/src/preview.ts', out: 'preview', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  // dist/cli.js only starts dist/cli-main.js (the command line) with V8's code cache: see cli/launch.ts.
  { in: 'server/src/cli/launch.ts', out: 'cli', external: [] },
  { in: 'server/src/cli/bin.ts', out: 'cli-main', external: [] },
];

/**
 * Modules loaded only when needed (cli/main.ts `load`, import/pdf.ts
 * `import('unpdf')`), each bundled alone as dist/<out>.js. `in` is a source
 * file, or a package when `pkg` is set.
 */
export const chunks = [
  // `inspection-reports import`: the importer (PDF, text, Word in).
  { in: 'server/src/cli/import.ts', out: 'cli-import' },
  // `inspection-reports export`: Word out (docx).
  { in: 'server/src/cli/export.ts', out: 'cli-export' },
  // `inspection-reports links`: the history.
  { in: 'server/src/cli/links.ts', out: 'cli-links' },
  // `inspection-reports check draft.docx`: Word in (jszip).
  { in: 'server/src/cli/checkDocx.ts', out: 'cli-word' },
  // pdf.js, through unpdf: loaded by import/pdf.ts when a PDF is read.
  { in: 'unpdf', out: 'unpdf', pkg: true },
  // The yaml package (core/yaml.ts): loaded for a settings file, a kind's YAML not parsed at build time, or front
  // matter beyond plain `key: value` lines; a check of plain reports never loads it.
  { in: 'yaml', out: 'yaml', pkg: true },
];

function chunkFor(spec, resolveDir) {
  for (const c of chunks) {
    if (c.pkg) {
      if (spec === c.in) return c;
      continue;
    }
    if (!spec.startsWith('.')) continue;
    const abs = path.resolve(resolveDir, spec).replace(/\.js$/, '.ts');
    if (abs === path.resolve(ROOT, c.in) || `${abs}.ts` === path.resolve(ROOT, c.in)) return c;
  }
  return undefined;
}

/**
 * A `require()` or `import()` of a chunk's module becomes `require('./<out>.js')`,
 * left out of the bundle (a plain require, not import(), so that a bundle run
 * through vm.Script, as cli/launch.ts does, can load it); static imports and
 * everything else are bundled as usual. All bundles are in dist/, so `./<out>.js` is found
 * beside the bundle that asks.
 */
export const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'lazy-chunk') return { path: args.path, external: true };
      if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
      const c = chunkFor(args.path, args.resolveDir);
      return c ? { path: c.out, namespace: 'lazy-chunk' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${args.path}.js`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Changes to markdown-it's published bundle as it is bundled, for the
 * command line's start-up and the parser's speed; the build fails if one
 * is not found, rather than bundle an unpatched parser unnoticed
 * (test/build/cliBundle.test.ts compares the bundle's results with the
 * sources'):
 *   - its classes' fields go through Babel's `_defineProperty` helper: every
 *     token pays for it eleven times, each a store under a key that varies,
 *     which V8 cannot make fast. In the constructors (`_defineProperty(this,
 *     "name", value)`) it becomes `this.name = value`: the same, as none of
 *     markdown-it's classes has an accessor or a parent, and a store V8 makes
 *     fast. The helper itself, still used for the static fields, skips the
 *     property-key step for string keys.
 *   - the HTML entity table (entities) and punycode are built when the module
 *     loads, though a report seldom has an entity or a link to an
 *     international domain: they are required when first used instead.
 */
const MARKDOWN_IT_PATCHES = [
  ['function _defineProperty(e, r, t) {\n\treturn (r = toPropertyKey(r)) in e ?', 'function _defineProperty(e, r, t) {\n\treturn (r = typeof r === "string" ? r : toPropertyKey(r)) in e ?'],
  ['import { decodeHTMLStrict } from "entities";', 'const decodeHTMLStrict = (s) => require("entities").decodeHTMLStrict(s);'],
  ['import punycode from "punycode.js";', 'const punycode = { toASCII: (s) => require("punycode.js").toASCII(s), toUnicode: (s) => require("punycode.js").toUnicode(s) };'],
];

export const markdownItPatches = {
  name: 'markdown-it-patches',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, async (args) => {
      let text = await fs.promises.readFile(args.path, 'utf8');
      for (const [from, to] of MARKDOWN_IT_PATCHES) {
        if (!text.includes(from)) throw new Error(`esbuild.mjs: markdown-it has changed, '${from.split('\n')[0]}' is not in ${args.path}`);
        text = text.replace(from, to);
      }
      let fields = 0;
      text = text.replace(/_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"(\w+)",/g, (_, name) => {
        fields++;
        return `void (this.${name} =`;
      });
      if (fields < 40 || /\bget \w+\(|\bset \w+\(|\bextends\b/.test(text)) {
        throw new Error(`esbuild.mjs: markdown-it has changed (${fields} fields set in constructors, or a class with an accessor or a parent): ${args.path}`);
      }
      return { contents: text, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * Stamped on the first line of dist/cli-main.js, and heading its code cache
 * (cli/launch.ts uses the cache only when the two agree): new for every build.
 */
const BUILD = `// build ${Date.now().toString(36)}-${process.pid}\n`;

/** The esbuild options for one bundle (dist/<out>.js). */
export function options(e) {
  return {
    ...(e.out === 'cli-main' ? { banner: { js: BUILD.trimEnd() } } : {}),
    // The command line's bundle is read and compiled at every run: smaller is faster. Names are kept (stack traces).
    ...(e.out === 'cli-main' ? { minifyWhitespace: true, minifySyntax: true } : {}),
    absWorkingDir: ROOT,
    entryPoints: { [e.out]: e.in },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: e.external ?? [],
    plugins: [lazyChunks, markdownItPatches],
    logLevel: 'warning',
  };
}

/** Every bundle this build writes: the entries that exist, and the chunks. */
export function bundles() {
  return [...entries.filter((e) => fs.existsSync(path.join(ROOT, e.in))), ...chunks];
}

async function main() {
  const watch = process.argv.includes('--watch');
  process.chdir(ROOT);
  // A cache is made only after a whole build (never while watching): none may outlive its bundle.
  fs.rmSync('dist/cli-main.js.cache', { force: true });
  fs.mkdirSync('dist/profiles', { recursive: true });
  for (const f of fs.readdirSync('server/profiles')) {
    if (f.endsWith('.yaml')) fs.copyFileSync(path.join('server/profiles', f), path.join('dist/profiles', f));
  }
  await writeParsedProfiles();

  // The rule pages, for the language server's hovers and diagnostics' links (dist/docs/rules/<id>.md).
  fs.mkdirSync('dist/docs/rules', { recursive: true });
  for (const f of fs.readdirSync('docs/rules')) {
    if (f.endsWith('.md')) fs.copyFileSync(path.join('docs/rules', f), path.join('dist/docs/rules', f));
  }

  const contexts = await Promise.all(bundles().map((e) => esbuild.context(options(e))));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
    asciiOnly('dist/cli-main.js');
    makeCodeCache();
  }
}

/**
 * dist/profiles/parsed.json: the judgements, report kinds and abbreviations, parsed once here
 * (as profiles/load.ts parseYamlData does) so that profiles/builtin.ts need not
 * parse them at each run. Each entry keeps its text: builtin.ts uses the data
 * only while the YAML beside it is the same. A file with any YAML problem is
 * left out, so the run parses it and reports the problem as before.
 */
export async function parsedProfiles() {
  const { parseDocument } = await import('yaml');
  const out = {};
  for (const f of fs.readdirSync(path.join(ROOT, 'server/profiles')).sort()) {
    if (!f.endsWith('.yaml') || ['synonyms.yaml', 'authorities.yaml'].includes(f)) continue;
    const text = fs.readFileSync(path.join(ROOT, 'server/profiles', f), 'utf8');
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    if (doc.errors.length > 0 || doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) continue;
    out[f] = { text, data: doc.toJS({ maxAliasCount: 50 }) };
  }
  return out;
}

async function writeParsedProfiles() {
  fs.writeFileSync('dist/profiles/parsed.json', JSON.stringify(await parsedProfiles()));
}

/**
 * Rewrites the characters beyond ASCII that esbuild leaves in a bundle (in
 * regular expression literals and String.raw templates, which it does not
 * escape: the dashes and quotes the rules look for) as \uXXXX escapes, which
 * mean the same there. A source that is all ASCII is held by V8 in one byte a
 * character, and read and compiled faster at each run. (Columns in the source
 * map shift on the few lines concerned.) test/build/cliBundle.test.ts checks that the
 * bundle gives the same results as the sources.
 */
export function escapeNonAscii(text) {
  // An escaped character ('\\–': an odd run of backslashes before it) is the character itself: its escape replaces it.
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function asciiOnly(file) {
  fs.writeFileSync(file, escapeNonAscii(fs.readFileSync(file, 'utf8')));
}

/**
 * dist/cli-main.js.cache, for cli/launch.ts: runs the command line bundle once
 * over examples/ (output dropped) in a child Node, then saves V8's code cache
 * for everything compiled, headed by the bundle's first line, its build id
 * (launch.ts uses the cache only when that matches). A failure here costs
 * speed, not correctness.
 */
function makeCodeCache() {
  const child = `
const fs = require('fs'), vm = require('vm'), path = require('path'), Module = require('module');
const dir = path.resolve('dist'), file = path.join(dir, 'cli-main.js'), out = path.join(dir, 'cli-main.js.cache');
const source = fs.readFileSync(file, 'utf8');
const head = source.slice(0, source.indexOf('\\n') + 1);
if (!head.startsWith('// build ')) throw new Error('dist/cli-main.js has no build line');
const script = new vm.Script(Module.wrap(source), { filename: file });
process.argv = [process.argv[0], path.join(dir, 'cli.js'), 'check', 'examples', '--exit-zero'];
process.on('exit', () => {
  fs.writeFileSync(out + '.tmp', Buffer.concat([Buffer.from(head, 'latin1'), script.createCachedData()]));
  fs.renameSync(out + '.tmp', out);
});
const mod = new Module(file, undefined);
mod.filename = file;
mod.paths = Module._nodeModulePaths(dir);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dir);
`;
  fs.rmSync('dist/cli-main.js.cache', { force: true });
  const r = spawnSync(process.execPath, ['-e', child], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 || !fs.existsSync('dist/cli-main.js.cache')) {
    console.warn(`esbuild: no code cache for dist/cli.js (it still works, more slowly): ${r.error?.message ?? r.stderr}`);
  }
}

// Built when run (`node esbuild.mjs`); imported by the bundle test for its options only.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
