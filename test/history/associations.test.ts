import * as assert from 'assert';
import { buildAssociations, MIN_COUNT, NEIGHBOURS, NO_ASSOCIATIONS } from '../../server/src/history/associations';
import { EXPANSION, expandedNorm, expansionWeight, FULL_WEIGHT_FINDINGS, similarityTo, type ExpansionModel } from '../../server/src/history/expand';
import { cosine } from '../../server/src/history/similarity';
import { suggestionsFor } from '../../server/src/history/suggest';
import { CONCERN, SUGGESTION, thresholdFor } from '../../server/src/history/thresholds';
import type { TermVector } from '../../server/src/history/types';
import { generateHistory } from './generate';
import { ilacs, indexOf, reportIn } from './helpers';

/** A finding's vector from its term ids (each once unless repeated). */
function vec(...ids: number[]): TermVector {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const terms = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
  return { terms, tfs: Uint16Array.from([...terms].map((t) => counts.get(t)!)), length: ids.length };
}

function neighbours(a: ReturnType<typeof buildAssociations>, t: number): { id: number; w: number }[] {
  const out: { id: number; w: number }[] = [];
  for (let k = a.offsets[t]; k < a.offsets[t + 1]; k++) out.push({ id: a.ids[k], w: a.weights[k] });
  return out;
}

function model(associations: ReturnType<typeof buildAssociations>, terms: number, version = 1): ExpansionModel {
  return { associations, weight: 2, idf: new Float64Array(terms).fill(1), unseenIdf: 1, version };
}

describe('history: word associations (associations.ts)', () => {
  // Terms: 0 workforce, 1 turnover, 2 caseloads, 3 foster, 4 carers, 5..14 filler words.
  const findings: TermVector[] = [];
  for (let i = 0; i < 6; i++) findings.push(vec(0, 1, 5 + (i % 10)));
  for (let i = 0; i < 6; i++) findings.push(vec(3, 4, 5 + ((i + 3) % 10)));
  for (let i = 0; i < 8; i++) findings.push(vec(5 + i, 5 + ((i + 1) % 10)));
  findings.push(vec(0, 2), vec(1, 2)); // caseloads is in only two findings

  it('links the terms that occur together in at least MIN_COUNT findings, strongest first, weights summing to one', () => {
    const a = buildAssociations(findings, 15);
    const of0 = neighbours(a, 0);
    assert.equal(of0[0].id, 1, JSON.stringify(of0));
    assert.ok(!of0.some((n) => n.id === 3 || n.id === 4), 'workforce never meets foster carers');
    assert.ok(Math.abs(of0.reduce((s, n) => s + n.w, 0) - 1) < 1e-9);
    assert.deepEqual(neighbours(a, 3).map((n) => n.id)[0], 4);
    // Below MIN_COUNT findings (caseloads is in two) a term has no associates, and is nobody's.
    assert.ok(findings.filter((f) => f.terms.includes(2)).length < MIN_COUNT, 'the fixture keeps caseloads rare');
    assert.deepEqual(neighbours(a, 2), []);
    for (let t = 0; t < 15; t++) assert.ok(!neighbours(a, t).some((n) => n.id === 2));
    for (let t = 0; t < 15; t++) assert.ok(neighbours(a, t).length <= NEIGHBOURS);
  });

  it('is the same table whatever order the findings come in', () => {
    const a = buildAssociations(findings, 15);
    const b = buildAssociations([...findings].reverse(), 15);
    assert.deepEqual([...a.offsets], [...b.offsets]);
    assert.deepEqual([...a.ids], [...b.ids]);
    assert.deepEqual([...a.weights].map((w) => w.toFixed(12)), [...b.weights].map((w) => w.toFixed(12)));
  });

  it('gives an empty table for too few findings, and never throws on empty input', () => {
    assert.equal(buildAssociations([], 0).ids.length, 0);
    assert.equal(buildAssociations([vec(0, 1), vec(0, 1)], 2).ids.length, 0);
  });
});

