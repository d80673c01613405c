import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection } from 'vscode-languageserver/node';
import type { Diagnostic, Span, TextEdit } from '../core/types';
import { canDisableAt, disableForFile, disableForLine } from '../features/disable';
import { textEdits } from '../features/diff';
import { fixAll } from '../fix';
import { findingAt, linkFixes } from '../history/index';
import { hasMechanicalFix } from '../rules/index';
import { FIX_ALL_KIND, lspDiagnostic, workspaceEdit } from './convert';
import type { HistoryService } from './history';
import type { Analysis, Session } from './session';

interface FixAllData {
  uri: string;
  version: number;
  /** One rule's problems, or all. */
  rule?: string;
}

function overlaps(d: Span, start: number, end: number): boolean {
  return d.start <= end && start <= d.end;
}

/** The edits that fix every fixable problem (of one rule, or all), as minimal edits to the current text. */
export function fixAllEdits(a: Analysis, rule?: string): { edits: TextEdit[]; applied: number } {
  const text = a.model.text;
  const r = fixAll(text, a.uri, a.context.options, rule);
  return { edits: textEdits(text, r.text), applied: r.applied };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Code actions: each problem's own fix; "fix all <rule> problems" and "fix all"
 * (their edits worked out only when chosen, where the editor can resolve);
 * "disable <rule> for this line / file"; and `source.fixAll.inspectionReports`,
 * only when asked for by kind (as "fix on save" does). Nothing here is applied
 * without the user choosing it.
 */
export function registerCodeActions(connection: Connection, session: Session, history?: HistoryService): void {
  connection.onCodeAction(async (params: CodeActionParams) => {
    const a = await session.analyse(params.textDocument.uri);
    if (!a || !a.model.isReport || !a.context.client.enable) return [];
    const only = params.context.only;
    const { lines } = a.model;
    const start = lines.offset(params.range.start);
    const end = lines.offset(params.range.end);
    const out: CodeAction[] = [];
    const versioned = session.client.versionedEdits;
    const lazy = session.client.codeActionResolve;
    const opts = { relatedInformation: session.client.relatedInformation, data: session.data };
    const lsp = (d: Diagnostic) => lspDiagnostic(a.uri, lines, d, opts);
    const fixAllAction = (title: string, kind: string, rule: string | undefined, diagnostics: Diagnostic[]): CodeAction => {
      const data: FixAllData = { uri: a.uri, version: a.version, rule };
      const action: CodeAction = { title, kind, diagnostics: diagnostics.map(lsp), data };
      if (!lazy) action.edit = workspaceEdit(a.uri, a.version, lines, fixAllEdits(a, rule).edits, versioned);
      return action;
    };
    if (wants(only, CodeActionKind.QuickFix)) {
      const here = a.diagnostics.filter((d) => overlaps(d.span, start, end));
      for (const d of here) {
        // Alternatives are for the author to choose between: none is preferred.
        for (const alt of d.alternatives ?? []) {
          out.push({ title: alt.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp(d)], edit: workspaceEdit(a.uri, a.version, lines, alt.edits, versioned) });
        }
        if (!d.fix) continue;
        out.push({
          title: d.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp(d)],
          isPreferred: true,
          edit: workspaceEdit(a.uri, a.version, lines, d.fix.edits, versioned),
        });
      }
      // Suggested fixes (a link to insert, a quoted grade) are each for the author to choose: never in "fix all".
      const fixable = a.diagnostics.filter(hasMechanicalFix);
      const rulesHere = [...new Set(here.filter(hasMechanicalFix).map((d) => d.ruleId))];
      for (const rule of rulesHere) {
        const all = fixable.filter((d) => d.ruleId === rule);
        if (all.length >= 2) out.push(fixAllAction(`Fix all ${rule} problems`, CodeActionKind.QuickFix, rule, all));
      }
      if (rulesHere.length > 0 && fixable.length >= 2 && new Set(fixable.map((d) => d.ruleId)).size >= 2) {
        out.push(fixAllAction('Fix all auto-fixable inspection-report problems', CodeActionKind.QuickFix, undefined, []));
      }
      // "Link to earlier finding: 2018 inspection, paragraph 13" for the finding at the cursor.
      if (history?.ready) {
        const report = history.reportFor(a.doc, a.model);
        const finding = report ? findingAt(report, start) : undefined;
        if (report && finding) {
          const titles = new Set(out.map((o) => o.title));
          for (const fix of linkFixes(history.index, report, a.model.text, finding.id)) {
            if (titles.has(fix.title)) continue;
            out.push({ title: fix.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a.uri, a.version, lines, fix.edits, versioned) });
          }
        }
      }
      for (const rule of [...new Set(here.map((d) => d.ruleId))]) {
        const lineOf = here.find((d) => d.ruleId === rule)!.range.start.line;
        const forLine = disableForLine(a.model, rule, lineOf);
        if (forLine) {
          out.push({ title: forLine.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a.uri, a.version, lines, forLine.edits, versioned) });
        }
        if (canDisableAt(a.model, lineOf)) {
          const forFile = disableForFile(a.model, rule);
          out.push({ title: forFile.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a.uri, a.version, lines, forFile.edits, versioned) });
        }
      }
    }
    if (only && wants(only, FIX_ALL_KIND)) {
      // On save the editor applies this at once: always with its edit.
      const { edits } = fixAllEdits(a);
      if (edits.length > 0) {
        out.push({ title: 'Fix all inspection-report problems', kind: FIX_ALL_KIND, edit: workspaceEdit(a.uri, a.version, lines, edits, versioned) });
      }
    }
    return out;
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    if (!data || typeof data.uri !== 'string' || action.edit) return action;
    const a = await session.analyse(data.uri);
    if (!a || a.version !== data.version) return action; // the document moved on: nothing safe to apply
    action.edit = workspaceEdit(a.uri, a.version, a.model.lines, fixAllEdits(a, data.rule).edits, session.client.versionedEdits);
    return action;
  });
}
