import * as assert from 'assert';
import * as path from 'path';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './client';
import { ilacsReport, lineOf } from './reports';

describe('language server: hover, completion, symbols and folding over JSON-RPC', function () {
  let client: LspClient;
  const uri = fileUri(path.join(__dirname, 'virtual-draft.md'));
  let text: string;

  before(async function () {
    this.timeout(120_000);
    ensureBuilt();
    client = new LspClient({ settings: { debounce: 0 } });
    await client.initialize();
    text = ilacsReport();
    client.open(uri, text);
    await client.current(uri);
  });

  after(async () => {
    await client.stop();
  });

  const at = (needle: string, delta = 0) => {
    const line = lineOf(text, needle);
    return { line, character: text.split('\n')[line].indexOf(needle) + delta };
  };
  const hover = async (pos: { line: number; character: number }) => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
    return h ? (h.contents as MarkupContent).value : undefined;
  };

  it("shows the rule in one line with a link to its docs page on a diagnostic", async () => {
    const value = await hover(at('Requires improvement |', 3));
    assert.ok(value, 'no hover');
    assert.match(value, /^\*\*grade-wording\*\*: .+ \(\[rule page\]\(file:\/\/\/.+\/grade-wording\.md\)\)$/m);
    assert.doesNotMatch(value, /## What it checks/);
  });

  it('explains a judgement name: exact name, eras, and whether this report has it', async () => {
    const value = await hover(at('The experiences and progress of children in care and care leavers |', 5));
    assert.ok(value);
    assert.match(value, /\*\*Judgement:\*\* The experiences and progress of children in care and care leavers/);
    assert.match(value, /ILACS, inspections starting 1 January 2018 to 15 January 2023/);
    assert.match(value, /This report .* has this judgement/);
  });

  it('explains a grade and the form its place needs', async () => {
    const value = await hover(at('Requires improvement to be good |', 2));
    assert.ok(value);
    assert.match(value, /\*\*Grade:\*\* Requires improvement to be good: the third of the four ILACS grades/);
    assert.match(value, /sentence case/);
  });

  it('has nothing to say on plain text', async () => {
    assert.strictEqual(await hover(at('Inspection dates:', 2)), undefined);
  });

  const complete = async (pos: { line: number; character: number }) =>
    client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: pos });

  it("completes grades in the table's grade column", async () => {
    const items = await complete(at('| Inadequate |', 3));
    assert.deepStrictEqual(items.map((i) => i.label), ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate']);
    const edit = items[0].textEdit as TextEdit;
    const line = text.split('\n')[edit.range.start.line];
    assert.strictEqual(line.slice(edit.range.start.character, edit.range.end.character), 'Inadequate');
  });

  it('completes judgement names of the report era only, not those already in the table', async () => {
    // A new row under the table.
    const row = lineOf(text, '| Overall effectiveness |');
    const lines = text.split('\n');
    lines.splice(row + 1, 0, '| The exp');
    const next = lines.join('\n');
    client.change(uri, next);
    await client.current(uri);
    try {
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: row + 1, character: 9 } });
      const labels = items.map((i) => i.label);
      assert.deepStrictEqual(labels, []); // every judgement of the 2018 set is already in the table
      lines[row - 2] = '| Placeholder | Inadequate |'; // drop help and protection from the table
      client.change(uri, lines.join('\n'));
      await client.current(uri);
      const again = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: row + 1, character: 9 } });
      assert.deepStrictEqual(again.map((i) => i.label), ['The experiences and progress of children who need help and protection']);
    } finally {
      client.change(uri, text);
      await client.current(uri);
    }
  });

  it('completes lower-case grades after a judgement name in a heading (2021 on)', async () => {
    const items = await complete(at('help and protection: Inadequate', 'help and protection: '.length));
    assert.deepStrictEqual(items.map((i) => i.label), ['outstanding', 'good', 'requires improvement to be good', 'inadequate']);
  });

  it('completes the headings a report still lacks, and the full form of an abbreviation', async () => {
    const lines = text.split('\n');
    const h = lineOf(text, '## What needs to improve?');
    lines[h] = '## ';
    lines.push('', 'Referrals go to the MASH');
    client.change(uri, lines.join('\n'));
    await client.current(uri);
    try {
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: h, character: 3 } });
      assert.ok(items.some((i) => i.label === 'What needs to improve?'), items.map((i) => i.label).join('\n'));
      const last = lines.length - 1;
      const abbr = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: last, character: lines[last].length } });
      assert.deepStrictEqual(abbr.map((i) => i.label), ['multi-agency safeguarding hub (MASH)']);
    } finally {
      client.change(uri, text);
      await client.current(uri);
    }
  });

  it('outlines the judgement table, sections with grades, paragraphs and findings', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((s) => s.name);
    assert.deepStrictEqual(names.slice(0, 3), ['Front matter', "Inspection of Exampleton City local authority children's services", 'Judgement table']);
    const table = symbols.find((s) => s.name === 'Judgement table')!;
    assert.strictEqual(table.children!.length, 4);
    assert.strictEqual(table.children![0].detail, 'Requires improvement');
    const help = symbols.find((s) => s.name === 'The experiences and progress of children who need help and protection')!;
    assert.strictEqual(help.detail, 'Inadequate');
    assert.deepStrictEqual(help.children!.map((c) => c.name), ['1.', '2.']);
    assert.match(help.children![0].detail!, /\(para-1\)$/);
    const wni = symbols.find((s) => s.name === 'What needs to improve?')!;
    assert.deepStrictEqual(wni.children!.map((c) => c.name), ['wni-1', 'wni-2']);
  });

  it('folds the front matter, the table and the sections', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 6));
    const table = lineOf(text, '| Judgement | Grade |');
    assert.ok(folds.some((f) => f.startLine === table && f.endLine === table + 5));
    const wni = lineOf(text, '## What needs to improve?');
    assert.ok(folds.some((f) => f.startLine === wni && f.endLine === wni + 3));
  });
});
