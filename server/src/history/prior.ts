/**
 * What a finding's place says about its concern, before its words do. Reports
 * of every era group findings by judgement (help and protection, children in
 * care, care leavers, leaders) and, within a judgement, follow the same order
 * of topics (the front door before assessments, assessments before plans). So
 * an earlier finding under the same judgement is likelier to be about the same
 * concern, the more so at the same place in its section; one under another
 * judgement is less likely. The prior scales the text's similarity.
 */
import type { HistoryFinding, JudgementFamily as Family } from './types';

/** Same judgement family: up to this, by how near the two places are. */
const SAME = 1.3;
/** The largest factor placePrior gives. */
export const MAX_PRIOR = SAME;
/** Either finding's judgement unknown (improvement items, a letter's findings, summaries). */
const UNKNOWN = 0.85;
/** Different judgements (help and protection against care leavers). */
const DIFFERENT = 0.68;
/** Within the same family, how much of the prior the place decides, and over what distance it fades. */
const PLACE_SHARE = 0.3;
const PLACE_SCALE = 0.3;

const BY_KEY: Record<string, Family> = {
  'help-protection': 'help',
  'sif-help-protection': 'help',
  'in-care': 'care',
  'sif-looked-after': 'care',
  'sif-adoption': 'care',
  'care-leavers': 'leavers',
  'sif-care-leavers': 'leavers',
  'in-care-and-leavers': 'care-and-leavers',
  leaders: 'leaders',
  'sif-leadership': 'leaders',
};

/** The judgement family of a finding: by its judgement, else by its section's heading (extract.ts keeps it as `family`). */
export function familyOf(f: Pick<HistoryFinding, 'judgement' | 'section'>): Family | undefined {
  const byKey = f.judgement ? BY_KEY[f.judgement] : undefined;
  if (byKey) return byKey;
  const h = (f.section ?? '').toLowerCase();
  if (!h) return undefined;
  if (/help and protection/.test(h)) return 'help';
  if (/care leavers/.test(h) && /children in care|looked after/.test(h)) return 'care-and-leavers';
  if (/care leavers|leaving care/.test(h)) return 'leavers';
  if (/children in care|looked after|permanence|adoption/.test(h)) return 'care';
  if (/\bleaders\b|leadership|management and governance/.test(h)) return 'leaders';
  return undefined;
}

function compatible(a: Family, b: Family): boolean {
  if (a === b) return true;
  if (a === 'care-and-leavers') return b === 'care' || b === 'leavers';
  if (b === 'care-and-leavers') return a === 'care' || a === 'leavers';
  return false;
}

/** The factor a pair's text similarity is multiplied by, 0.68..1.3. */
export function placePrior(q: Pick<HistoryFinding, 'family' | 'position'>, d: Pick<HistoryFinding, 'family' | 'position'>): number {
  const a = q.family;
  const b = d.family;
  if (!a || !b) return UNKNOWN;
  if (!compatible(a, b)) return DIFFERENT;
  const near = q.position !== undefined && d.position !== undefined ? Math.exp(-Math.abs(q.position - d.position) / PLACE_SCALE) : 0.5;
  return SAME * (1 - PLACE_SHARE + PLACE_SHARE * near);
}
