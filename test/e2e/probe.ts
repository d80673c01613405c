// Asks the built language server (dist/server.js --stdio) directly, over
// JSON-RPC, whether it has a feature, so that a scenario can tell "the extension
// lacks this yet" (pending) from "VS Code does not show what the server sends"
// (failed). Bounded: every request has a time limit and the server is killed.
import { spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from './paths';

type Json = Record<string, unknown>;

export class LspProbe {
  private readonly child;
  private buf = Buffer.alloc(0);
  private next = 1;
  private readonly waiting = new Map<number, (msg: Json) => void>();
  private readonly notes: Json[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout.on('data', (b: Buffer) => this.read(b));
    this.child.on('error', () => undefined);
  }

  private read(b: Buffer): void {
    this.buf = Buffer.concat([this.buf, b]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString());
      if (!m) { this.buf = this.buf.subarray(head + 4); continue; }
      const len = Number(m[1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString()) as Json;
      this.buf = this.buf.subarray(head + 4 + len);
      if (typeof msg.id === 'number' && !('method' in msg)) this.waiting.get(msg.id)?.(msg);
      else if ('method' in msg && 'id' in msg) this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [] : null });
      else this.notes.push(msg);
    }
  }

  private send(msg: Json): void {
    const s = JSON.stringify(msg);
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  request(method: string, params: unknown, ms = 15_000): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.waiting.delete(id); reject(new Error(`${method}: no answer within ${ms} ms`)); }, ms);
      this.waiting.set(id, (msg) => {
        clearTimeout(t);
        this.waiting.delete(id);
        if (msg.error) reject(new Error(`${method}: ${JSON.stringify(msg.error)}`));
        else resolve(msg.result);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async waitForDiagnostics(uri: string, ms = 15_000): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (this.notes.some((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Json).uri === uri)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no diagnostics for ${uri} within ${ms} ms`);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

function hoverText(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  const c = (result as Json).contents;
  const one = (x: unknown): string => (typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as Json).value ?? '') : '');
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

/**
 * The server's hover text at each of the given 1-based positions of `file`
 * (opened in a workspace whose root is `folder`), '' where there is none.
 */
export async function serverHovers(folder: string, file: string, text: string, at: { line: number; column: number }[]): Promise<string[]> {
  const probe = new LspProbe();
  try {
    const rootUri = pathToFileURL(folder).href;
    await probe.request('initialize', {
      processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } }, workspace: { workspaceFolders: true } },
    });
    probe.notify('initialized', {});
    const uri = pathToFileURL(file).href;
    probe.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await probe.waitForDiagnostics(uri);
    // The history index loads in the background after the first diagnostics:
    // ask again for a while before taking 'no hover' for an answer.
    const ask = async () => {
      const texts: string[] = [];
      for (const p of at) {
        texts.push(hoverText(await probe.request('textDocument/hover', { textDocument: { uri }, position: { line: p.line - 1, character: p.column - 1 } })));
      }
      return texts;
    };
    let out = await ask();
    for (let i = 0; i < 20 && !out.some((t) => /earlier|history|20\d\d/i.test(t)); i++) {
      await new Promise((r) => setTimeout(r, 500));
      out = await ask();
    }
    await probe.request('shutdown', null, 3_000).catch(() => undefined);
    return out;
  } finally {
    probe.kill();
  }
}
