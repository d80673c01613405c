import * as path from 'path';
import { parseReport } from '../model/parse';
import type { ProfileSet } from '../profiles/types';
import { linksToRenumber } from '../rules/shared/renumber';
import { readTextFile } from '../io/files';

/**
 * After `--fix` renumbered paragraphs in some files, finds the links in other
 * files that pointed at the old ids, so the user can update them. Says; never writes.
 */
export function linksAffectedByRenumbering(
  renumbered: Map<string, Map<string, string>>,
  candidates: string[],
  profiles: ProfileSet,
  maxBytes: number,
): { file: string; line: number; column: number; message: string }[] {
  const out: { file: string; line: number; column: number; message: string }[] = [];
  if (renumbered.size === 0) return out;
  for (const file of candidates) {
    const r = readTextFile(file, maxBytes);
    if (!r.ok) continue;
    const model = parseReport(r.text, file, profiles);
    for (const [target, idMap] of renumbered) {
      if (path.resolve(target) === path.resolve(file)) continue;
      const changes = linksToRenumber(idMap, model.links, (l) => l.path !== '' && path.resolve(path.dirname(file), l.path) === path.resolve(target));
      for (const c of changes) {
        const pos = model.lines.position(c.link.span.start);
        out.push({
          file, line: pos.line + 1, column: pos.character + 1,
          message: `link to ${path.basename(target)}#${c.from} now points at a renumbered paragraph: change it to #${c.to}`,
        });
      }
    }
  }
  return out;
}
