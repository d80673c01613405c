/**
 * Words that go together in the history's own findings: for each term, the
 * terms that occur in the same findings far more often than chance (positive
 * pointwise mutual information, PPMI), the ten strongest. Reports say one
 * concern in many words ("the stability of the workforce" and "staff
 * turnover, agency social workers, caseloads"); a finding's vector is widened
 * with the associates of its words (expand.ts), so that two findings meet on
 * the words their concern brings with it, not only the words they share.
 *
 * Learnt from the index itself when first needed (no data is shipped), from
 * at most MAX_SAMPLE findings; measured on the gold set: docs/history.md,
 * "Measured". Pure and deterministic: the same findings give the same table.
 */
import type { TermVector } from './types';

/** Associates kept per term. */
export const NEIGHBOURS = 10;
/** A term, and a pair of terms, must occur in at least this many findings to count. */
export const MIN_COUNT = 5;
/** Findings read at most (a stride over them beyond that): enough for stable counts, bounded time. */
export const MAX_SAMPLE = 30_000;

export interface Associations {
  /** CSR: the associates of term t are ids[offsets[t] .. offsets[t + 1]). */
  offsets: Int32Array;
  ids: Uint32Array;
  /** Each term's associate weights sum to 1. */
  weights: Float64Array;
  /** Terms the table knows (ids below this). */
  terms: number;
  /** Findings the counts came from. */
  sample: number;
}

export const NO_ASSOCIATIONS: Associations = {
  offsets: new Int32Array(1), ids: new Uint32Array(0), weights: new Float64Array(0), terms: 0, sample: 0,
};

/**
 * The associations of the terms of `vectors` (each a finding's terms; ids
 * below `termCount`). Cost: the sum over findings of (frequent terms)².
 */
export function buildAssociations(vectors: readonly TermVector[], termCount: number): Associations {
  const stride = Math.max(1, Math.ceil(vectors.length / MAX_SAMPLE));
  const sample: TermVector[] = [];
  for (let i = 0; i < vectors.length; i += stride) if (vectors[i].terms.length > 0) sample.push(vectors[i]);
  const n = sample.length;
  if (n < MIN_COUNT || termCount === 0) return { ...NO_ASSOCIATIONS, offsets: new Int32Array(termCount + 1), terms: termCount, sample: n };

  // Document frequencies, and postings of the frequent terms (CSR).
  const df = new Int32Array(termCount);
  for (const v of sample) for (let i = 0; i < v.terms.length; i++) if (v.terms[i] < termCount) df[v.terms[i]]++;
  const postStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postStart[t + 1] = postStart[t] + (df[t] >= MIN_COUNT ? df[t] : 0);
  const postings = new Int32Array(postStart[termCount]);
  const fill = postStart.slice(0, termCount);
  // The frequent terms of each finding, kept once (the inner loop reads them for every posting).
  const frequent: Uint32Array[] = sample.map((v, k) => {
    const kept: number[] = [];
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i];
      if (t < termCount && df[t] >= MIN_COUNT) {
        kept.push(t);
        postings[fill[t]++] = k;
      }
    }
    return Uint32Array.from(kept);
  });

  const counts = new Int32Array(termCount);
  const touched: number[] = [];
  const offsets = new Int32Array(termCount + 1);
  const ids: number[] = [];
  const weights: number[] = [];
  const best: { id: number; pmi: number }[] = [];
  for (let a = 0; a < termCount; a++) {
    offsets[a] = ids.length;
    if (df[a] < MIN_COUNT) continue;
    touched.length = 0;
    for (let p = postStart[a]; p < postStart[a + 1]; p++) {
      const terms = frequent[postings[p]];
      for (let i = 0; i < terms.length; i++) {
        const b = terms[i];
        if (b === a) continue;
        if (counts[b] === 0) touched.push(b);
        counts[b]++;
      }
    }
    best.length = 0;
    for (const b of touched) {
      const c = counts[b];
      counts[b] = 0;
      if (c < MIN_COUNT) continue;
      const pmi = Math.log((c * n) / (df[a] * df[b]));
      if (pmi > 0) best.push({ id: b, pmi });
    }
    // Strongest first; ties by id, so that the table does not depend on the order terms were met.
    best.sort((x, y) => y.pmi - x.pmi || x.id - y.id);
    const top = best.slice(0, NEIGHBOURS);
    const sum = top.reduce((s, x) => s + x.pmi, 0);
    for (const x of top) {
      ids.push(x.id);
      weights.push(x.pmi / sum);
    }
  }
  offsets[termCount] = ids.length;
  return { offsets, ids: Uint32Array.from(ids), weights: Float64Array.from(weights), terms: termCount, sample: n };
}
