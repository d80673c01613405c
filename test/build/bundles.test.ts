/**
 * The check path loads only what it checks (issue 14): the bundle `check`
 * runs, dist/cli-main.js, holds none of the PDF library, the Word reader or
 * writer, the importer, the exporter or the `links` command; those are files
 * of their own that it requires only when asked. Built in memory with
 * esbuild.mjs's own options (nothing is written), and read from esbuild's
 * metafile, so the test says what is in each bundle, not how fast it is.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readAbbreviationList } from '../../server/src/profiles/abbreviations';
import { buildProfileSet } from '../../server/src/profiles/load';

const ROOT = path.resolve(__dirname, '..', '..');

interface Bundle {
  in: string;
  out: string;
  external?: string[];
  pkg?: boolean;
}
interface Config {
  entries: Bundle[];
  chunks: Bundle[];
  options(e: Bundle): Record<string, unknown>;
}
interface Built {
  inputs: string[];
  text: string;
}

/** Packages that only importing, exporting or reading Word and PDF need. */
const HEAVY = /node_modules\/(unpdf|pdfjs-dist|docx|jszip|mammoth|pako|readable-stream|lie)\//;

describe('bundles: the check path loads only what it checks', function () {
  this.timeout(120_000);
  let config: Config;
  let esbuild: typeof import('esbuild');
  const built = new Map<string, Built>();

  before(async () => {
    config = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as Config;
    esbuild = await import('esbuild');
  });

  async function build(out: string): Promise<Built> {
    const hit = built.get(out);
    if (hit) return hit;
    const e = [...config.entries, ...config.chunks].find((b) => b.out === out);
    assert.ok(e, `esbuild.mjs has no bundle '${out}'`);
    const r = await esbuild.build({ ...config.options(e), metafile: true, write: false, sourcemap: false, logLevel: 'silent' });
    const output = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint)?.[1];
    assert.ok(output, `no output for '${out}'`);
    const file = r.outputFiles.find((f) => f.path.endsWith(`${out}.js`));
    const b = { inputs: Object.keys(output.inputs), text: file?.text ?? '' };
    built.set(out, b);
    return b;
  }

  it('dist/cli.js only starts dist/cli-main.js', async () => {
    const b = await build('cli');
    assert.deepStrictEqual(b.inputs, ['server/src/cli/launch.ts']);
    assert.match(b.text, /cli-main\.js/);
  });

  it('dist/cli-main.js holds no PDF, Word, import, export or links code', async () => {
    const b = await build('cli-main');
    assert.ok(b.inputs.includes('server/src/check.ts'), 'the check itself is there');
    assert.deepStrictEqual(b.inputs.filter((f) => HEAVY.test(f)), []);
    const lazy = /^server\/src\/(import|export)\/|^server\/src\/cli\/(import|export|links|checkDocx)\.ts$/;
    assert.deepStrictEqual(b.inputs.filter((f) => lazy.test(f)), []);
  });

  it('dist/cli-main.js requires each command it leaves out, by its file in dist/', async () => {
    const b = await build('cli-main');
    for (const out of ['cli-import', 'cli-export', 'cli-links', 'cli-word']) {
      assert.match(b.text, new RegExp(`require\\("\\./${out}\\.js"\\)`), `${out}.js is required`);
    }
  });

  it('each command file holds its command, and pdf.js is apart from the importer', async () => {
    for (const [out, source] of [['cli-import', 'server/src/cli/import.ts'], ['cli-export', 'server/src/cli/export.ts'], ['cli-links', 'server/src/cli/links.ts'], ['cli-word', 'server/src/cli/checkDocx.ts']]) {
      assert.ok((await build(out)).inputs.includes(source), `${out} bundles ${source}`);
    }
    const importer = await build('cli-import');
    assert.deepStrictEqual(importer.inputs.filter((f) => /node_modules\/unpdf\//.test(f)), []);
    assert.match(importer.text, /require\("\.\/unpdf\.js"\)/);
    assert.ok((await build('unpdf')).inputs.some((f) => /node_modules\/unpdf\//.test(f)));
  });

  it('dist/cli-main.js loads the yaml package only when it needs it, from dist/yaml.js', async () => {
    const b = await build('cli-main');
    assert.deepStrictEqual(b.inputs.filter((f) => /node_modules\/yaml\//.test(f)), []);
    assert.match(b.text, /require\("\.\/yaml\.js"\)/);
    assert.ok((await build('yaml')).inputs.some((f) => /node_modules\/yaml\//.test(f)));
  });

  it('the extension package (.vscodeignore) holds every file the language server may load', async () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    const server = await build('server');
    const loaded = [...server.text.matchAll(/require\("\.\/([\w-]+)\.js"\)/g)].map((m) => m[1]);
    assert.ok(loaded.includes('yaml') && loaded.includes('unpdf'), `the server loads ${loaded.join(', ')}`);
    for (const out of ['server', ...loaded]) assert.ok(ignore.includes(`!dist/${out}.js`), `dist/${out}.js is not packaged (.vscodeignore)`);
  });

  it('the language server loads pdf.js only when a PDF is imported', async () => {
    const b = await build('server');
    assert.deepStrictEqual(b.inputs.filter((f) => /node_modules\/unpdf\//.test(f)), []);
    assert.match(b.text, /require\("\.\/unpdf\.js"\)/);
  });

  it('dist/cli.js runs the bundle whether its code cache is missing, stale or foreign', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    try {
      for (const out of ['cli', 'cli-main']) {
        const e = config.entries.find((b) => b.out === out);
        assert.ok(e);
        await esbuild.build({ ...config.options(e), outdir: dir, sourcemap: false, logLevel: 'silent' });
      }
      const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      const run = () => execFileSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' }).trim();
      assert.strictEqual(run(), version, 'no cache');
      fs.writeFileSync(path.join(dir, 'cli-main.js.cache'), Buffer.concat([Buffer.from('// build another\n'), Buffer.alloc(64, 7)]));
      assert.strictEqual(run(), version, 'a cache made from another bundle');
      const source = fs.readFileSync(path.join(dir, 'cli-main.js'), 'utf8');
      const head = source.slice(0, source.indexOf('\n') + 1);
      assert.match(head, /^\/\/ build \S+\n$/, 'the bundle is stamped with its build');
      fs.writeFileSync(path.join(dir, 'cli-main.js.cache'), Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(64, 7)]));
      assert.strictEqual(run(), version, 'a cache V8 rejects');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bundles: profiles parsed at build time', () => {
  it('give the same profile set as parsing the YAML', async () => {
    const { parsedProfiles } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
      parsedProfiles(): Promise<Record<string, { text: string; data: unknown }>>;
    };
    // As the bundle reads it: through JSON.
    const parsed = JSON.parse(JSON.stringify(await parsedProfiles())) as Record<string, { text: string; data: unknown }>;
    assert.ok(parsed['judgements.yaml'] && parsed['ilacs.yaml'] && parsed['abbreviations.yaml'], 'the judgements, the kinds and the abbreviations are there');
    const kinds = Object.keys(parsed).filter((f) => f !== 'judgements.yaml' && f !== 'abbreviations.yaml');
    const texts = (data: boolean) => (f: string) => ({ source: f, text: parsed[f].text, data: data ? parsed[f].data : undefined });
    const fromYaml = buildProfileSet(texts(false)('judgements.yaml'), kinds.map(texts(false)), []);
    const fromJson = buildProfileSet(texts(true)('judgements.yaml'), kinds.map(texts(true)), []);
    assert.deepStrictEqual(fromJson, fromYaml);
    assert.ok(fromJson.profiles.size >= 4);
    const abbreviations = parsed['abbreviations.yaml'];
    assert.deepStrictEqual(readAbbreviationList(abbreviations.text, 'a', [], abbreviations.data), readAbbreviationList(abbreviations.text, 'a', []));
  });
});
