/**
 * The names the server and the VS Code extension share: custom notifications,
 * requests and server commands. No imports, so the extension can use it without
 * bundling the server.
 */

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
} as const;

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
