/**
 * The yaml package, loaded on first use. A check of reports whose front
 * matter is plain `key: value` lines (model/simpleFrontMatter.ts) and whose
 * data was parsed at build time never loads it: it is the biggest library on
 * the check path, and loading it costs more than checking a report.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // A plain require inside the function: esbuild bundles the package but runs it only when called.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('yaml') as typeof Yaml);
}
