/**
 * Plain result types shared by the whole core. Nothing here knows about VS Code
 * or the Language Server Protocol; the server converts these at its edge.
 *
 * Offsets are UTF-16 code unit offsets into the document text (JavaScript string
 * indices). Positions are 0-based line and character, as in LSP; the CLI adds 1.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range of offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in [start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a command title: "Replace with 'Inadequate'". */
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  fix?: Fix;
  /**
   * Fixes the author chooses between when no one of them is evidently right
   * (a heading's grade against the table's): offered as quick fixes, never
   * applied by "fix all".
   */
  alternatives?: Fix[];
  /** Extra, rule-specific facts a client may show (e.g. renumbering map). */
  related?: RelatedInfo[];
}

export interface RelatedInfo {
  message: string;
  /** A place in this document (never used with `uri`). */
  span?: Span;
  /** Another file (a path or a URI), when the information points outside the document. */
  uri?: string;
  /** The place in `uri`'s document, computed from that document's own text. */
  range?: Range;
}
