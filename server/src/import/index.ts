/**
 * The importer's API. One document: `importText` (pure, synchronous),
 * `importPdf`, `importBytes` (by content). Several files into a folder, with
 * structured results for the CLI and the editor: `importFiles`.
 */
export { importBytes, importPdf, importText } from './entry';
export type { ImportOptions, ImportResult } from './types';
export { describeResult, displayPath, importFiles, type ImportFileResult, type ImportFileSystem, type ImportFilesOptions, type ImportSummary } from './batch';
export { readAuthorities, type AuthorityList } from './authorities';
