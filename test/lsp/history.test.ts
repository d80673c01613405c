import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type {
  CodeAction, CodeLens, CompletionItem, CompletionList, DocumentLink, Hover, Location, MarkupContent, TextEdit,
} from 'vscode-languageserver-protocol';
import type { FollowUpResult, HistoryViewResult } from '../../server/src/lsp/protocol';
import { ensureBuilt, LspClient, messageOf } from './client';
import { copyExamples, eventually, FOCUSED_VISIT_2023, historyReady, lineStarting, positionOf, uriIn } from './historyWorkspace';

const DRAFT = 'drafts/2025-02-ilacs.md';
const H2019 = 'history/wexbridge-city/2019-06-ilacs.md';

describe('language server: the history over JSON-RPC (hover, lenses, links, fixes, diagnostics, commands)', function () {
  let client: LspClient;
  let dir: string;
  let uri: string;
  let text: string;

  before(async function () {
    this.timeout(120_000);
    ensureBuilt();
    dir = copyExamples();
    client = new LspClient({ workspaceFolders: [dir], settings: { debounce: 0 } });
    await client.initialize();
    uri = uriIn(dir, DRAFT);
    text = fs.readFileSync(path.join(dir, DRAFT), 'utf8');
    client.open(uri, text);
    await client.current(uri);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hover = async (pos: { line: number; character: number }, u = uri) => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: pos });
    return h ? (h.contents as MarkupContent).value : undefined;
  };
  /** Diagnostics of the current version once the history's are in (the history loads in the background). */
  const withHistory = (u = uri, test: (codes: string[]) => boolean = (c) => c.includes('recurring-concern')) =>
    eventually('history diagnostics', async () => client.current(u), (p) => test(p.diagnostics.map((d) => String(d.code))));

  const withHistory2 = (u: string) => withHistory(u, (c) => c.some((x) => x === 'recurring-concern' || x === 'finding-links' || x === 'quoted-grade'));

  it('reads the workspace in the background and says when it is ready', async () => {
    const h = await historyReady(client);
    assert.strictEqual(h.reports, 8, 'three earlier reports and five drafts');
    assert.deepStrictEqual(h.roots, [dir]);
    assert.strictEqual(h.problems, 0);
    assert.ok(client.logs.some((l) => /history: 8 reports indexed from 1 folder in \d+ ms/.test(l)), client.logs.join('\n'));
  });

  it("shows a finding's history on hover, oldest first, with grades then and links", async () => {
    await historyReady(client);
    const value = await hover(positionOf(text, 'Return home interviews are now offered', 5));
    assert.ok(value, 'no hover');
    assert.match(value, /\*\*Earlier findings\*\* \(\d\)/);
    const labels = [...value.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    assert.deepStrictEqual(labels.slice(0, 3), ['2019 inspection', 'second monitoring visit, January 2020', 'focused visit, May 2021']);
    // The 2019 entry: date, grade then (help and protection, 2019), link to the finding the draft links to, at its line.
    const line2019 = lineStarting(path.join(dir, H2019), '12. ');
    const first = value.split('\n').find((l) => l.startsWith('- **2019 inspection**'))!;
    assert.match(first, /\(26 July 2019\) · Inadequate: \[paragraph 12\]\(file:\/\/[^)]*2019-06-ilacs\.md#L(\d+)\) _linked(, named here)?_/);
    assert.strictEqual(Number(/#L(\d+)/.exec(first)![1]), line2019 + 1);
    assert.match(value, /> Children who go missing from home or care are not consistently offered a return/);
  });

  it('puts a code lens above a finding with earlier matches, opening them in a peek view', async () => {
    await historyReady(client);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const at = positionOf(text, '13. Return home interviews');
    const lens = lenses.find((l) => l.range.start.line === at.line);
    assert.ok(lens, `no lens on line ${at.line}: ${lenses.map((l) => l.range.start.line).join(', ')}`);
    assert.match(lens.command!.title, /^\d earlier findings?$/);
    assert.strictEqual(lens.command!.command, 'inspectionReports.showEarlierFindings');
    const [u, pos, locations] = lens.command!.arguments as [string, { line: number }, Location[]];
    assert.strictEqual(u, uri);
    assert.strictEqual(pos.line, at.line);
    assert.strictEqual(locations.length, Number(lens.command!.title[0]));
    assert.ok(locations.every((l) => l.uri.startsWith(uriIn(dir, '')) && l.uri !== uri));
    assert.ok(locations.some((l) => l.uri.endsWith('2019-06-ilacs.md') && l.range.start.line === lineStarting(path.join(dir, H2019), '12. ')));
    assert.ok(lenses.length >= 20, `only ${lenses.length} lenses`);
  });

  it('offers "Link to earlier finding" as a quick fix and inserts the dialect\'s link', async () => {
    await historyReady(client);
    const at = positionOf(text, 'Homeless 16- and 17-year-olds are seen promptly', 3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const link = actions.filter((a) => a.title.startsWith('Link to earlier finding: '));
    assert.ok(link.length >= 1, actions.map((a) => a.title).join('\n'));
    assert.match(link[0].title, /^Link to earlier finding: 2019 inspection, (improvement item|paragraph) \d+$/);
    const para13 = link.find((a) => a.title === 'Link to earlier finding: 2019 inspection, paragraph 13');
    assert.ok(para13, link.map((a) => a.title).join('\n'));
    const before = client.text(uri);
    try {
      assert.ok(client.applyWorkspaceEdit(para13.edit!));
      const after = client.text(uri);
      assert.match(after, /in emergency accommodation while decisions were made \(\[2019 inspection, paragraph 13\]\(\.\.\/history\/wexbridge-city\/2019-06-ilacs\.md#para-13\)\)\./);
      assert.strictEqual(after.length - before.length, ' ([2019 inspection, paragraph 13](../history/wexbridge-city/2019-06-ilacs.md#para-13))'.length);
      // The new link is a document link at once, and that finding's history now marks it linked.
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
      assert.ok(links.some((l) => /2019-06-ilacs\.md#L\d+$/.test(l.target!) && l.tooltip === 'Open 2019 inspection, paragraph 13'));
    } finally {
      client.change(uri, before);
      await client.current(uri);
    }
  });

  it('makes finding links and named reports document links, and goes to their definition', async () => {
    await historyReady(client);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const line2019 = lineStarting(path.join(dir, H2019), '12. ');
    const at = positionOf(text, '([2019 inspection, paragraph 12]', 5);
    const link = links.find((l) => l.range.start.line === at.line);
    assert.ok(link, JSON.stringify(links));
    assert.strictEqual(link.target, `${uriIn(dir, H2019)}#L${line2019 + 1}`);
    assert.strictEqual(link.tooltip, 'Open 2019 inspection, paragraph 12');
    // "since the inspection in June 2019" style mentions lead to that report.
    assert.ok(links.some((l) => l.tooltip === 'Open the 2019 inspection' && l.target === uriIn(dir, H2019)), links.map((l) => l.tooltip).join('\n'));
    const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: at });
    assert.deepStrictEqual(def, { uri: uriIn(dir, H2019), range: { start: { line: line2019, character: 0 }, end: { line: line2019 + 1, character: 0 } } });
    const none = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'Disabled children receive') });
    assert.strictEqual(none, null);
  });

  it('completes finding links after "](": the finding\'s matches first', async () => {
    await historyReady(client);
    const anchor = 'breaks are well matched to families\' needs.';
    const pos = positionOf(text, anchor, anchor.length - 1);
    const edited = `${text.slice(0, text.indexOf(anchor) + anchor.length - 1)} ([earlier](${text.slice(text.indexOf(anchor) + anchor.length - 1)}`;
    client.change(uri, edited);
    try {
      await client.current(uri);
      const cursor = { line: pos.line, character: pos.character + ' ([earlier]('.length };
      const r = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: cursor, context: { triggerKind: 2, triggerCharacter: '(' } });
      const items = Array.isArray(r) ? r : r.items;
      assert.ok(items.length > 20, `${items.length} items`);
      const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
      assert.match(sorted[0].label, /^(2019 inspection|second monitoring visit, January 2020|focused visit, May 2021), /);
      assert.match(sorted[0].detail!, /^\d+% match$/);
      const edit = sorted[0].textEdit as TextEdit;
      assert.match(edit.newText, /^\.\.\/history\/wexbridge-city\/[0-9a-z-]+\.md#(para|wni|finding)-\d+$/);
      assert.deepStrictEqual(edit.range, { start: cursor, end: cursor });
      // Not in a link target: the core's completion, no finding links.
      const plain = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(edited, 'Disabled children', 3) });
      assert.ok(!plain.some((i) => /inspection, paragraph/.test(i.label)));
    } finally {
      client.change(uri, text);
      await client.current(uri);
    }
  });

  it('publishes recurring concerns with the core diagnostics, as information with a link fix', async () => {
    const p = await withHistory();
    const rc = p.diagnostics.filter((d) => d.code === 'recurring-concern');
    assert.ok(rc.length >= 3, JSON.stringify(rc));
    assert.ok(rc.every((d) => d.severity === 3 && d.source === 'inspection-reports'));
    assert.ok(rc.every((d) => d.codeDescription?.href.endsWith('/recurring-concern.md')));
    assert.match(messageOf(rc[0]), /^This concern was an improvement item in the .+ Say what progress has been made since then\./);
    // The core's problems are there too, in the same publication.
    assert.ok(p.diagnostics.some((d) => d.code === 'grade-wording'));
    assert.ok(p.diagnostics.some((d) => d.code === 'paragraph-numbering'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rc[0].range, context: { diagnostics: [rc[0]] } });
    assert.ok(actions.some((a) => a.title.startsWith('Link to earlier finding: ') && a.diagnostics?.length === 1), actions.map((a) => a.title).join('\n'));
    assert.ok(actions.some((a) => a.title === 'Disable recurring-concern for this line'));
    assert.ok(!actions.some((a) => a.title === 'Fix all recurring-concern problems'), 'history fixes are never fix-all');
  });

  it('"check workspace" publishes closed reports with their history diagnostics (the same pipeline)', async () => {
    await historyReady(client);
    await client.request('workspace/executeCommand', { command: 'inspectionReports.server.checkWorkspace', arguments: [] }, 30_000);
    const historyCodes = new Set(['recurring-concern', 'finding-links', 'quoted-grade']);
    const closed = fs.readdirSync(path.join(dir, 'drafts')).map((f) => uriIn(dir, `drafts/${f}`)).filter((u) => u !== uri);
    const withHistory = closed.filter((u) => client.diagnostics.get(u)?.diagnostics.some((d) => historyCodes.has(String(d.code))));
    assert.ok(withHistory.length > 0, 'a closed draft published with its history diagnostics');
    const target = withHistory[0];
    const fromDisk = client.diagnostics.get(target)!;
    assert.equal(fromDisk.version, undefined, 'published from disk');
    const codes = fromDisk.diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`).sort();
    // The same file opened in the editor gets the same findings.
    client.open(target, fs.readFileSync(fileURLToPath(target), 'utf8'));
    try {
      const opened = await withHistory2(target);
      assert.deepEqual(opened.diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`).sort(), codes);
    } finally {
      client.close(target);
    }
  });

  it('on a published record (a report in a history folder) finds defects but gives no drafting advice', async () => {
    await historyReady(client);
    // The same text as a draft and as a record in the history folder.
    const text = fs.readFileSync(path.join(dir, DRAFT), 'utf8');
    const record = uriIn(dir, 'history/wexbridge-city/2025-02-ilacs-copy.md');
    fs.writeFileSync(fileURLToPath(record), text);
    client.open(record, text);
    try {
      const asDraft = await withHistory();
      const asRecord = await client.current(record);
      const recordCodes = asRecord.diagnostics.map((d) => String(d.code));
      assert.ok(asDraft.diagnostics.some((d) => d.code === 'recurring-concern'));
      assert.ok(!recordCodes.includes('recurring-concern'), recordCodes.join(' '));
      // Real defects are still found there: the draft's grade wording and numbering problems.
      for (const code of ['grade-wording', 'paragraph-numbering']) assert.ok(recordCodes.includes(code), `${code} in ${recordCodes.join(' ')}`);
      const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: record } });
      assert.deepEqual(lenses, [], 'no code lenses on a record');
    } finally {
      client.close(record);
      fs.rmSync(fileURLToPath(record));
    }
  });

  it('leads the hover on a finding with a problem with its history, the rule after it in one line', async () => {
    const p = await withHistory();
    const rc = p.diagnostics.find((d) => d.code === 'recurring-concern')!;
    // Underlined at the paragraph's number.
    assert.match(text.split('\n')[rc.range.start.line].slice(rc.range.start.character, rc.range.end.character), /^\d+\.$/);
    const value = (await hover(rc.range.start))!;
    assert.ok(value.startsWith('**Earlier findings**'), value.slice(0, 200));
    const ruleLine = value.split('\n').find((l) => l.startsWith('**recurring-concern**'));
    assert.ok(ruleLine && /\(\[rule page\]\(file:\/\/\/.+recurring-concern\.md\)\)$/.test(ruleLine), ruleLine);
    assert.ok(value.indexOf('**Earlier findings**') < value.indexOf('**recurring-concern**'));
    assert.ok(!value.includes('## Switching it off'), 'not the whole rule page');
  });

  it('points related information at the earlier report\'s own line, as a file URI', async () => {
    const p = await withHistory();
    const related = p.diagnostics.filter((d) => d.code === 'recurring-concern').flatMap((d) => d.relatedInformation ?? []);
    assert.ok(related.length >= 3, JSON.stringify(p.diagnostics.map((d) => d.code)));
    for (const r of related) {
      assert.match(r.location.uri, /^file:\/\/\//, `a URI, not a path: ${r.location.uri}`);
      assert.notEqual(r.location.uri, uri, 'the earlier report, not the draft');
      const lines = fs.readFileSync(fileURLToPath(r.location.uri), 'utf8').split('\n');
      const line = lines[r.location.range.start.line] ?? '';
      // The message is "<link text>: <excerpt of the earlier finding>"; the line the location opens starts that finding.
      const words = r.message.slice(r.message.indexOf(': ') + 2).split(/\s+/).slice(0, 3).join(' ');
      assert.ok(line.includes(words), `line ${r.location.range.start.line + 1} of ${r.location.uri} is '${line}', not the finding '${words} ...'`);
    }
  });

  it('reports a broken finding link, a missing file, and follows the fix of the link at once', async () => {
    await withHistory();
    const broken = text.replace('2019-06-ilacs.md#para-12', '2019-06-ilacs.md#para-99');
    client.change(uri, broken);
    try {
      const p = await withHistory(uri, (c) => c.includes('finding-links'));
      const d = p.diagnostics.find((x) => x.code === 'finding-links')!;
      assert.strictEqual(d.severity, 1);
      assert.match(messageOf(d), /^There is no finding 'para-99' in '\.\.\/history\/wexbridge-city\/2019-06-ilacs\.md' \(2019 inspection\)\. Nearest: para-32/);
      client.change(uri, text.replace('2019-06-ilacs.md#para-12', '2018-06-ilacs.md#para-12'));
      const q = await withHistory(uri, (c) => c.includes('finding-links'));
      assert.match(messageOf(q.diagnostics.find((x) => x.code === 'finding-links')!), /^There is no file '\.\.\/history\/wexbridge-city\/2018-06-ilacs\.md'\./);
    } finally {
      client.change(uri, text);
    }
    const ok = await withHistory();
    assert.ok(!ok.diagnostics.some((d) => d.code === 'finding-links'));
  });

  it('checks a grade a scrutiny report quotes against the inspection it names, with a fix', async () => {
    await historyReady(client);
    const su = uriIn(dir, 'drafts/2025-04-scrutiny.md');
    const original = fs.readFileSync(path.join(dir, 'drafts/2025-04-scrutiny.md'), 'utf8');
    const st = original.replace('in June 2019 and were judged inadequate', 'in June 2019 and were judged good');
    assert.notStrictEqual(st, original);
    client.open(su, st);
    try {
      const p = await withHistory(su, (c) => c.includes('quoted-grade'));
      const d = p.diagnostics.find((x) => x.code === 'quoted-grade')!;
      assert.strictEqual(d.severity, 2);
      assert.match(messageOf(d), /^The 2019 inspection \(June 2019\) judged overall effectiveness 'inadequate', not 'good'\./);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: su }, range: d.range, context: { diagnostics: [d] } });
      const fix = actions.find((a) => a.title === "Replace with 'inadequate'")!;
      assert.ok(fix, actions.map((a) => a.title).join('\n'));
      assert.ok(client.applyWorkspaceEdit(fix.edit!));
      assert.strictEqual(client.text(su), original);
      const q = await withHistory(su, (c) => !c.includes('quoted-grade'));
      assert.ok(!q.diagnostics.some((x) => x.code === 'quoted-grade'));
    } finally {
      client.close(su);
    }
  });

  it('switches history rules off from settings and with disable comments', async () => {
    await withHistory();
    const settings = client.settings;
    client.changeSettings({ ...settings, rules: { 'recurring-concern': 'off' } });
    try {
      await eventually('recurring concerns off', () => client.current(uri), (p) => !p.diagnostics.some((d) => d.code === 'recurring-concern') && p.diagnostics.length > 0);
    } finally {
      client.changeSettings(settings);
    }
    await withHistory();
    const disabled = `${text.replace(/\n---\n/, '\n---\n\n<!-- inspection-reports-disable recurring-concern -->\n')}`;
    client.change(uri, disabled);
    try {
      const p = await eventually('disable comment applied', () => client.current(uri), (x) => x.diagnostics.some((d) => d.code === 'grade-wording'));
      assert.ok(!p.diagnostics.some((d) => d.code === 'recurring-concern'));
    } finally {
      client.change(uri, text);
      await withHistory();
    }
  });

  it('follows up the previous improvement items (server command)', async () => {
    await historyReady(client);
    const r = await client.request<FollowUpResult>('workspace/executeCommand', { command: 'inspectionReports.server.followUp', arguments: [uri] });
    assert.ok(r.ok, r.message);
    assert.strictEqual(r.report!.label, 'focused visit, May 2021');
    assert.strictEqual(r.items!.length, 3);
    assert.ok(r.items!.every((i) => i.uri.endsWith('2021-05-focused-visit.md') && /^wni-\d$/.test(i.findingId)));
    assert.ok(r.items!.some((i) => i.addressedBy.length > 0));
    assert.strictEqual(r.unaddressed, r.items!.filter((i) => i.addressedBy.length === 0).length);
    assert.match(r.message, /^\d of 3 improvement items of the focused visit, May 2021 are addressed in the draft\.$/);
    assert.match(r.markdown!, /^# Follow-up of improvement items: focused visit, May 2021\n/);
    assert.match(r.markdown!, /## Not addressed in the draft \(\d\)/);
    assert.match(r.markdown!, /\[paragraph \d+\]\(file:\/\/[^)]+2025-02-ilacs\.md#L\d+\) \(match \d+%\)/);
    const bad = await client.request<FollowUpResult>('workspace/executeCommand', { command: 'inspectionReports.server.followUp', arguments: ['file:///not/open.md'] });
    assert.deepStrictEqual(bad, { ok: false, message: 'That document is not open.' });
  });

  it('draws the history view: the chart as inline SVG, no scripts, a strict CSP, the recurring concerns', async () => {
    await historyReady(client);
    const r = await client.request<HistoryViewResult>('workspace/executeCommand', { command: 'inspectionReports.server.historyView', arguments: [uri] });
    assert.ok(r.ok, r.message);
    assert.strictEqual(r.title, 'History: Wexbridge City Council');
    const html = r.html!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    assert.match(csp, /^default-src 'none'; style-src 'nonce-[0-9a-f]{32}'; img-src data:;$/);
    assert.ok(!/<script|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i.test(html), 'no scripts and nothing fetched');
    assert.strictEqual((html.match(/<svg [^>]*class="history-chart"/g) ?? []).length, 1, 'one chart (the keys in the legend are small SVGs of their own)');
    assert.match(html, /<title id="history-chart-title">Grades at each inspection: Wexbridge City Council<\/title>/);
    assert.match(html, /Overall effectiveness: inadequate \(2019 inspection\), requires improvement to be good \(2025 inspection\)/);
    assert.strictEqual(r.concerns, (html.match(/<li><span class="where">/g) ?? []).length);
    assert.ok(r.concerns! >= 3);
    assert.match(html, /href="command:inspectionReports\.openLocation\?[^"]+"/);
  });

  it('follows history files as they are created, changed and deleted, without a restart', async () => {
    const before = await historyReady(client);
    const at = positionOf(text, 'Disabled children receive a sensitive', 3);
    const lensLabel = async () => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).find((l) => l.range.start.line === at.line)?.command?.title;
    assert.doesNotMatch((await hover(at)) ?? '', /focused visit, March 2023/);
    const file = path.join(dir, 'history/wexbridge-city/2023-03-focused-visit.md');
    fs.writeFileSync(file, FOCUSED_VISIT_2023);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(dir, 'history/wexbridge-city/2023-03-focused-visit.md'), type: 1 }] });
    await eventually('the new letter in the index', () => historyReady(client), (h) => h.reports === before.reports + 1);
    const value = await eventually('the hover to show it', () => hover(at), (v) => /focused visit, March 2023/.test(v ?? ''));
    assert.match(value!, /\[finding \d\]\(file:[^)]*2023-03-focused-visit\.md#L\d+\)/);
    assert.match((await lensLabel()) ?? '', /^\d earlier findings?$/);
    // Changed on disk: the finding now says something else.
    fs.writeFileSync(file, FOCUSED_VISIT_2023.replace(/- Social workers in the disabled children's team[^\n]*\n/, '').replace(/- Short breaks[^\n]*\n/, '- Care leavers are helped to find work and training.\n'));
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(dir, 'history/wexbridge-city/2023-03-focused-visit.md'), type: 2 }] });
    await eventually('the changed letter to drop out of the hover', () => hover(at), (v) => !/focused visit, March 2023/.test(v ?? ''));
    // Renamed (delete + create) then deleted.
    fs.writeFileSync(file, FOCUSED_VISIT_2023);
    const moved = path.join(dir, 'history/wexbridge-city/2023-visit.md');
    fs.renameSync(file, moved);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: uriIn(dir, 'history/wexbridge-city/2023-03-focused-visit.md'), type: 3 },
      { uri: uriIn(dir, 'history/wexbridge-city/2023-visit.md'), type: 1 },
    ] });
    const renamed = await eventually('the renamed letter in the hover', () => hover(at), (v) => /2023-visit\.md#L/.test(v ?? ''));
    assert.doesNotMatch(renamed!, /2023-03-focused-visit\.md/);
    fs.rmSync(moved);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(dir, 'history/wexbridge-city/2023-visit.md'), type: 3 }] });
    await eventually('the deleted letter to leave the index', () => historyReady(client), (h) => h.reports === before.reports);
    assert.doesNotMatch((await hover(at)) ?? '', /March 2023/);
  });

  it('sees an open earlier report\'s unsaved edits, and goes back to the file when it is closed', async () => {
    await withHistory();
    const hu = uriIn(dir, H2019);
    const original = fs.readFileSync(path.join(dir, H2019), 'utf8');
    // Renumber paragraph 12 out of existence in the editor only: the draft's link breaks.
    client.open(hu, original.replace(/\n12\. Children who go missing/, '\n120. Children who go missing'));
    try {
      const p = await withHistory(uri, (c) => c.includes('finding-links'));
      assert.match(messageOf(p.diagnostics.find((d) => d.code === 'finding-links')!), /There is no finding 'para-12'/);
    } finally {
      client.close(hu);
    }
    await withHistory(uri, (c) => !c.includes('finding-links') && c.includes('recurring-concern'));
  });

  it('logs a file it cannot read once, and keeps serving', async () => {
    await historyReady(client);
    const bad = path.join(dir, 'history/wexbridge-city/broken.md');
    fs.writeFileSync(bad, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
    for (let i = 0; i < 2; i++) {
      client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriIn(dir, 'history/wexbridge-city/broken.md'), type: i === 0 ? 1 : 2 }] });
    }
    const h = await eventually('the problem counted', () => historyReady(client), (x) => x.problems === 1);
    assert.strictEqual(client.logs.filter((l) => l.includes('broken.md')).length, 1, client.logs.filter((l) => l.includes('broken.md')).join('\n'));
    assert.strictEqual(h.state, 'ready');
    assert.ok(await hover(positionOf(text, 'Return home interviews are now offered', 5)));
    fs.rmSync(bad);
  });
});
