// Entry of the suite that runs INSIDE the extension host (VS Code's
// extensionTestsPath): mocha with the scenarios of ./scenarios. Bundled by
// test/vscode/build.ts; mocha itself is loaded from the repository's node_modules.
import * as fs from 'fs';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'scenarios', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./scenarios');
  return new Promise((resolve, reject) => {
    const titles: { title: string; state: string; error?: string }[] = [];
    const runner = mocha.run((failures) => {
      const out = process.env.IR_VSCODE_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ failures, tests: titles }, null, 2));
      if (failures > 0) reject(new Error(`${failures} scenario(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => titles.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, e: Error) => titles.push({ title: t.fullTitle(), state: 'failed', error: e?.message }));
    runner.on('pending', (t) => titles.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
