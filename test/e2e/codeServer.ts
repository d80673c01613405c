// Starts code-server (a real VS Code, served to a browser) on a free loopback
// port with its own temporary user-data, extensions and config folders, and
// stops it by process group. Nothing binds beyond 127.0.0.1.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { CODE_SERVER, NODE24 } from './paths';

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server printed, for failure reports. */
  log(): string;
  /** Ends code-server and everything it started; copies its logs to `keepLogsIn` first, if given. */
  stop(keepLogsIn?: string): Promise<void>;
}

/** Every code-server this process started and has not stopped yet, for a last-resort cleanup. */
const running = new Set<CodeServer>();

/** Stops every code-server still running (on failure, a signal or the watchdog). */
export async function stopAll(keepLogsIn?: string): Promise<void> {
  await Promise.all([...running].map((s) => s.stop(keepLogsIn).catch(() => undefined)));
}

/** Synchronous last resort for process 'exit': SIGKILL each group. */
process.on('exit', () => {
  for (const s of running) {
    try { process.kill(-s.pid, 'SIGKILL'); } catch { /* gone */ }
  }
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function get(url: string, ms: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: ms }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Settings for a quiet, predictable workbench: no tips, no walkthroughs, no AI panels, no network. */
export const USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'editor.experimental.asyncTokenization': false,
  'markdown.validate.enabled': false,
  'window.commandCenter': false,
  'workbench.editor.enablePreview': false,
  'problems.defaultViewMode': 'tree',
  'problems.showCurrentInStatus': false,
};

export interface StartOptions {
  folder: string;
  /** Installs extensions into the fresh extensions folder before the server starts. */
  prepare?: (extensionsDir: string) => void;
  /** More command-line options for code-server. */
  extraArgs?: string[];
  timeoutMs?: number;
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-e2e-code-server-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const xdg = path.join(base, 'xdg');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  opts.prepare?.(extensionsDir);

  const port = await freePort();
  const args = [
    CODE_SERVER,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.extraArgs ?? []),
    opts.folder,
  ];
  let output = '';
  const child: ChildProcess = spawn(NODE24, args, {
    // Its own process group, so that stop() ends the extension host and the
    // language server with it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}`,
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      // code-server reads these as overrides; make sure none leaks in from the caller.
      PASSWORD: '', HASHED_PASSWORD: '', PORT: '', VSCODE_PROXY_URI: '',
    },
  });
  const keep = (b: Buffer) => { output = (output + b.toString()).slice(-200_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.on('exit', (code) => { exited = code; });
  const pid = child.pid;
  if (!pid) throw new Error('code-server did not start (no pid)');

  let stopped = false;
  const stop = async (keepLogsIn?: string) => {
    if (stopped) return;
    stopped = true;
    if (keepLogsIn) {
      try {
        fs.mkdirSync(keepLogsIn, { recursive: true });
        fs.writeFileSync(path.join(keepLogsIn, 'code-server.log'), output);
        const logs = path.join(userDataDir, 'logs');
        if (fs.existsSync(logs)) fs.cpSync(logs, path.join(keepLogsIn, 'vscode'), { recursive: true });
      } catch { /* logs are a courtesy */ }
    }
    const gone = () => exited !== undefined;
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
    for (let i = 0; i < 50 && !gone(); i++) await new Promise((r) => setTimeout(r, 100));
    // The group may outlive its leader (the extension host, the language server).
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    fs.rmSync(base, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`code-server exited with ${exited} before it served:\n${output}`);
    }
    if ((await get(`${url}healthz`, 2_000)) === 200) {
      const cs: CodeServer = {
        url, port, pid, userDataDir, extensionsDir, log: () => output,
        stop: async (keep?: string) => { running.delete(cs); await stop(keep); },
      };
      running.add(cs);
      return cs;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`code-server did not answer on ${url} within ${opts.timeoutMs ?? 60_000} ms:\n${output}`);
}
