import * as assert from 'assert';
import * as path from 'path';
import { describeViolations, importsOf, sourceFiles, violations } from './helpers/layers';

/**
 * The layers point one way (ARCHITECTURE.md, "Invariants"): the core never
 * imports the front ends (cli/, lsp/), the file system layer (io/), the editor
 * or the file system; lsp/ never imports cli/; io/ imports neither. Read from
 * the import statements of every file under server/src.
 */
const SRC = path.join(__dirname, '..', 'server', 'src');

describe('layers', () => {
  const files = sourceFiles(SRC);

  it('reads every source file and its imports', () => {
    assert.ok(files.size > 100, `${files.size} files under server/src`);
    assert.ok(files.has('history/service.ts') && files.has('io/nodeWorkspace.ts') && files.has('core/workspace.ts'));
    const imports = [...files.values()].reduce((n, t) => n + importsOf(t).length, 0);
    assert.ok(imports > 300, `${imports} imports`);
  });

  it('the core imports no front end, no io/, no editor and no fs; lsp/ no cli/; io/ neither', () => {
    const v = violations(files);
    assert.deepStrictEqual(v, [], `\n${describeViolations(v)}`);
  });

  it('names the file and the import that break a rule (the check can fail)', () => {
    const broken = new Map<string, string>([
      ['rules/x.ts', "import * as fs from 'node:fs';\nimport { readTextFile } from '../io/files';\nexport const y = require('fs');"],
      ['history/y.ts', "import type { Session } from '../lsp/session';\nimport { Connection } from 'vscode-languageserver/node';\nconst m = await import('../cli/main');"],
      ['check.ts', "import { runCli } from './cli/main';"],
      ['lsp/z.ts', "import { runImport } from '../cli/import';\nimport { collectMarkdown } from '../io/files';\nimport * as fs from 'fs';"],
      ['io/w.ts', "export { Session } from '../lsp/session';\nimport * as fs from 'fs';"],
      ['domain/eras.ts', "// import * as fs from 'fs';\n/* import '../cli/main'; */\nimport { eraFor } from '../profiles/load';"],
    ]);
    const found = violations(broken).map((v) => `${v.file} ${v.spec}`);
    assert.deepStrictEqual(found, [
      'rules/x.ts node:fs', 'rules/x.ts ../io/files', 'rules/x.ts fs',
      'history/y.ts ../lsp/session', 'history/y.ts vscode-languageserver/node', 'history/y.ts ../cli/main',
      'check.ts ./cli/main',
      'lsp/z.ts ../cli/import',
      'io/w.ts ../lsp/session',
    ]);
    assert.match(describeViolations(violations(broken)), /^rules\/x\.ts imports 'node:fs': the core never imports fs/m);
  });
});
