// Helpers for the extension-host scenarios: waiting for diagnostics, the
// planted mistakes, and the CLI as the reference for what a file should show.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'inspection-reports.inspection-reports';
export const SOURCE = 'inspection-reports';

export function root(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.extensionPath;
}

export function workspace(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open (the runner opens a copy of examples/)');
  return f.uri.fsPath;
}

export interface Planted { file: string; line: number; ruleId: string; anyLine?: boolean; what: string }

export function planted(): Planted[] {
  return JSON.parse(fs.readFileSync(path.join(root(), 'test', 'fixtures', 'examples-expected.json'), 'utf8')) as Planted[];
}

export const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done` holds for the file's diagnostics from our source; throws with what it saw after `ms`. */
export async function waitForDiagnostics(uri: vscode.Uri, done: (ds: vscode.Diagnostic[]) => boolean, ms = 30_000, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + ms;
  for (;;) {
    const ds = ours(uri);
    if (done(ds)) return ds;
    if (Date.now() > end) throw new Error(`${what}: not there after ${ms} ms; have ${ds.map(show).join('; ') || 'none'}`);
    await sleep(200);
  }
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];
export const show = (d: vscode.Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]} ${codeOf(d)}`;

export interface CliDiagnostic { line: number; column: number; severity: string; ruleId: string; fix: string | null }

/** The built CLI's JSON for a file on disk, run with the extension host's own Node. */
export function cliCheck(file: string): CliDiagnostic[] {
  const out = execFileSync(process.execPath, [path.join(root(), 'dist', 'cli.js'), 'check', '--format', 'json', '--exit-zero', file], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return JSON.parse(out) as CliDiagnostic[];
}

export const cliKey = (d: CliDiagnostic) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`;

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspace(), rel));
  return vscode.window.showTextDocument(doc);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
