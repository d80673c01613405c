// Issue 12, the editor's rough edges, over real JSON-RPC against the built server:
// snippets offered while typing (item 8), rule ids in disable comments (item 12),
// the status counts (item 10) and one outline (item 9).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './client';

const items = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []);

const DRAFT = [
  '---', 'report: ilacs', 'authority: Exampleton City Council', 'inspection-dates: 2026-05-11 to 2026-05-22', 'published: 2026-07-01', 'lead-inspector: Jane Example', '---', '',
  '# Inspection of Exampleton City local authority children’s services', '',
  '## The experiences and progress of children who need help and protection: good', '',
  '1. Social workers visit children regularly.', '2. Managers review plans.', '',
  '', // line 16: where the tests type
  '',
].join('\n');

describe('language server: issue 12 editor items over JSON-RPC', function () {
  let client: LspClient;
  let dir: string;
  let uri: string;

  before(async function () {
    this.timeout(120_000);
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-editor-ui-'));
    uri = fileUri(path.join(dir, 'draft.md'));
    client = new LspClient({ settings: { debounce: 0 }, workspaceFolders: [dir] });
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const typeAt = async (line: number, typed: string, triggerCharacter?: string) => {
    const lines = DRAFT.split('\n');
    lines[line] = typed;
    const text = lines.join('\n');
    if (client.docs.has(uri)) client.change(uri, text);
    else client.open(uri, text);
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    return items(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length }, context }));
  };

  it("advertises '-' as a trigger character, so the ir- snippets come while typing (quick suggestions are off in Markdown)", async () => {
    const c2 = new LspClient();
    try {
      const init = await c2.initialize();
      assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes('-'));
    } finally {
      await c2.stop();
    }
  });

  it("answers 'ir-' with snippets, the report's era's table first and preselected, numbered from the next paragraph", async () => {
    const list = await typeAt(16, 'ir-', '-');
    assert.ok(list.length > 0, 'no completion after ir-');
    assert.strictEqual(list[0].label, 'ir-table-2026');
    assert.strictEqual(list[0].preselect, true);
    assert.strictEqual(list[0].kind, CompletionItemKind.Snippet);
    assert.strictEqual(list[0].insertTextFormat, InsertTextFormat.Snippet);
    assert.match(list[0].labelDetails?.description ?? '', /this report/);
    assert.ok(list.some((i) => i.label === 'ir-table-2018') && list.some((i) => i.label === 'ir-table-2023'), 'the other eras are gone');
    const sorted = [...list].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(sorted[0].label, 'ir-table-2026');
    const edit = list[0].textEdit as TextEdit;
    assert.deepStrictEqual(edit.range, { start: { line: 16, character: 0 }, end: { line: 16, character: 3 } });
    const section = list.find((i) => i.label === 'ir-judgement-section')!;
    assert.match((section.textEdit as TextEdit).newText, /^\$\{3:3\}\. \$0$/m);
  });

  it("gives nothing after a '-' in prose, in a heading, or for a bullet", async () => {
    assert.deepStrictEqual(await typeAt(16, 'The multi-', '-'), []);
    assert.deepStrictEqual(await typeAt(16, '## What needs-', '-'), []);
    assert.deepStrictEqual(await typeAt(16, '-', '-'), []);
  });

  it('offers every rule id in a disable comment, the history rules too', async () => {
    const list = await typeAt(16, '<!-- inspection-reports-disable-next-line ');
    const labels = list.map((i) => i.label);
    for (const id of ['finding-links', 'recurring-concern', 'quoted-grade', 'paragraph-numbering']) assert.ok(labels.includes(id), `${id}: ${labels.join(', ')}`);
  });

  it('sends warnings in the status, so a letter with two warnings is not "0 errors"', async () => {
    const letter = [
      '---', 'report: focused-visit', 'authority: Exampleshire County Council', 'inspection-dates: 2025-02-04', 'published: 2025-03-03', 'inspectors: [First Inspector]', '---', '',
      '# Focused visit to Exampleshire County Council children’s services', '',
      'Dear Director,', '',
      'This letter summarises the findings of a focused visit to Exampleshire County Council children’s services on 4 February 2025. The visit focussed on care leavers.', '',
      '## Overview', '', 'About 15 per cent of care leavers had no plan.', '',
      '## What needs to improve in this area of social work practice', '', '- The timeliness of plans', '',
      '## Findings', '', '- Plans are late.', '',
      'Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.', '',
      'Yours sincerely,', '', 'First Inspector', 'His Majesty’s Inspector', '',
    ].join('\n');
    const u = fileUri(path.join(dir, 'letter.md'));
    client.open(u, letter);
    const p = await client.current(u);
    const warnings = p.diagnostics.filter((d) => d.severity === 2);
    assert.deepStrictEqual(warnings.map((d) => d.code).sort(), ['focused-spelling', 'per-cent']);
    const status = client.statuses.get(u)!;
    assert.strictEqual(status.warnings, 2);
    assert.strictEqual(status.errors, p.diagnostics.filter((d) => d.severity === 1).length);
  });

  it('gives no second outline to an editor that has its own for Markdown (VS Code), and its outline to others', async () => {
    const vscodeLike = new LspClient({ initializationOptions: { markdownOutline: true } });
    const other = new LspClient();
    try {
      assert.strictEqual((await vscodeLike.initialize()).capabilities.documentSymbolProvider, undefined);
      assert.deepStrictEqual((await other.initialize()).capabilities.documentSymbolProvider, { label: 'Inspection report' });
      const u = fileUri(path.join(dir, 'outline.md'));
      other.open(u, DRAFT);
      const symbols = await other.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      assert.ok(symbols.some((s) => s.name === 'Front matter'), symbols.map((s) => s.name).join(', '));
    } finally {
      await vscodeLike.stop();
      await other.stop();
    }
  });

  it('the VS Code extension asks for no second outline', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(source, /initializationOptions: \{ markdownOutline: true \}/);
  });
});
