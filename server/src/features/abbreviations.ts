import type { ReportModel } from '../model/types';

/**
 * Full forms of abbreviations, for completion: those the document itself spells
 * out (`multi-agency safeguarding hub (MASH)`) and a few that children's services
 * reports use often. The abbreviations rule decides what must be spelled out;
 * this only offers the words.
 */
const COMMON: Record<string, string> = {
  MASH: 'multi-agency safeguarding hub',
  LADO: 'local authority designated officer',
  PA: 'personal adviser',
  IRO: 'independent reviewing officer',
  CAMHS: 'child and adolescent mental health services',
  EHCP: 'education, health and care plan',
  UASC: 'unaccompanied asylum-seeking children',
  PLO: 'public law outline',
  DSL: 'designated safeguarding lead',
  EDT: 'emergency duty team',
  ICPC: 'initial child protection conference',
  RHI: 'return home interview',
  CSE: 'child sexual exploitation',
  SGO: 'special guardianship order',
  YOT: 'youth offending team',
  SENCO: 'special educational needs coordinator',
};

const SKIP = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'with', 'or', 'on', 'at', 'by', 'a']);

/** Letters an abbreviation stands for: 'PAs' -> 'pa', 'A&E' -> 'ae'. */
function letters(abbr: string): string {
  return abbr.replace(/s$/, '').replace(/[^A-Za-z]/g, '').toLowerCase();
}

/**
 * The words before '(ABBR)' that the abbreviation's letters stand for, or
 * undefined when the initials do not fit.
 */
export function expansionBefore(words: string, abbr: string): string | undefined {
  const want = letters(abbr);
  if (want.length < 2) return undefined;
  const tokens = words.trimEnd().split(/\s+/).filter(Boolean);
  let idx = want.length - 1;
  let firstToken = -1;
  for (let t = tokens.length - 1; t >= 0 && idx >= 0; t--) {
    const parts = tokens[t].replace(/[^A-Za-z'’/-]/g, '').split(/[-/]/).filter(Boolean).reverse();
    if (parts.length === 0) return undefined;
    let matched = false;
    for (const p of parts) {
      if (idx < 0) break;
      if (p[0].toLowerCase() === want[idx]) {
        idx--;
        matched = true;
      } else if (!SKIP.has(p.toLowerCase())) return undefined;
    }
    if (matched || idx < 0) firstToken = t;
  }
  if (idx >= 0 || firstToken < 0) return undefined;
  return tokens.slice(firstToken).join(' ').replace(/[,;:]$/, '');
}

export interface Definition {
  abbr: string;
  full: string;
  /** Where '(ABBR)' is, as a document offset. */
  offset: number;
}

const DEFINED = /((?:[A-Za-z][A-Za-z'’,/-]*\s+){1,10})\(([A-Z][A-Za-z&-]*[A-Z]s?)\)/g;

/** Abbreviations the document spells out, with where. */
export function definitions(model: ReportModel): Definition[] {
  const out: Definition[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'cell') continue;
    for (const m of b.text.matchAll(DEFINED)) {
      const full = expansionBefore(m[1], m[2]);
      if (!full) continue;
      const at = (m.index ?? 0) + m[0].length - m[2].length - 2;
      out.push({ abbr: m[2], full, offset: b.offsets[Math.max(0, Math.min(at, b.offsets.length - 1))] });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function plural(full: string): string {
  return /s$/.test(full) ? full : `${full}s`;
}

/** The full form of an abbreviation: the document's own spelling first, else the common list. */
export function fullForm(model: ReportModel, abbr: string): { full: string; source: 'document' | 'common' } | undefined {
  const own = definitions(model).find((d) => d.abbr === abbr);
  if (own) return { full: own.full, source: 'document' };
  const singular = abbr.replace(/s$/, '');
  if (COMMON[abbr]) return { full: COMMON[abbr], source: 'common' };
  if (singular !== abbr && COMMON[singular]) return { full: plural(COMMON[singular]), source: 'common' };
  return undefined;
}

/** Whether the document spells the abbreviation out before an offset. */
export function definedBefore(model: ReportModel, abbr: string, offset: number): boolean {
  return definitions(model).some((d) => d.abbr === abbr && d.offset < offset);
}
