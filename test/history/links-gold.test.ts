/**
 * The gold set of `npm run eval:links` (test/fixtures/links-gold.yaml) and the
 * evaluation's figures. The gold set must stay data (ids and pairs, no report
 * text) and must name findings the importer really gives those reports; the
 * figures must follow the definitions in docs/history.md ("Measured").
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importBytes } from '../../server/src/import/index';
import { HistoryIndex } from '../../server/src/history/store';
import { agreement } from '../../scripts/eval-links/agreement';
import { linkCount, parseGold, readGold } from '../../scripts/eval-links/gold';
import { add, emptyTally, figures, type FindingResult } from '../../scripts/eval-links/metrics';
import { catalog, data } from '../helpers/data';

const GOLD = path.join(__dirname, '..', 'fixtures', 'links-gold.yaml');
const SECOND = path.join(__dirname, '..', 'fixtures', 'links-second.yaml');
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'ilacs');

/** A labelling file holds ids and short labels only: no line long enough to carry report text, link lists of ids. */
function assertIdsOnly(file: string): void {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    assert.ok(line.length <= 160, `${path.basename(file)}: a long line: ${line.slice(0, 60)}…`);
    const m = /^\s+((?:para|wni|finding|rec|priority)-[\d.]+): \[(.*)\]$/.exec(line);
    if (m) assert.ok(m[2].split(',').every((x) => /^\s*(?:para|wni|finding|rec|priority)-[\d.]+\s*$/.test(x)), line);
  }
}

describe('eval:links gold set', () => {
  const gold = readGold(GOLD);

  it('reads without problems: at least 8 pairs, tuning and held-out, 100 links or more', () => {
    assert.deepEqual(gold.errors, []);
    assert.ok(gold.pairs.length >= 8, String(gold.pairs.length));
    assert.ok(gold.pairs.some((p) => p.set === 'tune') && gold.pairs.some((p) => p.set === 'held-out'));
    assert.ok(linkCount(gold.pairs) >= 100, String(linkCount(gold.pairs)));
  });

  it('pairs an earlier report with a later one of the same authority', () => {
    for (const p of gold.pairs) {
      const month = (f: string) => /(\d{4}-\d{2})-[a-z-]+\.md$/.exec(f)?.[1] ?? '';
      assert.ok(month(p.earlier.file) < month(p.later.file), `${p.name}: ${p.earlier.file} is not before ${p.later.file}`);
      const place = (s: string) => s.split('--')[0];
      assert.equal(place(p.earlier.source), place(p.later.source), p.name);
    }
  });

  it('holds ids and short labels only, no report text', () => {
    assertIdsOnly(GOLD);
  });

  it('says what is wrong with a malformed gold set instead of throwing', () => {
    const bad = parseGold([
      'pairs:',
      '  - name: a',
      '    set: later',
      '    earlier: {source: x.pdf, file: x/2018-01-ilacs.md, findings: 3}',
      '    later: {source: x.pdf, file: x/2022-01-ilacs.md, findings: 3}',
      '    links:',
      '      para-1: [para-2, "Too few foster carers."]',
      '      paragraph one: [para-1]',
      '  - name: a',
      '    set: tune',
      '    earlier: {file: y.md}',
    ].join('\n'));
    assert.equal(bad.pairs.length, 1);
    assert.equal(bad.pairs[0].links.size, 0);
    const all = bad.errors.join('\n');
    assert.match(all, /set must be 'tune' or 'held-out'/);
    assert.match(all, /para-1 needs a list of finding ids \(not: Too few foster carers\.\)/);
    assert.match(all, /'paragraph one' is not a finding id/);
    assert.match(all, /name used twice/);
    assert.match(all, /earlier: needs source/);
    assert.deepEqual(parseGold('pairs: [').errors.length, 1);
    assert.deepEqual(parseGold('other: 1').errors, ['no `pairs:` list']);
  });

  it('names findings that the imported reports have', async function () {
    if (!fs.existsSync(CORPUS)) {
      this.skip(); // ../shared is not there: nothing to import
    }
    this.timeout(120_000);
    const index = new HistoryIndex({ data });
    const bySource = new Map<string, ReturnType<HistoryIndex['upsert']>>();
    for (const name of new Set(gold.pairs.flatMap((p) => [p.earlier.source, p.later.source]))) {
      const r = await importBytes(fs.readFileSync(path.join(CORPUS, name)), name, { catalog });
      assert.ok(r.ok, `${name} does not import`);
      assert.ok(r.ok && r.relativePath === gold.pairs.flatMap((p) => [p.earlier, p.later]).find((g) => g.source === name)?.file, name);
      if (r.ok) bySource.set(name, index.upsert({ uri: `/gold/${r.relativePath}`, text: r.markdown }));
    }
    // The second labelling (links-second.yaml) labels some of the same pairs: its ids must be there too.
    for (const p of [...gold.pairs, ...readGold(SECOND).pairs]) {
      const earlier = bySource.get(p.earlier.source);
      const later = bySource.get(p.later.source);
      assert.ok(earlier && later, p.name);
      const e = new Set(earlier.findings.map((f) => f.id));
      const l = new Set(later.findings.map((f) => f.id));
      for (const [from, to] of p.links) {
        assert.ok(l.has(from), `${p.name}: ${p.later.file} has no ${from}`);
        for (const x of to) assert.ok(e.has(x), `${p.name}: ${p.earlier.file} has no ${x}`);
      }
      assert.ok(index.earlier(later).includes(earlier), `${p.name}: not seen as the same authority, earlier`);
    }
  });
});

