/**
 * The editor's import command takes a Word draft too: the language server
 * runs the same importer, writing into the chosen folder.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, type ImportCommandResult } from '../../../server/src/lsp/protocol';
import { withServer } from '../../lsp/client';
import { abstractNum, ilacsTitlePage, makeDocx, num, p } from './make';

describe('language server: import command with a Word draft', function () {
  this.timeout(60_000);
  const server = withServer('ir-import-docx-');

  it('imports a .docx into the chosen folder and reports a file that is not one without writing', async () => {
    const docx = path.join(server.dir, 'draft.docx');
    const numbering = abstractNum(0, [{ ilvl: 0, text: '%1.' }]) + num(1, 0);
    fs.writeFileSync(docx, await makeDocx(ilacsTitlePage() + p('The experiences and progress of children in care and care leavers: good', { style: 'Heading2' }) + p('Children are seen.', { numId: 1 }), { numbering }));
    const bad = path.join(server.dir, 'bad.docx');
    fs.writeFileSync(bad, 'text, not a zip');
    const out = path.join(server.dir, 'history');
    const r = await server.client.request<ImportCommandResult>('workspace/executeCommand', { command: COMMANDS.importReports, arguments: [[docx, bad], out] }, 30_000);
    assert.strictEqual(r.code, 1, r.messages.join('\n'));
    assert.strictEqual(r.imported.length, 1);
    assert.match(fs.readFileSync(r.imported[0], 'utf8'), /^1\. Children are seen\.$/m);
    assert.ok(r.messages.some((m) => m.includes('bad.docx: cannot import: not a Word document')), r.messages.join('\n'));
  });
});
