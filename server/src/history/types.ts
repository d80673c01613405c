/**
 * Plain data for the history of reports: what the index keeps of each report,
 * and what its queries return. Nothing here knows about VS Code or the LSP;
 * every position is a Span (UTF-16 offsets into that report's text) plus the
 * 0-based line, as in the core.
 */
import type { DateRange } from '../core/dates';
import type { Range, Span } from '../core/types';
import type { FindingKind } from '../profiles/types';
import type { Link } from '../model/types';

/**
 * The judgement areas a finding is about, across eras: judgement keys of the
 * newest framework (judgements.yaml), one area ('in-care') or those a judgement
 * covers ('in-care', 'care-leavers' for children in care and care leavers).
 */
export type JudgementFamily = readonly string[];

/** A document handed to the index: a file path or a URI, and its text. */
export interface HistoryDocument {
  uri: string;
  text: string;
}

/** A finding's terms after analysis, as sorted term ids and their counts (BM25). */
export interface TermVector {
  terms: Uint32Array;
  tfs: Uint16Array;
  /** Number of terms counted (the document length for BM25). */
  length: number;
}

export interface HistoryFinding {
  /** 'para-13', 'wni-2', 'finding-4' (dialect.md, "Findings and their ids"). */
  id: string;
  kind: FindingKind;
  line: number;
  span: Span;
  /** The span as line and character in this report's own text (for locations shown from other documents). */
  range: Range;
  /** The finding's inline Markdown source. */
  text: string;
  /** Catalog key of the judgement whose section the finding sits in ('help-protection'). */
  judgement?: string;
  /** Heading of the section the finding sits in. */
  section?: string;
  /** Where the finding sits among its section's findings: 0 first, 1 last; none when the section has fewer than three. */
  position?: number;
  /** The judgement area the finding's section is about, across eras (prior.ts); none for improvement items and the like. */
  family?: JudgementFamily;
  vector: TermVector;
}

/** One row of a report's judgement table. */
export interface ReportGrade {
  /** Catalog key, when the name is a known judgement. */
  judgement?: string;
  name: string;
  grade: string;
}

/** "multi-agency safeguarding hub (MASH)" as written in a report. */
export interface AbbreviationDef {
  short: string;
  long: string;
  /** Where the definition is, short form included. */
  span: Span;
}

export type MentionKind = 'inspection' | 'focused-visit' | 'monitoring-visit' | 'scrutiny';

/**
 * A sentence that names an earlier report: "since the last inspection in 2018",
 * "the focused visit in February 2020", "the fifth monitoring visit". Kept
 * unresolved in the index; resolved against the history when asked.
 */
export interface Mention {
  kind: MentionKind;
  span: Span;
  line: number;
  /** The words matched, for messages. */
  text: string;
  year?: number;
  /** 1-12. */
  month?: number;
  /** "the fifth monitoring visit": 5. */
  ordinal?: number;
  /** "the last / previous / most recent": the latest earlier one. */
  latest?: boolean;
  /** Id of the finding the mention is in, if any. */
  findingId?: string;
}

/** A grade quoted in running text with the month or year of the inspection it names. */
export interface GradeQuote {
  /** The grade words as written ('inadequate', 'requires improvement to be good'). */
  grade: string;
  /** Where the grade words are (what a fix replaces). */
  span: Span;
  line: number;
  /** The whole quote, for messages. */
  text: string;
  year: number;
  month?: number;
  /** Judgement named before the grade ('help-protection'); overall effectiveness when none. */
  judgement?: string;
}

/** A Markdown link with a relative path, kept for validation and go-to-definition. */
/** A link in an indexed report, with its range in that report (computed with the report's own lines). */
export type HistoryLink = Link & { range: Range };

