import { spelledOutIn } from '../domain/abbreviations';
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

export interface Definition {
  abbr: string;
  full: string;
  /** Where '(ABBR)' is, as a document offset. */
  offset: number;
}

/** Abbreviations the document spells out (domain/abbreviations.ts, the one finder), with where; not in table cells. */
export function definitions(model: ReportModel): Definition[] {
  const out: Definition[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'cell') continue;
    for (const d of spelledOutIn(b.text)) {
      out.push({ abbr: d.written, full: b.text.slice(d.words.from, d.words.to).replace(/\s+/g, ' '), offset: b.offsets[Math.max(0, Math.min(d.open, b.offsets.length - 1))] });
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
