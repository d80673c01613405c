/**
 * BM25 over term vectors (sorted term ids with counts). The collection
 * statistics (inverse document frequency, average length) come from the
 * index; this module only scores. Scores are normalised by a text's score
 * against itself, so 1 means "every term of the text, as often as it has it".
 */
import type { TermVector } from './types';

export const K1 = 1.2;
export const B = 0.75;
/** Saturation of a term's count when the text is the query. */
const K3 = 1.2;

export interface Stats {
  /** Inverse document frequency of a term id. */
  idf(term: number): number;
  averageLength: number;
}

function lengthNorm(v: TermVector, stats: Stats): number {
  return K1 * (1 - B + (B * v.length) / (stats.averageLength || 1));
}

/** The weight of a term counted `tf` times in the query. */
function queryWeight(idf: number, tf: number): number {
  return (idf * (K3 + 1) * tf) / (K3 + tf);
}

/** A text's BM25 score against itself: the most any text can score for it. */
export function selfScore(v: TermVector, stats: Stats): number {
  const norm = lengthNorm(v, stats);
  let s = 0;
  for (let i = 0; i < v.terms.length; i++) {
    const tf = v.tfs[i];
    s += (queryWeight(stats.idf(v.terms[i]), tf) * tf * (K1 + 1)) / (tf + norm);
  }
  return s;
}

/** Both directions at once: how much of q's weight d matches, and of d's weight q matches (0..1 each). */
export interface Pair {
  forward: number;
  backward: number;
}

/**
 * Scores a pair in one pass over the shared terms. `qSelf` is selfScore(q),
 * computed once per query; d's own is computed here (a few dozen terms).
 */
export function pairScores(q: TermVector, qSelf: number, d: TermVector, stats: Stats, out: Pair): Pair {
  out.forward = 0;
  out.backward = 0;
  const qt = q.terms;
  const dt = d.terms;
  if (qt.length === 0 || dt.length === 0 || qSelf <= 0) return out;
  const qNorm = lengthNorm(q, stats);
  const dNorm = lengthNorm(d, stats);
  let forward = 0;
  let backward = 0;
  let dSelf = 0;
  let i = 0;
  for (let j = 0; j < dt.length; j++) {
    const b = dt[j];
    const dtf = d.tfs[j];
    const idf = stats.idf(b);
    const dWeight = queryWeight(idf, dtf);
    dSelf += (dWeight * dtf * (K1 + 1)) / (dtf + dNorm);
    while (i < qt.length && qt[i] < b) i++;
    if (i < qt.length && qt[i] === b) {
      const qtf = q.tfs[i];
      forward += (queryWeight(idf, qtf) * dtf * (K1 + 1)) / (dtf + dNorm);
      backward += (dWeight * qtf * (K1 + 1)) / (qtf + qNorm);
      i++;
    }
  }
  out.forward = Math.min(1, forward / qSelf);
  out.backward = dSelf > 0 ? Math.min(1, backward / dSelf) : 0;
  return out;
}

/** Term ids two vectors share. */
export function sharedTerms(a: TermVector, b: TermVector): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) {
      out.push(a.terms[i]);
      i++;
      j++;
    } else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return out;
}