export interface HistoryReport {
  uri: string;
  /** The normalised form of uri the index keys on (see uris.ts). */
  key: string;
  kind: string;
  /** 'ILACS inspection report', from the profile. */
  kindLabel: string;
  graded: boolean;
  /** A letter (focused or monitoring visit), from the profile. */
  letter: boolean;
  /** The authority as written. */
  authority?: string;
  /** Normalised authority (see authority.ts); reports with the same key share a history. */
  authorityKey?: string;
  inspection?: DateRange;
  published?: string;
  meetingDate?: string;
  /** The date the history is ordered by: published, else meeting date, else inspection start. */
  date?: string;
  visitNumber?: number;
  title?: string;
  grades: ReportGrade[];
  findings: HistoryFinding[];
  abbreviations: AbbreviationDef[];
  mentions: Mention[];
  quotes: GradeQuote[];
  links: HistoryLink[];
  /** Bumped on each update of the same uri. */
  version: number;
}

/** Where a suggestion or history entry points. */
export interface FindingTarget {
  uri: string;
  findingId: string;
  span: Span;
  line: number;
  /** The finding's range in its own report's text: never computed with another document's lines. */
  range: Range;
}

/** An earlier finding that matches a finding of the open report. */
export interface Suggestion {
  target: FindingTarget;
  /** 0..1: the part of the finding's weight the earlier finding matches, boosted by explicit mentions. */
  score: number;
  kind: string;
  kindLabel: string;
  /** ISO date the earlier report is ordered by. */
  date?: string;
  published?: string;
  inspection?: DateRange;
  /** The earlier finding's text, trimmed to one line of about 200 characters. */
  excerpt: string;
  /** "2018 inspection, paragraph 13": the text of a dialect link to it. */
  linkText: string;
  /** Relative path plus '#id', from the open report to the earlier finding. */
  href: string;
  /** The open report names this earlier report explicitly. */
  mentioned: boolean;
  /** The finding already links to this earlier finding. */
  linked: boolean;
  /** Words the two findings share, most telling first (for hovers and evaluation). */
  sharedTerms: string[];
}

/** The grade an earlier report gave the judgement the finding sits under. */
export interface GradeThen {
  judgement: string;
  name: string;
  grade: string;
}

/** One step of a finding's history (oldest first). */
export interface HistoryEntry extends Suggestion {
  /** Label of the earlier report: '2018 inspection', 'focused visit, February 2020'. */
  reportLabel: string;
  grade?: GradeThen;
}

export interface RecurringConcern {
  findingId: string;
  span: Span;
  line: number;
  severity: 'info';
  message: string;
  earlier: Suggestion & { reportLabel: string };
}

export interface FollowUpItem {
  /** The earlier improvement item. */
  item: FindingTarget & { text: string; excerpt: string; linkText: string; href: string };
  /** Findings of the open report that address it, best first. */
  addressedBy: { findingId: string; span: Span; line: number; score: number; excerpt: string }[];
}

export interface FollowUp {
  /** The earlier report whose improvement items are followed up; undefined when there is none. */
  report?: { uri: string; label: string; date?: string };
  items: FollowUpItem[];
  /** Items nothing in the open report addresses. */
  unaddressed: FollowUpItem[];
}

export interface QuotedGradeProblem {
  span: Span;
  line: number;
  severity: 'warning' | 'info';
  message: string;
  quoted: string;
  /** The grade the named inspection gave, when found. */
  actual?: string;
  inspection?: { uri: string; label: string };
  /** Replaces the quoted grade with the actual one, in running-text case. */
  fix?: { title: string; span: Span; newText: string };
}

export type LinkProblemKind = 'missing-file' | 'not-a-report' | 'missing-finding';

export interface LinkProblem {
  kind: LinkProblemKind;
  span: Span;
  line: number;
  severity: 'warning' | 'error';
  message: string;
  href: string;
  /** Close finding ids in the target, for a quick fix. */
  didYouMean?: string[];
}

/** A resolved mention of an earlier report (document link target). */
export interface ResolvedMention {
  mention: Mention;
  /** The report it names, when the history holds it. */
  report?: { uri: string; label: string; date?: string };
}
