// The scenarios of issue 6, through the VS Code API inside the extension host.
// They mirror test/e2e (which drives the same things through the UI in a browser).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  cliCheck, cliKey, codeOf, EXTENSION_ID, hoverText, open, ours, planted, root, show, sleep, waitForDiagnostics, workspace,
} from './util';

const DRAFT = 'drafts/2025-02-ilacs.md';
const norm = (s: string) => s.replace(/[*_`>]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const SEV: Record<number, string> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };
const key = (d: vscode.Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEV[d.severity]} ${codeOf(d)}`;

/**
 * The history's diagnostics (server/src/history/editor.ts, HISTORY_RULES) need the
 * workspace's earlier reports, which `check` on one file does not read: the
 * comparison with the CLI leaves them out.
 */
const HISTORY_RULE_IDS = new Set(['finding-links', 'recurring-concern', 'quoted-grade']);
const notHistory = (d: vscode.Diagnostic) => !HISTORY_RULE_IDS.has(codeOf(d));

async function panelMatchesCli(rel: string): Promise<vscode.Diagnostic[]> {
  const file = path.join(workspace(), rel);
  const want = cliCheck(file).map(cliKey).sort().join('\n');
  return waitForDiagnostics(vscode.Uri.file(file), (ds) => ds.filter(notHistory).map(key).sort().join('\n') === want, 30_000, `${rel} as the CLI reports it:\n${want}\n`);
}

describe('Inspection Reports in VS Code', function () {
  this.timeout(90_000);

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await open(DRAFT);
    await ext.activate();
    assert.ok(ext.isActive);
  });

  for (const rel of [...new Set(planted().map((p) => p.file))]) {
    it(`${rel}: diagnostics by rule id and line, as the CLI reports them`, async () => {
      await open(rel);
      const ds = await panelMatchesCli(rel);
      for (const p of planted().filter((x) => x.file === rel)) {
        assert.ok(ds.some((d) => codeOf(d) === p.ruleId && (p.anyLine || d.range.start.line === p.line - 1)),
          `${p.ruleId} at line ${p.line} (${p.what}) missing: ${ds.map(show).join('; ')}`);
      }
      for (const d of ds) {
        const target = typeof d.code === 'object' && d.code !== null ? d.code.target.toString() : '';
        assert.ok(target.includes(codeOf(d)), `${codeOf(d)} has no link to its rule's page (${target || 'none'})`);
      }
    });
  }

  it('a plain Markdown file gets no diagnostics', async () => {
    const file = path.join(workspace(), 'notes', 'plain-vscode.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# Notes\n\nThe visit focussed on 15 per cent of cases, eg those aged 18.\n\n| Overall effectiveness | Requires improvement |\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Signed by Her Majesty\'s Inspector.\n\n'));
    await sleep(2_000);
    assert.deepStrictEqual(ours(editor.document.uri).map(show), []);
    assert.ok(ours(vscode.Uri.file(path.join(workspace(), DRAFT))).length > 0, 'the report lost its diagnostics: is the server running?');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('hover on a grade explains it', async () => {
    const editor = await open(DRAFT);
    const lines = editor.document.getText().split('\n');
    const i = lines.findIndex((l) => /^\|.*\| (Good|Inadequate|Outstanding) \|\s*$/.test(l));
    assert.ok(i >= 0, 'no judgement table row with a one-word grade');
    const grade = /\| (\w+) \|\s*$/.exec(lines[i])![1];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(i, lines[i].lastIndexOf(grade) + 1));
    assert.ok(hoverText(hovers).toLowerCase().includes(grade.toLowerCase()), `hover: ${hoverText(hovers) || 'none'}`);
  });

  it('hover on a finding that has history shows the earlier finding', async function () {
    const editor = await open(DRAFT);
    const lines = editor.document.getText().split('\n');
    const li = lines.findIndex((l) => /\]\([^)\s]+\.md#para-\d+\)/.test(l));
    assert.ok(li >= 0, `${DRAFT} has no link to an earlier finding`);
    const m = /\]\(([^)\s]+\.md)#para-(\d+)\)/.exec(lines[li])!;
    const earlier = fs.readFileSync(path.resolve(path.dirname(editor.document.uri.fsPath), m[1]), 'utf8').split('\n');
    const start = earlier.find((l) => l.startsWith(`${m[2]}. `));
    assert.ok(start, `the earlier report has no paragraph ${m[2]}`);
    const needle = norm(start.slice(`${m[2]}. `.length).split(/\s+/).slice(0, 6).join(' '));
    let p = li;
    while (p > 0 && !/^\d+\.\s/.test(lines[p])) p--;
    const texts: string[] = [];
    for (const pos of [new vscode.Position(li, lines[li].indexOf('](') - 3), new vscode.Position(p, 0)]) {
      texts.push(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)));
    }
    if (!texts.some((t) => norm(t).includes(needle))) {
      // A feature still to come (the history hover): pending, not passed.
      console.log(`    pending: no hover shows '${needle}...' (got: ${texts.map((t) => t.slice(0, 60) || 'nothing').join(' | ')})`);
      this.skip();
    }
  });

  it('the judgement table snippet expands from its prefix', async () => {
    // The language server offers the snippets (issue 12): they are read from snippets/, not the manifest.
    type Snip = { prefix: string | string[]; body: string | string[] };
    const dir = path.join(root(), 'snippets');
    const all = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) =>
      Object.entries(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, Snip>));
    const tables = all.filter(([n, s]) => /table/i.test(n) && /^\|/.test(Array.isArray(s.body) ? s.body[0] : s.body));
    assert.ok(tables.length > 0, 'snippets/ holds no judgement table snippet');
    const [name, snip] = tables.find(([n]) => /2023/.test(n)) ?? tables[0];
    const prefix = (Array.isArray(snip.prefix) ? snip.prefix : [snip.prefix]).find((x) => !/\s/.test(x))!;
    const file = path.join(workspace(), 'drafts', 'snippet-vscode.md');
    const head = '---\nreport: ilacs\nauthority: Wexbridge City Council\ninspection-dates: 2024-05-06 to 2024-05-17\n---\n\n';
    fs.writeFileSync(file, head);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: prefix });
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1_500);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await sleep(300);
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.ok(text.startsWith(head), `the front matter changed: ${text}`);
    assert.ok(!text.includes(prefix), `the prefix '${prefix}' is still in the text (snippet '${name}' not accepted):\n${text}`);
    assert.ok(text.includes('| Judgement | Grade |') && /\| Outstanding \|/.test(text), `no table after '${prefix}':\n${text}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a quick fix (grade wording) changes only its text and the diagnostic goes', async () => {
    const editor = await open(DRAFT);
    const uri = editor.document.uri;
    const p = planted().find((x) => x.file === DRAFT && x.ruleId === 'grade-wording')!;
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === 'grade-wording' && x.range.start.line === p.line - 1))
      .then((ds) => ds.filter((x) => codeOf(x) === 'grade-wording' && x.range.start.line === p.line - 1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // The rule's own fix: the preferred action (the others fix all, or disable the rule).
    const fix = actions.find((a) => a.isPreferred) ?? actions.find((a) => /^replace/i.test(a.title));
    assert.ok(fix, `no grade-wording fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = editor.document.getText().split('\n');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const after = editor.document.getText().split('\n');
    const changed = after.map((l, i) => (l !== before[i] ? i + 1 : 0)).filter((n) => n > 0);
    assert.deepStrictEqual(changed, [p.line], 'only the grade\'s line changes');
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeOf(x) === 'grade-wording' && x.range.start.line === p.line - 1), 10_000, 'grade-wording gone');
    assert.ok(await editor.document.save());
    await panelMatchesCli(DRAFT);
  });

  it('"fix all" applies every fix, and no fixable problem is left', async () => {
    const editor = await open(DRAFT);
    const version = editor.document.version;
    await vscode.commands.executeCommand('inspectionReports.fixAll');
    for (let i = 0; i < 50 && editor.document.version === version; i++) await sleep(100);
    assert.notStrictEqual(editor.document.version, version, 'fix all changed nothing');
    assert.ok(await editor.document.save());
    await panelMatchesCli(DRAFT);
    const left = cliCheck(editor.document.uri.fsPath).filter((x) => x.fix);
    assert.deepStrictEqual(left.map(cliKey), [], 'fixable problems left after fix all');
  });
});
