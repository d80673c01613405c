/**
 * The command line's bundle (dist/cli.js, starting dist/cli-main.js: minified,
 * its characters beyond ASCII escaped by esbuild.mjs, run with a code cache)
 * gives the same results as the sources: every rule's fixtures and the
 * examples, checked both ways, as JSON; and on several threads as on one.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../server/src/cli/main';
import { ensureBuilt } from '../lsp/client';

const ROOT = path.resolve(__dirname, '..', '..');
const TARGETS = ['examples', 'test/fixtures/rules', 'test/fixtures/valid'];

describe('the command line bundle gives the same results as the sources', function () {
  this.timeout(180_000);
  before(() => ensureBuilt());

  it('dist/cli-main.js is ASCII only', () => {
    const text = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    assert.strictEqual(at, -1, `a character beyond ASCII at offset ${at}: ${JSON.stringify(text.slice(at - 40, at + 40))}`);
  });

  it('check --format json: the same diagnostics and exit code', () => {
    const out: string[] = [];
    const io: Io = { out: (s) => out.push(s), err: () => undefined, cwd: ROOT };
    const code = run(['check', ...TARGETS, '--format', 'json'], io);
    assert.strictEqual(typeof code, 'number');
    const fromSource = JSON.parse(out.join('\n')) as unknown[];
    const bundle = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', ...TARGETS, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.strictEqual(bundle.status, code, bundle.stderr);
    const fromBundle = JSON.parse(bundle.stdout) as unknown[];
    assert.ok(JSON.stringify(fromSource).length > 10_000, 'the check found enough to compare');
    assert.deepStrictEqual(fromBundle, fromSource);
  });

  it('reads HTML entities and international domain names as the sources do (markdown-it loads them lazily in the bundle)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bundle-'));
    try {
      const example = fs.readFileSync(path.join(ROOT, 'examples', 'drafts', '2025-02-ilacs.md'), 'utf8');
      const extra = '\nLeaders&#39; plans &amp; the LA&eacute; [help](http://b\u00fccher.example/x) <http://\u2603.example> &nosuch; (TBC) &#x41;.\n';
      fs.writeFileSync(path.join(dir, 'entities.md'), example + extra);
      const out: string[] = [];
      const code = run(['check', dir, '--format', 'json'], { out: (s) => out.push(s), err: () => undefined, cwd: dir });
      const bundle = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', dir, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(bundle.status, code, bundle.stderr);
      assert.deepStrictEqual(JSON.parse(bundle.stdout), JSON.parse(out.join('\n')));
      assert.doesNotMatch(bundle.stdout, /internal-error/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('check on several threads (--jobs): the same output, in the same order, and the same exit code as on one', () => {
    const check = (jobs: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', ...TARGETS, '--jobs', jobs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
    const one = check('1');
    assert.ok(one.stdout.split('\n').length > 100, 'enough output to compare');
    for (const jobs of ['2', '4']) {
      const many = check(jobs);
      assert.strictEqual(many.status, one.status, many.stderr);
      assert.strictEqual(many.stdout, one.stdout, `--jobs ${jobs}`);
      assert.strictEqual(many.stderr, one.stderr, `--jobs ${jobs}`);
    }
    // The workers did check files (a worker that failed would leave its files to this thread, and the output alike).
    const traced = check('2', { INSPECTION_REPORTS_TRACE_JOBS: '1' });
    const m = /jobs: (\d+) \+ (\d+) files checked/.exec(traced.stderr);
    assert.ok(m, traced.stderr);
    assert.ok(Number(m[2]) > 0, `the worker checked no file: ${m[0]}`);
    assert.strictEqual(traced.stdout, one.stdout);
    // A worker that fails loses nothing: the files it took are checked on the main thread.
    const failing = check('3', { INSPECTION_REPORTS_TEST_FAILING_WORKER: '1', INSPECTION_REPORTS_TRACE_JOBS: '1' });
    assert.strictEqual(failing.status, one.status, failing.stderr);
    assert.strictEqual(failing.stdout, one.stdout);
    assert.match(failing.stderr, /jobs: \d+ files checked/, 'no worker sent a result');
  });
});
