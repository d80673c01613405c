// A small LSP client for the protocol tests and the benchmark: starts the BUILT
// server (dist/server.js) as a child process and talks real JSON-RPC to it over
// stdio. Every wait is bounded; nothing here can hang a test run.
import * as fs from 'fs';
import * as os from 'os';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit, type Diagnostic,
  type ClientCapabilities, type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.join(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

let built: string | undefined;

/** Builds dist/ with esbuild.mjs once per process. Throws with esbuild's own message on failure. */
export function ensureBuilt(): void {
  if (built === 'ok') return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  built = 'ok';
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

type Waiter<T> = { test: (v: T) => boolean; resolve: (v: T) => void };

export interface ClientOptions {
  /** Settings answered to workspace/configuration (section inspectionReports). */
  settings?: Record<string, unknown>;
  /** Answer workspace/configuration at all (false: an editor that cannot be asked). */
  configuration?: boolean;
  codeActionResolve?: boolean;
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** File watchers may use relative patterns (folders outside the workspace), as VS Code's do. */
  relativePatterns?: boolean;
}

/** The client side of a session with the server. */
export class LspClient {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly docs = new Map<string, TextDocument>();
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses = new Map<string, Record<string, unknown>>();
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  settings: Record<string, unknown>;
  stderr = '';
  private diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private exited = false;

  constructor(readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => {
      this.stderr += String(d);
    });
    this.child.on('exit', () => {
      this.exited = true;
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      const ready = this.diagWaiters.filter((w) => w.test(p));
      this.diagWaiters = this.diagWaiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.conn.onNotification('inspectionReports/status', (p: Record<string, unknown>) => {
      this.statuses.set(String(p.uri), p);
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(p);
      return p.items.map(() => this.settings);
    });
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onRequest('workspace/workspaceFolders', () => (this.options.workspaceFolders ?? []).map((f) => ({ uri: fileUri(f), name: path.basename(f) })));
    this.conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(p.edit);
      return { applied: this.applyWorkspaceEdit(p.edit) };
    });
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.options.configuration !== false,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: this.options.relativePatterns },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        applyEdit: true,
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          resolveSupport: this.options.codeActionResolve ? { properties: ['edit'] } : undefined,
          dataSupport: true,
        },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
      window: { workDoneProgress: true },
    };
    const folders = this.options.workspaceFolders ?? [];
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    this.conn.sendNotification('initialized', {});
    return result;
  }

  request<T>(method: string, params: unknown, ms = 10_000): Promise<T> {
    return withTimeout(this.conn.sendRequest(method, params) as Promise<T>, ms, method);
  }

  open(uri: string, text: string, version = 1): void {
    this.docs.set(uri, TextDocument.create(uri, 'markdown', version, text));
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Replaces the whole text (a valid change in incremental sync too). Returns the new version. */
  change(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.create(uri, 'markdown', version, text));
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Sends ranged (incremental) changes, as an editor does while typing. */
  edit(uri: string, edits: TextEdit[]): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const next = TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), version);
    this.docs.set(uri, TextDocument.create(uri, 'markdown', version, next.getText()));
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    return version;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)?.getText() ?? '';
  }

  /** Applies a workspace edit as an editor would, then tells the server (didChange). */
  applyWorkspaceEdit(edit: WorkspaceEdit): boolean {
    const perUri = new Map<string, { version?: number | null; edits: TextEdit[] }>();
    for (const dc of edit.documentChanges ?? []) {
      if ('textDocument' in dc) perUri.set(dc.textDocument.uri, { version: dc.textDocument.version, edits: dc.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, { edits });
    for (const [uri, { version, edits }] of perUri) {
      const doc = this.docs.get(uri);
      if (!doc) return false;
      if (typeof version === 'number' && version !== doc.version) return false;
      const text = TextDocument.applyEdits(doc, edits);
      this.change(uri, text);
    }
    return true;
  }

  /** Waits for diagnostics for a uri that pass a test (the latest ones if they already do). */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5_000, fresh = false): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (!fresh && have && test(have)) return Promise.resolve(have);
    const p = new Promise<PublishDiagnosticsParams>((resolve) => {
      this.diagWaiters.push({ test: (q) => q.uri === uri && test(q), resolve });
    });
    return withTimeout(p, ms, `diagnostics for ${path.basename(uri)}`);
  }

  /** Diagnostics for a document's current version. */
  current(uri: string, ms = 5_000): Promise<PublishDiagnosticsParams> {
    const version = this.docs.get(uri)?.version;
    return this.waitForDiagnostics(uri, (p) => p.version === version, ms);
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { inspectionReports: settings } });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.conn.sendRequest('shutdown'), 3_000, 'shutdown');
        this.conn.sendNotification('exit');
      } catch {
        // killed below
      }
      await withTimeout(new Promise<void>((r) => (this.exited ? r() : this.child.once('exit', () => r()))), 3_000, 'exit').catch(() => undefined);
    }
    if (!this.exited) this.child.kill('SIGKILL');
    this.conn.dispose();
  }
}

export type { Diagnostic };

/** A diagnostic's message as text (LSP 3.18 allows Markdown content). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/**
 * Mocha hooks for a suite that talks to the built server: builds it once, and
 * gives each test a fresh server and a temporary workspace folder.
 */
export function withServer(prefix: string): { readonly client: LspClient; readonly dir: string } {
  const ctx = {} as { client: LspClient; dir: string };
  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });
  beforeEach(async () => {
    ctx.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    ctx.client = new LspClient({ workspaceFolders: [ctx.dir] });
    await ctx.client.initialize();
  });
  afterEach(async () => {
    await ctx.client.stop();
    fs.rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
