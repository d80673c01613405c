/**
 * Which paths `check` treats as Word drafts. Apart from checkDocx.ts so that
 * the check path can tell without loading the Word reader.
 */

/** Word files `check` accepts when named directly (folders are still walked for .md only). */
export function isWordPath(p: string): boolean {
  return /\.(docx|docm|dotx|dotm)$/i.test(p);
}
