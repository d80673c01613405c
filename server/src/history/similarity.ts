/**
 * How alike two findings' texts are: the cosine of their TF-IDF vectors, with
 * a term's weight (1 + ln tf) x idf. The inverse document frequency comes from
 * the index (findings are the documents), so a word every report uses counts
 * for little; the cosine is symmetric and does not favour long paragraphs
 * over short improvement items or the reverse. Measured against BM25 (forward,
 * backward and their means) on the gold set: see docs/history.md, "Measured".
 */
import type { TermVector } from './types';

export interface Stats {
  /** Inverse document frequency of a term id. */
  idf(term: number): number;
  /** The same for every term id below the table's length (faster in loops). */
  idfs(): Float64Array;
  /** Changes whenever the statistics change (cached norms key on it). */
  readonly generation: number;
}

/** 1 + ln(tf) for the counts findings have. */
const LOG_TF = Float64Array.from({ length: 64 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0));

/** A term's weight before idf, 1 + ln(tf) (expand.ts weighs terms the same way). */
export function logTf(tf: number): number {
  return tf < LOG_TF.length ? LOG_TF[tf] : 1 + Math.log(tf);
}

const norms = new WeakMap<TermVector, { generation: number; norm: number }>();

/** The vector's length under the current statistics, cached until they change. */
export function vectorNorm(v: TermVector, stats: Stats): number {
  const held = norms.get(v);
  if (held && held.generation === stats.generation) return held.norm;
  const idfs = stats.idfs();
  let s = 0;
  for (let i = 0; i < v.terms.length; i++) {
    const t = v.terms[i];
    const w = logTf(v.tfs[i]) * (t < idfs.length ? idfs[t] : stats.idf(t));
    s += w * w;
  }
  const norm = Math.sqrt(s);
  norms.set(v, { generation: stats.generation, norm });
  return norm;
}

/** The cosine of two term vectors, 0..1 (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector, stats: Stats): number {
  const at = a.terms;
  const bt = b.terms;
  if (at.length === 0 || bt.length === 0) return 0;
  const idfs = stats.idfs();
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < at.length && j < bt.length) {
    const x = at[i];
    const y = bt[j];
    if (x === y) {
      const idf = x < idfs.length ? idfs[x] : stats.idf(x);
      dot += logTf(a.tfs[i]) * logTf(b.tfs[j]) * idf * idf;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  if (dot === 0) return 0;
  const n = vectorNorm(a, stats) * vectorNorm(b, stats);
  return n > 0 ? Math.min(1, dot / n) : 0;
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