describe('eval:links figures', () => {
  const opts = { topN: 3, minScore: 0.2 };
  const r = (later: string, gold: string[], ranked: [string, number][]): FindingResult =>
    ({ pair: 'p', later, gold, ranked: ranked.map(([id, score]) => ({ id, score })) });

  it('counts recall over min(3, gold), precision over findings with gold and a suggestion, and spurious suggestions apart', () => {
    const t = emptyTally();
    // Five gold links, all three shown right: recall counts 3 of 3.
    assert.deepEqual(add(t, r('para-1', ['a', 'b', 'c', 'd', 'e'], [['a', 0.9], ['b', 0.8], ['c', 0.7], ['d', 0.6]]), opts), []);
    // One gold link, ranked second: a hit for recall, wrong at the top; missed nothing.
    assert.deepEqual(add(t, r('para-2', ['b'], [['x', 0.5], ['b', 0.4]]), opts), []);
    // Gold ranked fourth, and a gold link below the minimum score: both missed.
    assert.deepEqual(add(t, r('para-3', ['d', 'z'], [['a', 0.5], ['b', 0.4], ['c', 0.3], ['d', 0.25], ['z', 0.1]]), opts), ['d', 'z']);
    // Gold but nothing shown: no precision count, lowers coverage.
    add(t, r('para-4', ['a'], [['a', 0.1]]), opts);
    // No gold, a suggestion anyway; and no gold, nothing shown.
    add(t, r('para-5', [], [['a', 0.3]]), opts);
    add(t, r('para-6', [], []), opts);
    assert.deepEqual(
      { findings: t.findings, withGold: t.withGold, goldLinks: t.goldLinks, goldCapped: t.goldCapped, hitsShown: t.hitsShown, hitsRanked: t.hitsRanked, suggested: t.suggested, top1Right: t.top1Right, spurious: t.spurious },
      { findings: 6, withGold: 4, goldLinks: 9, goldCapped: 7, hitsShown: 4, hitsRanked: 5, suggested: 3, top1Right: 1, spurious: 1 },
    );
    const f = figures(t);
    assert.equal(f.recall3, 4 / 7);
    assert.equal(f.recall3AllGold, 4 / 9);
    assert.equal(f.recall3Ranked, 5 / 7);
    assert.equal(f.precision1, 1 / 3);
    assert.equal(f.precision1Every, 1 / 4);
    assert.equal(f.coverage, 3 / 4);
  });
});

describe('eval:links agreement with a second reader', () => {
  const pair = (links: string) => parseGold([
    'pairs:',
    '  - name: p',
    '    set: tune',
    '    era: x',
    '    earlier: {source: a--1.pdf, file: a/2018-01-ilacs.md, findings: 9}',
    '    later: {source: a--2.pdf, file: a/2022-01-ilacs.md, findings: 9}',
    '    links:',
    ...links.split(';').map((l) => `      ${l.trim()}`),
  ].join('\n'));

  it('scores the second reader\'s lists, in their order, as a ranking against the gold set', () => {
    const gold = pair('para-1: [para-1, para-2, para-3, para-4]; para-2: [para-5]; para-3: [para-6]');
    // Reader: two of three for para-1 (para-9 wrong, first); para-2 right; para-3 not linked; para-4 linked though gold has nothing.
    const second = pair('para-1: [para-9, para-2, para-1, para-3]; para-2: [para-5]; para-4: [para-7]');
    assert.deepEqual([gold.errors, second.errors], [[], []]);
    const a = agreement(gold.pairs, second.pairs);
    assert.deepEqual(a.unmatched, []);
    const p = a.pairs[0];
    assert.deepEqual([p.goldLinks, p.secondLinks, p.both], [6, 6, 4]);
    const f = figures(p.reader);
    assert.equal(f.recall3, 3 / 5); // para-1: 2 of min(3, 4); para-2: 1 of 1; para-3: 0 of 1
    assert.equal(f.precision1, 1 / 2); // para-1's first is wrong, para-2's right; para-3 has none shown
    assert.equal(p.reader.spurious, 1);
  });

  it('agrees fully with itself, and leaves out pairs it cannot match', () => {
    const gold = pair('para-1: [para-1, para-2]; para-2: [para-5]');
    const a = agreement(gold.pairs, gold.pairs);
    assert.deepEqual([figures(a.pairs[0].reader).recall3, figures(a.pairs[0].reader).precision1], [1, 1]);
    const other = parseGold(fs.readFileSync(SECOND, 'utf8'));
    assert.deepEqual(agreement(gold.pairs, other.pairs).unmatched, other.pairs.map((p) => p.name));
  });

  it('the shipped second labelling reads cleanly, covers gold pairs with the same reports, and holds ids only', () => {
    const second = readGold(SECOND);
    const gold = readGold(GOLD);
    assert.deepEqual(second.errors, []);
    assert.ok(second.pairs.length >= 3, String(second.pairs.length));
    assert.deepEqual(agreement(gold.pairs, second.pairs).unmatched, []);
    assertIdsOnly(SECOND);
  });
});
