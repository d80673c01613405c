/**
 * The built-in data for tests, read once (as the CLI and the server read it at
 * their start): io/builtinData.ts, with the history's synonyms (io/history.ts).
 */
import { loadHistoryData } from '../../server/src/io/history';

export const data = loadHistoryData({ ruleDocs: true });

/** The built-in judgement catalogue: what the CLI and the editor pass the importer (`ImportOptions.catalog`). */
export const catalog = data.profiles.catalog;
