import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { loadHistory } from '../../server/src/io/history';
import { HistoryIndex } from '../../server/src/history/store';
import { makePdf } from '../import/pdfMaker';
import { stripMarkdown } from '../fuzz/seeds';
import { cleanReport, cli, tempDir } from './helpers';
import { data } from '../helpers/data';

/**
 * Issue 7: the tool never opens a network connection, never starts another
 * program, and never writes a file the user did not ask it to write. Every way
 * out of the process is replaced by a trap that records the call and throws,
 * then a full run goes through: check, check --fix, import (PDF and text),
 * links, and loading a history folder.
 */

type Trap = { module: Record<string, unknown>; name: string; real: unknown };

function trapAll(calls: string[]): () => void {
  const traps: Trap[] = [];
  const trap = (module: Record<string, unknown>, name: string, label: string) => {
    traps.push({ module, name, real: module[name] });
    module[name] = function trapped(...args: unknown[]) {
      calls.push(`${label}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
      throw new Error(`${label} called: the tool must not do this`);
    };
  };
  // The module objects themselves (`import * as` gives views of them), so the code under test sees the traps.
  const net = require('net') as Record<string, unknown>;
  const netSocket = (require('net') as { Socket: { prototype: Record<string, unknown> } }).Socket.prototype;
  trap(netSocket, 'connect', 'net.Socket.prototype.connect');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(require('tls') as Record<string, unknown>, 'connect', 'tls.connect');
  for (const m of ['http', 'https']) {
    trap(require(m) as Record<string, unknown>, 'request', `${m}.request`);
    trap(require(m) as Record<string, unknown>, 'get', `${m}.get`);
  }
  const dns = require('dns') as Record<string, unknown>;
  for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(dns, f, `dns.${f}`);
  trap(dns.promises as Record<string, unknown>, 'lookup', 'dns.promises.lookup');
  trap(require('dgram') as Record<string, unknown>, 'createSocket', 'dgram.createSocket');
  const cp = require('child_process') as Record<string, unknown>;
  for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(cp, f, `child_process.${f}`);
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
  return () => {
    for (const t of traps.reverse()) t.module[t.name] = t.real;
  };
}

/** Every file under a folder with a hash of its bytes. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(root, p), crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [p, h] of after) if (before.get(p) !== h) out.push(before.has(p) ? `changed ${p}` : `new ${p}`);
  for (const p of before.keys()) if (!after.has(p)) out.push(`removed ${p}`);
  return out.sort();
}

describe('hardening: no network, no other programs, no unasked writes', function () {
  this.timeout(60_000);
  let dir: string;
  let calls: string[];
  let untrap: () => void;
  beforeEach(() => {
    dir = tempDir('offline');
    fs.cpSync(path.join(__dirname, '..', '..', 'examples'), path.join(dir, 'examples'), { recursive: true });
    const inputs = path.join(dir, 'inputs');
    fs.mkdirSync(inputs);
    const lines = stripMarkdown(cleanReport()).split('\n').filter((l) => l.trim()).map((l) => l.replace(/[^\x20-\x7e]/g, ' ').slice(0, 90));
    fs.writeFileSync(path.join(inputs, 'report.pdf'), makePdf([lines.slice(0, 40).map((text, k) => ({ x: 56, y: 780 - k * 18, size: k ? 11 : 20, text }))]));
    const letter = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'valid', 'focused-visit-2019-sections.md'), 'utf8');
    fs.writeFileSync(path.join(inputs, 'letter.txt'), stripMarkdown(letter.replace(/<!--\s*expect\b[\s\S]*?-->\s*$/, '')));
    fs.writeFileSync(path.join(inputs, 'broken.pdf'), Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'));
    calls = [];
    untrap = trapAll(calls);
  });
  afterEach(() => {
    untrap();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the traps catch what they should (so the test can fail)', async () => {
    assert.throws(() => (require('http') as typeof import('http')).request('http://example.invalid/'));
    await assert.rejects(async () => fetch('http://example.invalid/'));
    assert.deepStrictEqual(calls.map((c) => c.split('(')[0]), ['http.request', 'fetch']);
  });

  it('check, check --fix, import, links and history loading touch no network and start no program', async () => {
    const examples = path.join(dir, 'examples');
    const start = snapshot(dir);

    const check = await cli(examples, 'check', '.');
    assert.strictEqual(check.code, 1, check.err.join('\n'));
    assert.deepStrictEqual(changes(start, snapshot(dir)), [], 'check alone writes nothing');

    const json = await cli(examples, 'check', 'drafts', '--format', 'sarif');
    assert.ok(json.out.join('\n').includes('"runs"'));
    assert.deepStrictEqual(changes(start, snapshot(dir)), [], 'nor does a SARIF report');

    const fixed = await cli(examples, 'check', 'drafts', '--fix');
    const afterFix = snapshot(dir);
    const written = changes(start, afterFix);
    assert.ok(written.length > 0, 'the drafts have fixable mistakes');
    assert.ok(written.every((c) => /^changed examples\/drafts\/[^/]+\.md$/.test(c)), `--fix writes only the checked files:\n${written.join('\n')}\n${fixed.err.join('\n')}`);

    const out = path.join(dir, 'out');
    const imported = await cli(dir, 'import', 'inputs/report.pdf', 'inputs/letter.txt', 'inputs/broken.pdf', '--out', 'out', '--set', 'authority=Kestrel Bay Borough Council');
    assert.strictEqual(imported.code, 1, 'the broken PDF is reported');
    assert.strictEqual(imported.err.filter((l) => l.includes('broken.pdf')).length, 1, imported.err.join('\n'));
    const afterImport = changes(afterFix, snapshot(dir));
    assert.strictEqual(afterImport.length, 2, `${afterImport.join('\n')}\n${imported.err.join('\n')}`);
    assert.ok(afterImport.every((c) => c.startsWith('new out/')), `import writes only under --out:\n${afterImport.join('\n')}`);
    assert.ok(fs.existsSync(out));

    const draft = path.join('drafts', fs.readdirSync(path.join(examples, 'drafts')).find((f) => f.includes('ilacs'))!);
    const links = await cli(examples, 'links', draft, '--history', 'history');
    assert.ok(links.code === 0 || links.code === 1, links.err.join('\n'));
    const loaded = loadHistory(new HistoryIndex({ data }), [path.join(examples, 'history')]);
    assert.ok(loaded.files.length > 0);
    assert.deepStrictEqual(changes(afterFix, snapshot(dir)), afterImport, 'links and history loading write nothing');

    assert.deepStrictEqual(calls, [], 'no connection was opened and no program started');
  });
});
