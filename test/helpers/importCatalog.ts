/**
 * Gives the importer the built-in judgement catalogue, as the CLI and the
 * language server do by passing it in `ImportOptions.catalog`: loaded once
 * before any test (.mocharc.json `require`), and by the scripts and benchmarks
 * that import reports.
 */
import { useImportCatalog } from '../../server/src/import/grades';
import { builtinProfiles } from '../../server/src/io/builtinData';

useImportCatalog(builtinProfiles().catalog);
