/**
 * A report's own abbreviations: the long form written out, the short form in
 * brackets after it ('multi-agency safeguarding hub (MASH)', 'personal advisers
 * (PAs)'), as house style asks (domain.md, "House style"). Found by the one
 * finder (domain/abbreviations.ts), which the abbreviations rule uses too.
 */
import { spelledOutIn } from '../domain/abbreviations';
import type { AbbreviationDef } from './types';

/** Every definition in the text, the first of each short form only (a plural s dropped: 'PAs' is 'PA'). */
export function findAbbreviations(text: string): AbbreviationDef[] {
  const out: AbbreviationDef[] = [];
  const seen = new Set<string>();
  for (const d of spelledOutIn(text)) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    out.push({ short: d.key, long: text.slice(d.words.from, d.words.to).replace(/\s+/g, ' '), span: { start: d.words.from, end: d.end } });
  }
  return out;
}

/** Short form (plural s dropped) -> long form, for the analyser. */
export function abbreviationMap(defs: readonly AbbreviationDef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of defs) if (!map.has(d.short)) map.set(d.short, d.long);
  return map;
}
