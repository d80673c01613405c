import type { LineIndex } from '../core/lineIndex';
import type { DateRange } from '../core/dates';
import type { Span } from '../core/types';
import type { Era, FindingKind, Profile, SectionSpec } from '../profiles/types';

/** A front matter entry with where its key and value are in the document. */
export interface FrontMatterEntry {
  key: string;
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
}

export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** The YAML between the fences. */
  contentSpan: Span;
  entries: Map<string, FrontMatterEntry>;
  /** False when the YAML could not be read; entries then holds what could be. */
  valid: boolean;
}

/**
 * A run of inline text (a paragraph, heading, list item's first paragraph or
 * table cell) with a map back to document offsets, for rules that read prose.
 */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'cell' | 'item';
  /** The inline source, lines joined with '\n' (Markdown syntax kept). */
  text: string;
  /** Document offset of each character of `text` (length text.length + 1). */
  offsets: Int32Array;
  line: number;
  sectionIndex: number;
}

export interface Heading {
  level: number;
  text: string;
  /** The whole heading line. */
  span: Span;
  /** The heading's text, without the #'s. */
  textSpan: Span;
  line: number;
}

/** A judgement named in a heading or a table row, with its grade. */
export interface JudgementRef {
  /** The name as written. */
  nameText: string;
  nameSpan: Span;
  /** Catalog key of the judgement the name is, or nearly is. */
  key?: string;
  /** The name was one of the catalog's known near-miss variants, or a loose match. */
  exact: boolean;
  gradeText: string;
  gradeSpan: Span;
  /**
   * 'colon' for `name: grade`; 'sentence' for the pre-2021 `name requires improvement to be good.`;
   * 'bare' for a heading that is only a judgement's name, its grade left out (gradeText '').
   */
  form: 'colon' | 'sentence' | 'cell' | 'bare';
}

export interface Section {
  index: number;
  /** Index of the enclosing section (a lower-numbered heading level), if any. */
  parent?: number;
  heading: Heading;
  /** Lines [startLine, endLine) from the heading to the next heading of the same or higher level. */
  startLine: number;
  endLine: number;
  /** Profile section matched by the heading, if any. */
  spec?: SectionSpec;
  /** The heading matched the spec only through an `accept` alternative. */
  acceptedWording?: boolean;
  judgement?: JudgementRef;
  /** For `## 2. Themes` (scrutiny): the printed section number. */
  number?: { value: number; printed: string; span: Span };
}

export interface TableRow {
  line: number;
  span: Span;
  cells: { text: string; span: Span }[];
  judgement?: JudgementRef;
}

export interface JudgementTable {
  line: number;
  span: Span;
  headerCells: string[];
  rows: TableRow[];
}

/** A numbered paragraph: an ordered-list item, or a scrutiny 'N.M ' paragraph. */
export interface NumberedParagraph {
  /** Printed number as written: '13', '2.1'. */
  printed: string;
  /** Numeric parts: [13] or [2, 1]. */
  parts: number[];
  /** Where the number (and its full stop) is. */
  numberSpan: Span;
  span: Span;
  line: number;
  text: string;
  sectionIndex: number;
  style: 'list' | 'plain' | 'no-stop';
  /** For list items: index of the list in the document and of the item in it. */
  list?: { index: number; item: number; delimiter: string };
}

export interface Bullet {
  span: Span;
  line: number;
  text: string;
  sectionIndex: number;
  ordered: boolean;
}

export interface Finding {
  id: string;
  kind: FindingKind;
  span: Span;
  line: number;
  text: string;
  sectionIndex: number;
}

export interface Link {
  href: string;
  /** The path part, '' for a same-file link. */
  path: string;
  fragment: string;
  text: string;
  span: Span;
  line: number;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty: every rule. */
  rules: string[];
  line: number;
  span: Span;
}

/** Something the parser could not make sense of; reported under `ruleId`. */
export interface ParseProblem {
  ruleId: string;
  message: string;
  span: Span;
}

export interface ReportModel {
  uri: string;
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  /** True when the front matter has a `report:` key. */
  isReport: boolean;
  kind?: string;
  profile?: Profile;
  /** Dates from the front matter (or, failing that, the body). */
  inspection?: DateRange;
  /** The document's own date: published, else meeting-date, else inspection end. */
  documentDate?: string;
  era?: Era;
  /** The body's "Inspection dates: ..." (or "Inspection date:") line, where there is one. */
  inspectionLine?: { span: Span; valueSpan: Span; text: string; dates?: DateRange; exact: boolean };
  title?: Heading;
  /** Letters: the line where the closing lines begin (profile `closing`), if found. */
  closingLine?: number;
  headings: Heading[];
  sections: Section[];
  table?: JudgementTable;
  numbered: NumberedParagraph[];
  bullets: Bullet[];
  findings: Finding[];
  links: Link[];
  disables: DisableDirective[];
  blocks: TextBlock[];
  problems: ParseProblem[];
}
