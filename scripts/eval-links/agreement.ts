/**
 * How far a second reader agrees with the gold set (`npm run eval:links --
 * --agreement <file>`): the second labelling's lists, strongest first, are
 * scored as if they were a matcher's ranking, with the same figures as the
 * matcher (metrics.ts), so that the two read side by side: what a careful
 * reader reaches is what a matcher can fairly be asked for. Also the plain
 * overlap of the two sets of links. Pure: plain data in, plain data out.
 */
import type { GoldPair } from './gold';
import { add, emptyTally, type Tally } from './metrics';

export interface PairAgreement {
  name: string;
  set: GoldPair['set'];
  /** The gold set's links, the second reader's, and those both made. */
  goldLinks: number;
  secondLinks: number;
  both: number;
  /** The second reader's lists, as a ranking, scored against the gold set (top 3, no minimum score). */
  reader: Tally;
}

export interface Agreement {
  pairs: PairAgreement[];
  /** Pairs of the second labelling that the gold set does not have, or whose reports differ. */
  unmatched: string[];
}

function linkSet(p: GoldPair): Set<string> {
  const out = new Set<string>();
  for (const [from, to] of p.links) for (const x of to) out.add(`${from}>${x}`);
  return out;
}

/** The second labelling against the gold set, pair by pair (pairs matched by name and reports). */
export function agreement(gold: readonly GoldPair[], second: readonly GoldPair[], topN = 3): Agreement {
  const out: Agreement = { pairs: [], unmatched: [] };
  for (const s of second) {
    const g = gold.find((p) => p.name === s.name);
    if (!g || g.earlier.file !== s.earlier.file || g.later.file !== s.later.file) {
      out.unmatched.push(s.name);
      continue;
    }
    const a = linkSet(g);
    const b = linkSet(s);
    const reader = emptyTally();
    const laterIds = new Set([...g.links.keys(), ...s.links.keys()]);
    for (const later of laterIds) {
      // The reader's list in its own order; every entry counts as shown.
      const ranked = (s.links.get(later) ?? []).map((id) => ({ id, score: 1 }));
      add(reader, { pair: s.name, later, gold: g.links.get(later) ?? [], ranked }, { topN, minScore: 0 });
    }
    out.pairs.push({
      name: s.name, set: g.set, goldLinks: a.size, secondLinks: b.size,
      both: [...a].filter((x) => b.has(x)).length, reader,
    });
  }
  return out;
}
