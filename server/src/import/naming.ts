/**
 * Where an imported report goes: `<authority-slug>/<yyyy-mm>-<kind>.md`.
 */
import type { ImportedFrontMatter } from './types';

/** "Nottingham City Council" and "Nottingham City" both give 'nottingham-city'. */
export function authoritySlug(name: string): string {
  let s = name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/\b(the )?(metropolitan |london |royal )?borough( council)? of\b/g, ' ')
    .replace(/\b(metropolitan |metropolitan borough |borough |district |county )?council\b/g, ' ')
    .replace(/\bchildren.?s (services|trust)\b/g, ' ')
    .replace(/^\s*(of the|city of)\s+|,\s*city of\s*$|\s+(metropolitan( borough)?|district|borough)\s*$/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) s = 'unknown-authority';
  return s;
}

export function relativeOutputPath(fm: ImportedFrontMatter): string {
  const slug = fm.authority ? authoritySlug(fm.authority) : 'unknown-authority';
  const date = fm.report === 'scrutiny' ? (fm.meetingDate ?? fm.published) : (fm.inspectionDates?.[0]?.start ?? fm.published);
  const when = date ? date.slice(0, 7) : 'undated';
  return `${slug}/${when}-${fm.report}.md`;
}
