// Runs test/vscode/suite inside a real VS Code (Electron) with
// @vscode/test-electron: `npm run test:vscode`.
//
// It needs VS Code: VSCODE_EXECUTABLE_PATH, or a download (cached in
// .vscode-test/). Where neither is possible it prints ONE line saying so and
// exits with 77, the usual "skipped" code, so that it never counts as passed.
// On Linux without a display it runs under xvfb-run when that is installed.
import { spawnSync } from 'child_process';
import * as dns from 'dns';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'vscode-test');
const SKIPPED = 77;
const DOWNLOAD_HOST = 'update.code.visualstudio.com';

function skip(reason: string): never {
  console.log(`test:vscode skipped: ${reason}`);
  process.exit(SKIPPED);
}

async function resolves(host: string, ms: number): Promise<boolean> {
  return Promise.race([
    dns.promises.lookup(host).then(() => true, () => false),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
}

async function vscodeExecutable(): Promise<string> {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  if (given) {
    if (!fs.existsSync(given)) skip(`VSCODE_EXECUTABLE_PATH=${given} does not exist`);
    return given;
  }
  if (!(await resolves(DOWNLOAD_HOST, 5_000))) {
    skip(`VS Code cannot be downloaded here (${DOWNLOAD_HOST} does not resolve) and VSCODE_EXECUTABLE_PATH is not set`);
  }
  try {
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_TEST_VERSION ?? 'stable', timeout: 60_000, cachePath: path.join(ROOT, '.vscode-test') });
  } catch (e) {
    skip(`VS Code could not be downloaded (${(e as Error).message.split('\n')[0]}) and VSCODE_EXECUTABLE_PATH is not set`);
  }
}

/** Bundles the suite (TypeScript) into one CommonJS file the extension host can load. */
export async function buildSuite(): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: path.join(OUT, 'suite.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true,
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return path.join(OUT, 'suite.js');
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) return 1;
  }
  const executable = await vscodeExecutable();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.IR_UNDER_XVFB) {
    const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
    if (xvfb) {
      const r = spawnSync(xvfb, ['-a', process.execPath, ...process.execArgv, __filename], {
        stdio: 'inherit', env: { ...process.env, IR_UNDER_XVFB: '1', VSCODE_EXECUTABLE_PATH: executable },
      });
      return r.status ?? 1;
    }
    console.log('test:vscode: no DISPLAY and no xvfb-run (apt-get install xvfb): VS Code may fail to start');
  }
  const suite = await buildSuite();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-vscode-test-'));
  const ws = path.join(tmp, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { IR_VSCODE_RESULTS: path.join(tmp, 'results.json') },
      launchArgs: [
        ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu',
        '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions'),
      ],
    });
  } catch (e) {
    console.error(`test:vscode: ${(e as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
