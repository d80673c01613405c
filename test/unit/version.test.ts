import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERSION } from '../../server/src/version';

const ROOT = path.resolve(__dirname, '../..');

describe('version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('is package.json\'s version, not a copy written by hand', () => {
    assert.equal(VERSION, pkg.version);
  });

  it('the built CLI and server print package.json\'s version', function () {
    const cli = path.join(ROOT, 'dist/cli.js');
    if (!fs.existsSync(cli)) this.skip();
    assert.equal(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
    assert.equal(execFileSync(process.execPath, [path.join(ROOT, 'dist/server.js'), '--version'], { encoding: 'utf8' }).trim(), pkg.version);
  });
});
