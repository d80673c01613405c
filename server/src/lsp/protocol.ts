/**
 * The names the server and the VS Code extension share: custom notifications,
 * requests and server commands. Only type imports (erased), so the extension can
 * use it without bundling the server.
 */
import type { HistoryStatus } from '../history/service';

/** Sent after every publish, for the editor's status bar. */
export const STATUS_NOTIFICATION = 'inspectionReports/status';

export interface StatusParams {
  uri: string;
  version: number;
  isReport: boolean;
  kind?: string;
  label?: string;
  errors: number;
  warnings: number;
  infos: number;
}

/** The server's own figures (memory, open documents), used by the benchmark. */
export const STATS_REQUEST = 'inspectionReports/stats';

export interface StatsResult {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  documents: number;
  /** The history index, when the server keeps one. */
  history?: HistoryStatus;
}

/** Commands the server carries out (workspace/executeCommand). The extension's own commands call these. */
export const COMMANDS = {
  /** [uri] -> EditResult */
  fixAll: 'inspectionReports.server.fixAll',
  /** [uri] -> EditResult */
  renumberParagraphs: 'inspectionReports.server.renumberParagraphs',
  /** [] -> WorkspaceSummary */
  checkWorkspace: 'inspectionReports.server.checkWorkspace',
  /** [uri, line, apply] -> TableCommandResult */
  judgementTable: 'inspectionReports.server.judgementTable',
  /** [uri] -> FollowUpResult */
  followUp: 'inspectionReports.server.followUp',
  /** [uri] -> HistoryViewResult */
  historyView: 'inspectionReports.server.historyView',
  /** [files: string[] (paths), out: string (folder path)] -> ImportCommandResult */
  importReports: 'inspectionReports.server.importReports',
  /** [uri, out: string (file path), { allowErrors?: boolean, force?: boolean }] -> ExportCommandResult */
  exportWord: 'inspectionReports.server.exportWord',
} as const;

/** What "Export to Word" did. `refused`: not written because the report has errors (listed in `errors`). */
export interface ExportCommandResult {
  ok: boolean;
  refused?: boolean;
  /** The file written. */
  file?: string;
  /** The report's errors, 'line:column rule-id message' (1-based), at most 50. */
  errors: string[];
  errorCount: number;
  message: string;
}

/** What the import command did: the importer's exit code and what it said, line by line. */
export interface ImportCommandResult {
  ok: boolean;
  /** 0 all imported, 1 some could not be, 2 nothing to do. */
  code: number;
  imported: string[];
  messages: string[];
  message: string;
}

/**
 * Commands the VS Code extension carries out itself (not the server): code
 * lenses and the history view's links name them. Hidden from the palette.
 */
export const CLIENT_COMMANDS = {
  /** [uri, position, locations] (LSP types): opens the locations in a peek view (editor.action.showReferences). */
  showEarlierFindings: 'inspectionReports.showEarlierFindings',
  /** [uri, line]: opens a file at a 0-based line. */
  openLocation: 'inspectionReports.openLocation',
} as const;

/** Sent when the history index starts or finishes loading, and after it changes. */
export const HISTORY_NOTIFICATION = 'inspectionReports/history';

/** The history's state (history/service.ts), sent as it is. */
export type { HistoryStatus };

export interface FollowUpResult {
  ok: boolean;
  message: string;
  /** The follow-up as a Markdown document (links are file URIs with #L line fragments). */
  markdown?: string;
  /** The earlier report whose items are followed up. */
  report?: { uri: string; label: string; date?: string };
  items?: { findingId: string; text: string; uri: string; line: number; addressedBy: { findingId: string; line: number; score: number; excerpt: string }[] }[];
  unaddressed?: number;
}

export interface HistoryViewResult {
  ok: boolean;
  message: string;
  /** Title for the view's tab. */
  title?: string;
  /** A whole HTML page: inline SVG and CSS, no scripts, a strict Content-Security-Policy. */
  html?: string;
  reports?: number;
  concerns?: number;
}

export interface EditResult {
  ok: boolean;
  /** Fixes applied. */
  applied: number;
  message: string;
}

export interface WorkspaceSummary {
  files: number;
  reports: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
}

export interface TableCommandResult {
  ok: boolean;
  message: string;
  /** Where the table goes (0-based). */
  position?: { line: number; character: number };
  /** The table with its grades as snippet choices. */
  snippet?: string;
  text?: string;
  era?: string;
}
