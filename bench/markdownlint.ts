/**
 * markdownlint (a dev dependency, ESM only) loaded from this CommonJS test code
 * with a dynamic import. Used as the reference for the check's speed: the same
 * text, linted with markdownlint's default rules.
 */

export type LintText = (name: string, text: string) => number;

export async function loadMarkdownlint(): Promise<{ lint: LintText; version: string }> {
  const mod = await import('markdownlint/sync');
  const lint: LintText = (name, text) => {
    const results = mod.lint({ strings: { [name]: text } });
    return results[name]?.length ?? 0;
  };
  let version = 'unknown';
  try {
    const main = await import('markdownlint');
    version = typeof main.getVersion === 'function' ? main.getVersion() : version;
  } catch {
    // the version is only shown in the table
  }
  return { lint, version };
}
