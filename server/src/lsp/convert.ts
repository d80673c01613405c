import {
  CodeActionKind, DiagnosticSeverity, DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind,
  type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Range as LspRange,
  type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LineIndex } from '../core/lineIndex';
import type { Diagnostic, Severity, Span, TextEdit } from '../core/types';
import { ruleDocUri, type BuiltinData } from '../profiles/data';
import type { Fold } from '../features/folding';
import type { OutlineItem, OutlineKind } from '../features/symbols';

/** The name diagnostics carry as their `source`. */
export const SOURCE = 'inspection-reports';
/** The code action kind for "fix all" on save: `editor.codeActionsOnSave: { "source.fixAll.inspectionReports": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.inspectionReports`;

/**
 * The index keeps paths (files read from disk) and URIs (open documents); the
 * protocol wants URIs (`file:///...`), never bare paths.
 */
export function toUri(pathOrUri: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri)) return pathOrUri;
  return pathToFileURL(path.resolve(pathOrUri)).href;
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function severity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function spanRange(lines: LineIndex, span: Span): LspRange {
  return lines.range(span);
}

export function lspEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: lines.range(e), newText: e.newText };
}

export function workspaceEdit(uri: string, version: number, lines: LineIndex, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const list = edits.map((e) => lspEdit(lines, e));
  if (versioned) return { documentChanges: [{ textDocument: { uri, version }, edits: list }] };
  return { changes: { [uri]: list } };
}

export interface DiagnosticOptions {
  relatedInformation: boolean;
  /** Where the rules' docs pages are (codeDescription). */
  data: Pick<BuiltinData, 'ruleDocs'>;
}

/** A core diagnostic as LSP: rule id as `code`, its docs page as `codeDescription`. */
export function lspDiagnostic(uri: string, lines: LineIndex, d: Diagnostic, opts: DiagnosticOptions): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: severity(d.severity),
    code: d.ruleId,
    source: SOURCE,
    message: d.message,
    data: { ruleId: d.ruleId, fixable: !!d.fix, start: d.span.start, end: d.span.end },
  };
  const href = ruleDocUri(opts.data, d.ruleId);
  if (href) out.codeDescription = { href };
  if (d.related && d.related.length > 0) {
    if (opts.relatedInformation) {
      const related: DiagnosticRelatedInformation[] = [];
      const loose: string[] = [];
      for (const r of d.related) {
        // Another document: its own range (computed where its text is known), never this document's lines.
        if (r.uri) related.push({ location: { uri: toUri(r.uri), range: r.range ?? TOP }, message: r.message });
        else if (r.span) related.push({ location: { uri, range: lines.range(r.span) }, message: r.message });
        else loose.push(r.message);
      }
      if (related.length > 0) out.relatedInformation = related;
      if (loose.length > 0) out.message += `\n${loose.join('\n')}`;
    } else {
      out.message += `\n${d.related.map((r) => r.message).join('\n')}`;
    }
  }
  return out;
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  'front-matter': SymbolKind.Namespace,
  title: SymbolKind.File,
  table: SymbolKind.Struct,
  row: SymbolKind.Field,
  section: SymbolKind.Module,
  'judgement-section': SymbolKind.Class,
  paragraph: SymbolKind.String,
  finding: SymbolKind.Key,
};

export function documentSymbol(lines: LineIndex, item: OutlineItem): DocumentSymbol {
  const range = lines.range(item.span);
  let selectionRange = lines.range(item.selectionSpan);
  if (item.selectionSpan.start < item.span.start || item.selectionSpan.end > item.span.end) selectionRange = range;
  return DocumentSymbol.create(
    item.name.trim() || '(empty)',
    item.detail,
    SYMBOL_KIND[item.kind],
    range,
    selectionRange,
    item.children.map((c) => documentSymbol(lines, c)),
  );
}

export function foldingRange(f: Fold): FoldingRange {
  const r = FoldingRange.create(f.startLine, f.endLine);
  if (f.kind === 'comment') r.kind = FoldingRangeKind.Comment;
  else if (f.kind === 'region') r.kind = FoldingRangeKind.Region;
  return r;
}
