import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureBuilt, ROOT } from './client';

describe('VS Code extension (bundled, with a stand-in vscode module)', function () {
  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });

  it('activates: output channel, status bar item, the four commands, the server over IPC', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'extension-host.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.strictEqual(out.error, undefined, out.error);
    assert.ok(out.activationMs + out.loadMs < 1000, `loading took ${out.loadMs} ms and activation ${out.activationMs} ms`);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(out.commands, pkg.contributes.commands.map((c: { command: string }) => c.command).sort());
    assert.deepStrictEqual(out.outputChannel, ['Inspection Reports', { log: true }]);
    assert.strictEqual(out.statusBar[0], 'inspectionReports.status');
    assert.strictEqual(out.statusCommand, 'workbench.actions.view.problems');
    assert.ok(out.subscriptions >= 6, `only ${out.subscriptions} subscriptions`);
    assert.strictEqual(out.forks.length, 1, 'the server was not started');
    assert.strictEqual(out.forks[0].module, path.join(ROOT, 'dist', 'server.js'));
    assert.ok(out.forks[0].args.includes('--node-ipc'), out.forks[0].args.join(' '));
  });

  it('bundles no server code into the extension', () => {
    const text = fs.readFileSync(path.join(ROOT, 'dist', 'extension.js'), 'utf8');
    assert.ok(!text.includes('markdown-it'), 'the parser is bundled into the client');
    assert.ok(!/function checkDocument\(/.test(text), 'the checker is bundled into the client');
    assert.ok(text.includes('inspectionReports.server.fixAll'));
  });
});
