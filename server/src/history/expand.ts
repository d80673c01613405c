/**
 * The similarity the history ranks by: the cosine of two findings' TF-IDF
 * vectors, each widened with the associates of its words (associations.ts).
 * A term t of weight w adds b x w x p(t, u) to each associate u, so the
 * expanded vector is E(x) = w(x) (I + bP) with P the association table; b is
 * EXPANSION once the history is large enough to learn from (expansionWeight).
 *
 * For speed the query is expanded once and folded through the table again
 * (G = E(q)(I + bP)^T, worked out only for the terms candidates have), so
 * that E(q) . E(d) = sum over d's own terms of w(d)[t] G[t]: a candidate
 * costs what a plain cosine does. Each candidate's expanded norm is computed
 * once per model and cached.
 *
 * The model keeps the idf of the moment it was made: it is rebuilt when the
 * history has changed by a tenth, not on every edit (store.ts).
 */
import type { Associations } from './associations';
import { logTf } from './similarity';
import type { TermVector } from './types';

/** b: how much a word's associates weigh against the word itself (tuned on the gold set's tuning pairs). */
export const EXPANSION = 2;
/**
 * Associations learnt from few findings are noise (in a history of eight
 * reports every pair of words met five times looks telling, and every finding
 * would look like every other): b grows with the findings read, to its full
 * value from this many (about a hundred reports).
 */
export const FULL_WEIGHT_FINDINGS = 5000;

/** The weight b for associations learnt from `sample` findings. */
export function expansionWeight(sample: number): number {
  return EXPANSION * Math.min(1, sample / FULL_WEIGHT_FINDINGS);
}

export interface ExpansionModel {
  associations: Associations;
  /** idf by term id when the model was made. */
  idf: Float64Array;
  /** The idf of a term the model has not seen (as rare as can be). */
  unseenIdf: number;
  /** b for this model (expansionWeight of the findings it was learnt from). */
  weight: number;
  /** Changes whenever the model is rebuilt (norm caches key on it). */
  version: number;
}

function idfOf(m: ExpansionModel, t: number): number {
  return t < m.idf.length ? m.idf[t] : m.unseenIdf;
}

/** Adds E(v) into `dense` (touched ids pushed to `touched` when first set). */
function expandInto(m: ExpansionModel, v: TermVector, dense: Float64Array, touched: number[]): void {
  const { offsets, ids, weights, terms } = m.associations;
  const add = (u: number, w: number) => {
    if (dense[u] === 0) touched.push(u);
    dense[u] += w;
  };
  for (let i = 0; i < v.terms.length; i++) {
    const t = v.terms[i];
    const w = logTf(v.tfs[i]) * idfOf(m, t);
    if (w === 0) continue;
    add(t, w);
    if (t >= terms) continue;
    for (let k = offsets[t]; k < offsets[t + 1]; k++) add(ids[k], m.weight * w * weights[k]);
  }
}

let scratch = new Float64Array(1024);

function scratchFor(size: number): Float64Array {
  if (scratch.length < size) {
    let n = scratch.length;
    while (n < size) n *= 2;
    scratch = new Float64Array(n);
  }
  return scratch;
}

function maxTerm(v: TermVector): number {
  return v.terms.length > 0 ? v.terms[v.terms.length - 1] : -1;
}

/** Largest term id E(v) can hold, plus one. */
function extent(m: ExpansionModel, v: TermVector): number {
  return Math.max(m.associations.terms, maxTerm(v) + 1);
}

const norms = new WeakMap<TermVector, { version: number; norm: number }>();

/** |E(v)|, cached per model. */
export function expandedNorm(m: ExpansionModel, v: TermVector): number {
  const held = norms.get(v);
  if (held && held.version === m.version) return held.norm;
  const dense = scratchFor(extent(m, v));
  const touched: number[] = [];
  expandInto(m, v, dense, touched);
  let s = 0;
  for (const u of touched) {
    s += dense[u] * dense[u];
    dense[u] = 0;
  }
  const norm = Math.sqrt(s);
  norms.set(v, { version: m.version, norm });
  return norm;
}

/**
 * The expanded cosine of `q` with any vector, 0..1: a function to call once per
 * candidate. Holds its own arrays (two queries may be open at once).
 */
export function similarityTo(m: ExpansionModel, q: TermVector): (d: TermVector) => number {
  if (q.terms.length === 0) return () => 0;
  const size = extent(m, q);
  const eq = new Float64Array(size);
  const touched: number[] = [];
  expandInto(m, q, eq, touched);
  let s = 0;
  for (const u of touched) s += eq[u] * eq[u];
  const qNorm = Math.sqrt(s);
  if (qNorm === 0) return () => 0;
  const { offsets, ids, weights, terms } = m.associations;
  // G[t], worked out when a candidate first has t; NaN: not yet.
  const g = new Float64Array(size).fill(Number.NaN);
  const gAt = (t: number): number => {
    if (t >= size) return 0; // a term neither q nor its associates have
    let x = g[t];
    if (x === x) return x;
    x = eq[t];
    if (t < terms) for (let k = offsets[t]; k < offsets[t + 1]; k++) x += m.weight * weights[k] * eq[ids[k]];
    g[t] = x;
    return x;
  };
  return (d: TermVector): number => {
    let dot = 0;
    for (let i = 0; i < d.terms.length; i++) {
      const t = d.terms[i];
      const gt = gAt(t);
      if (gt !== 0) dot += logTf(d.tfs[i]) * idfOf(m, t) * gt;
    }
    if (dot <= 0) return 0;
    const n = qNorm * expandedNorm(m, d);
    return n > 0 ? Math.min(1, dot / n) : 0;
  };
}
