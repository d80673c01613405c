/**
 * The built-in data, as one immutable value: the report kinds and the
 * judgement catalogue, the abbreviation allow-list, the history's synonyms and
 * where each rule's docs page is. Read once at the edge (io/builtinData.ts: the
 * CLI's main, the language server's start, tests through a helper) and passed
 * in through the options; no rule or feature reads it from disk.
 */
import type { SynonymData } from '../history/synonyms';
import { readAbbreviationList } from './abbreviations';
import { buildProfileSet, type DataProblem } from './load';
import type { ProfileSet } from './types';

export interface BuiltinData {
  /** The shipped report kinds and catalogue (a workspace's `kinds:` are merged over them per document). */
  readonly profiles: ProfileSet;
  /** Well-known abbreviations a report may use without spelling them out (abbreviations.yaml). */
  readonly abbreviations: readonly string[];
  /**
   * The history's synonyms, aliases and judgement equivalents (synonyms.yaml):
   * read only by the front ends that keep a history (HistoryData), since
   * reading them costs more than a check of one report.
   */
  readonly synonyms?: SynonymData;
  /** Rule id -> its docs page's file: URI (docs/rules/<id>.md), where it was found. */
  readonly ruleDocs: ReadonlyMap<string, string>;
  /** Problems met reading it: bugs in the shipped data (tests assert none). */
  readonly problems: readonly DataProblem[];
}

/** The built-in data with the history's synonyms (what a HistoryIndex needs). */
export type HistoryData = BuiltinData & { readonly synonyms: SynonymData };

export interface SourceText {
  source: string;
  text: string;
  /** The text's data when it was parsed at build time (dist/profiles/parsed.json); then not parsed again. */
  data?: unknown;
}

/** The texts the data is built from (io/builtinData.ts reads them). */
export interface BuiltinTexts {
  judgements: SourceText;
  profiles: SourceText[];
  abbreviations?: SourceText;
  ruleDocs?: ReadonlyMap<string, string>;
  /** Problems already met finding or reading the files. */
  problems?: DataProblem[];
}

/** Builds the data from its texts. Pure; problems are collected in the value, never thrown. */
export function buildBuiltinData(t: BuiltinTexts): BuiltinData {
  const problems: DataProblem[] = [...(t.problems ?? [])];
  const profiles = buildProfileSet(t.judgements, t.profiles, problems);
  const abbreviations = t.abbreviations ? readAbbreviationList(t.abbreviations.text, t.abbreviations.source, problems, t.abbreviations.data) : [];
  return Object.freeze({
    profiles,
    abbreviations: Object.freeze(abbreviations),
    ruleDocs: t.ruleDocs ?? new Map<string, string>(),
    problems: Object.freeze(problems),
  });
}

const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The file: URI of a rule's docs page, for a diagnostic's `codeDescription`; undefined when there is none. */
export function ruleDocUri(data: Pick<BuiltinData, 'ruleDocs'>, ruleId: string): string | undefined {
  return SAFE_ID.test(ruleId) ? data.ruleDocs.get(ruleId) : undefined;
}
