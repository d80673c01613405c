import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, type ExportCommandResult } from '../../server/src/lsp/protocol';
import { readDocx } from '../export/readDocx';
import { fileUri, ROOT, withServer } from './client';

const CLEAN = path.join(ROOT, 'examples', 'history', 'wexbridge-city', '2019-06-ilacs.md');
const WITH_ERRORS = path.join(ROOT, 'examples', 'drafts', '2025-02-ilacs.md');

/** Issue 15: "Inspection Reports: Export to Word" exports the open document in the server. */
describe('language server: export to Word command', function () {
  this.timeout(60_000);
  const server = withServer('ir-export-');

  const run = (uri: unknown, out: unknown, options?: unknown) =>
    server.client.request<ExportCommandResult>('workspace/executeCommand', { command: COMMANDS.exportWord, arguments: [uri, out, options] }, 30_000);

  const open = async (source: string, name: string) => {
    const uri = fileUri(path.join(server.dir, name));
    server.client.open(uri, fs.readFileSync(source, 'utf8'));
    await server.client.waitForDiagnostics(uri);
    return uri;
  };

  it('exports the open report as the editor has it, and replaces a file only with force', async () => {
    const uri = await open(CLEAN, 'report.md');
    const out = path.join(server.dir, 'report.docx');
    const r = await run(uri, out, {});
    assert.strictEqual(r.ok, true, r.message);
    assert.strictEqual(r.file, out);
    const doc = await readDocx(fs.readFileSync(out));
    assert.strictEqual(doc.properties.get('inspection-reports-kind'), 'ilacs');
    const again = await run(uri, out, {});
    assert.strictEqual(again.ok, false);
    assert.match(again.message, /already exists; not replaced/);
    assert.strictEqual((await run(uri, out, { force: true })).ok, true);
  });

  it('refuses a report with errors, listing them, until allowed', async () => {
    const uri = await open(WITH_ERRORS, 'draft.md');
    const out = path.join(server.dir, 'draft.docx');
    const r = await run(uri, out, {});
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.refused, true);
    assert.ok(r.errorCount >= 2);
    assert.ok(r.errors.some((e) => /^\d+:\d+ paragraph-numbering /.test(e)), r.errors.join('\n'));
    assert.ok(!fs.existsSync(out));
    const allowed = await run(uri, out, { allowErrors: true });
    assert.strictEqual(allowed.ok, true, allowed.message);
    assert.match(allowed.message, /despite \d+ errors/);
    assert.ok(fs.existsSync(out));
  });

  it('says what is missing: no document, not open, not a report', async () => {
    assert.match((await run(undefined, 'x.docx')).message, /Give a report/);
    assert.match((await run(fileUri(path.join(server.dir, 'closed.md')), path.join(server.dir, 'x.docx'))).message, /not open/);
    const uri = fileUri(path.join(server.dir, 'notes.md'));
    server.client.open(uri, '# Notes\n');
    await new Promise((r) => setTimeout(r, 50));
    assert.match((await run(uri, path.join(server.dir, 'x.docx'))).message, /not a report/);
    assert.ok(!fs.existsSync(path.join(server.dir, 'x.docx')));
  });
});
