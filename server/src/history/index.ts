/**
 * The history of reports: links to earlier findings, a finding's history,
 * recurring concerns, follow-up of improvement items, quoted grades and link
 * checks. Pure (no VS Code, no LSP, no file system): load.ts reads folders
 * through a Workspace (core/workspace.ts), service.ts keeps the index up to date.
 * See docs/history.md.
 */
export { HistoryIndex, type HistoryIndexOptions } from './store';
export { authorityKey, sameAuthority, authorityAliases, authorityFromTitle } from './authority';
export { findAbbreviations } from './abbreviations';
export { findMentions, findGradeQuotes } from './mentions';
export { resolveMention, resolveMentions, resolveLink, isFindingId, type LinkTarget } from './resolve';
export {
  suggestionsFor, suggestionsForReport, historyOf, gradeThen, scoreFinding,
  DEFAULT_MIN_SCORE, DEFAULT_TOP_N, type SuggestOptions, type FindingSuggestions,
} from './suggest';
export { recurringConcerns, followUp } from './concerns';
export { checkQuotedGrades } from './quotedGrades';
export { checkLinks, linkInsertion, linkMarkdown, linkCompletions, type LinkCompletion, type LinkCheckOptions } from './linkCheck';
export { reportLabel, findingLabel, linkText, excerpt } from './labels';
export {
  findingAt, historyLenses, historyMarkdown, linkFixes, historyView,
  type HistoryLens, type HistoryView,
} from './editor';
export { loadHistoryAsync, type LoadResult, type LoadedFile } from './load';
export { HistoryService, type HistoryHost, type HistoryStatus, type OpenDocument } from './service';
export { uriKey, relativeHref, resolveLinkKey } from './uris';
export { readSynonyms, emptySynonyms, type SynonymData } from './synonyms';
export type * from './types';
