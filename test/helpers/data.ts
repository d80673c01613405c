/**
 * The built-in data for tests, read once (as the CLI and the server read it at
 * their start): io/builtinData.ts.
 */
import { loadBuiltinData } from '../../server/src/io/builtinData';

export const data = loadBuiltinData({ ruleDocs: true, synonyms: true });