describe('history: expanded similarity (expand.ts)', () => {
  const findings: TermVector[] = [];
  for (let i = 0; i < 6; i++) findings.push(vec(0, 1, 5 + (i % 10)));
  for (let i = 0; i < 6; i++) findings.push(vec(3, 4, 5 + ((i + 3) % 10)));
  for (let i = 0; i < 8; i++) findings.push(vec(5 + i, 5 + ((i + 1) % 10)));
  const m = model(buildAssociations(findings, 15), 15);

  it('without associations is the plain cosine', () => {
    const plain = model({ ...NO_ASSOCIATIONS, offsets: new Int32Array(16), terms: 15 }, 15);
    const stats = { idf: () => 1, idfs: () => new Float64Array(15).fill(1), generation: 1 };
    for (const [q, d] of [[vec(0, 1, 5), vec(1, 5, 5, 6)], [vec(3), vec(3, 4)], [vec(0), vec(4)]] as const) {
      assert.ok(Math.abs(similarityTo(plain, q)(d) - cosine(q, d, stats)) < 1e-12);
    }
  });

  it('lets findings meet on associated words they do not share', () => {
    const q = vec(0); // workforce
    const d = vec(1); // turnover
    const other = vec(4); // carers
    assert.equal(cosine(q, d, { idf: () => 1, idfs: () => new Float64Array(15).fill(1), generation: 1 }), 0);
    const sim = similarityTo(m, q);
    assert.ok(sim(d) > 0.3, String(sim(d)));
    assert.equal(sim(other), 0);
  });

  it('is symmetric, at most 1, and 1 for the same words', () => {
    const a = vec(0, 1, 5, 5);
    const b = vec(1, 3, 6);
    assert.ok(Math.abs(similarityTo(m, a)(b) - similarityTo(m, b)(a)) < 1e-12);
    assert.ok(Math.abs(similarityTo(m, a)(vec(0, 1, 5, 5)) - 1) < 1e-12);
  });

  it('weighs associates by how many findings they were learnt from: none from nothing, fully from a large history', () => {
    assert.equal(expansionWeight(0), 0);
    assert.equal(expansionWeight(FULL_WEIGHT_FINDINGS / 2), EXPANSION / 2);
    assert.equal(expansionWeight(FULL_WEIGHT_FINDINGS), EXPANSION);
    assert.equal(expansionWeight(FULL_WEIGHT_FINDINGS * 10), EXPANSION);
  });

  it('caches a norm per model version', () => {
    const v = vec(0, 1);
    const n1 = expandedNorm(m, v);
    const other = model({ ...NO_ASSOCIATIONS, offsets: new Int32Array(16), terms: 15 }, 15, 2);
    assert.ok(Math.abs(expandedNorm(other, v) - Math.SQRT2) < 1e-12);
    assert.ok(n1 > Math.SQRT2);
  });
});

describe('history: the index keeps its association model while typing', () => {
  it('makes the model again in a small history after a change, and ranks with it', () => {
    const A = 'Fernbury City Council';
    const paras = (extra: string) => Array.from({ length: 6 }, (_, i) =>
      `Staff turnover in team ${i} is high and the workforce relies on agency social workers ${extra}.`);
    const files: Record<string, string> = {
      '/h/2019.md': ilacs({ authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01', sections: [{ judgement: 'leaders', grade: 'Good', paras: [
        ...paras('this year'), 'The stability of the workforce is a concern.', 'Foster carers are well trained.',
      ] }] }),
      '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'leaders', grade: 'Good', paras: [
        'Staff turnover remains high.',
      ] }] }),
    };
    const index = indexOf(files);
    const first = index.expansion();
    assert.equal(index.expansion(), first, 'no change, same model');
    const got = suggestionsFor(index, reportIn(index, '/d.md'), 'para-1', { topN: 10, minScore: 0 });
    const stability = got.find((s) => s.target.findingId === 'para-7');
    const carers = got.find((s) => s.target.findingId === 'para-8');
    assert.ok(stability, 'the paragraph on the stability of the workforce shares no word with the draft but is suggested');
    assert.ok(!carers || carers.score < stability.score);
    index.upsert({ uri: '/h/2019.md', text: files['/h/2019.md'].replace('well trained', 'very well trained') });
    assert.notEqual(index.expansion(), first, 'a small history makes it again');
    // Learnt from a dozen findings, the associates weigh next to nothing, and so do the thresholds move.
    assert.ok(thresholdFor(index, CONCERN) < CONCERN.plain + 0.01, String(thresholdFor(index, CONCERN)));
    assert.ok(thresholdFor(index, SUGGESTION) >= SUGGESTION.plain);
  });

  it('keeps the model in a larger history until the findings have moved by a tenth', () => {
    const docs = generateHistory(120);
    const index = indexOf(Object.fromEntries(docs.map((d) => [`/g/${d.path}`, d.text])));
    assert.ok(index.stats().findings >= 2000, String(index.stats().findings));
    const first = index.expansion();
    const edited = docs[0];
    index.upsert({ uri: `/g/${edited.path}`, text: `${edited.text}\nA new closing paragraph.\n` });
    assert.equal(index.expansion(), first, 'one edited report does not remake it');
    for (const d of generateHistory(140, 99)) index.upsert({ uri: `/more/${d.path}`, text: d.text });
    assert.notEqual(index.expansion(), first, 'more than a tenth more findings does');
    // Over FULL_WEIGHT_FINDINGS findings read, associates and thresholds are at full weight.
    assert.ok(index.stats().findings >= FULL_WEIGHT_FINDINGS, String(index.stats().findings));
    assert.equal(index.expansion().weight, EXPANSION);
    assert.equal(thresholdFor(index, CONCERN), CONCERN.full);
  });
});
