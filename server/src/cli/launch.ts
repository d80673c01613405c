/**
 * dist/cli.js: starts the command line bundle (dist/cli-main.js, from bin.ts)
 * with V8's code cache, so that a short run does not spend its time compiling.
 *
 * `node esbuild.mjs` stamps the bundle's first line with a build id, runs the
 * bundle once over examples/ and saves what V8 compiled
 * (dist/cli-main.js.cache, headed by that first line). Here the cache is used
 * only when its head is the bundle's first line (V8 itself checks no more
 * than the source's length); with no cache, a stale one, or a Node whose V8
 * rejects it, the bundle is simply compiled as usual. (No hash of the bundle:
 * loading node:crypto would cost more than the cache saves.) Nothing is written at run time. Node 22's
 * module.enableCompileCache() would do this for us, but it writes a cache
 * while running, and the tool runs on Node 20.
 */
import { readFileSync } from 'fs';
// Named imports only: a namespace or default import of a Node module is copied property by property in the bundle.
import { Module } from 'module';
import { join } from 'path';
import { Script } from 'vm';

// esbuild.mjs (makeCodeCache) writes the cache in this form: keep the two in step.
const BUNDLE = 'cli-main.js';
const CACHE = `${BUNDLE}.cache`;

/** Compiles dist/<BUNDLE> (with the cache when it fits) and runs it as a module. */
function launch(dir: string): void {
  const file = join(dir, BUNDLE);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(join(dir, CACHE));
    const head = source.slice(0, source.indexOf('\n') + 1);
    if (head.startsWith('// build ') && cache.subarray(0, head.length).toString('latin1') === head) cachedData = cache.subarray(head.length);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, require.main);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dir);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dir);
  mod.loaded = true;
}

launch(__dirname);
