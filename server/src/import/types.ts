/**
 * Shared shapes for the importer. Both readers (plain text and PDF layout)
 * turn their input into a list of `Para`s; the builder turns those into the
 * dialect. Nothing here touches the file system.
 */

import type { Catalog } from '../profiles/types';
import type { AuthorityList } from './authorities';

/** One judgement table row, exactly as printed. */
export interface TableRow {
  name: string;
  grade: string;
}

/** A block of the published document, in reading order, furniture removed. */
export interface Para {
  /** The printed lines of the block (wrapped lines kept apart; joined by `paraText`). */
  lines: string[];
  /** Layout hint from a PDF: 1 for the title size, 2 for a heading size. */
  heading?: 1 | 2;
  /** A Word heading style's level as Markdown's (Heading 1 is `##`, Heading 2 `###`): kept on the heading it becomes. */
  level?: number;
  /** Page the block starts on (PDF), 1-based. */
  page?: number;
  /** A judgement table rebuilt by the reader. */
  table?: TableRow[];
  /** Any other table, cell by cell, row by row (the first row its header): a Word table kept as one. */
  grid?: string[][];
}

export type ImportKind = 'ilacs' | 'sif' | 'focused-visit' | 'monitoring-visit' | 'scrutiny';

/** Front matter values found in the document (or supplied by the caller). */
export interface ImportedFrontMatter {
  report: ImportKind;
  authority?: string;
  /** ISO ranges; one for a report, possibly several for a split visit. */
  inspectionDates?: { start: string; end: string }[];
  published?: string;
  leadInspector?: string;
  inspectors?: string[];
  inspectionType?: 'standard' | 'short';
  visitNumber?: number;
  meeting?: string;
  meetingDate?: string;
  /** Where `published` came from when not from the text: 'file name' or 'PDF metadata'. */
  publishedSource?: string;
}

export interface ImportOptions {
  /** Name of the input (used for messages and as a hint for the published date). */
  sourceName?: string;
  /**
   * The judgement catalogue (judgements.yaml): the grade phrases and judgement names the readers look for
   * (import/grades.ts, import/names.ts). Needed: without it the import fails with a reason saying so.
   */
  catalog?: Catalog;
  /** Values that fill or replace what the document gives (`--set key=value`). */
  overrides?: Record<string, string>;
  /** A date from the PDF's metadata, used for `published` when the text has none. */
  metadataDate?: string;
  /** English authorities and trusts (server/profiles/authorities.yaml), to infer an authority no front page names. */
  authorities?: AuthorityList;
  /** The kind and front matter the document itself records (a Word document this tool exported): used as they are. */
  known?: KnownFrontMatter;
}

/** Front matter a document carries whole (docx/properties.ts): nothing is inferred where it is given. */
export interface KnownFrontMatter {
  kind: ImportKind;
  /** Its values, for the output's name and the warnings about what is missing. */
  frontMatter: ImportedFrontMatter;
  /** The YAML between the fences, written out exactly. */
  yaml: string;
}

export type ImportResult =
  | {
      ok: true;
      kind: ImportKind;
      frontMatter: ImportedFrontMatter;
      /** The judgement table as imported (empty for ungraded kinds). */
      table: TableRow[];
      markdown: string;
      /** Suggested path relative to the output folder: `<authority-slug>/<yyyy-mm>-<kind>.md`. */
      relativePath: string;
      /** Things the user should look at (missing dates, no authority, ...). */
      warnings: string[];
      /** With `--set`: where and what the same import without it writes (an earlier attempt may have left it). */
      withoutOverrides?: { relativePath: string; markdown: string };
    }
  | { ok: false; reason: string };
