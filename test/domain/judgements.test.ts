import * as assert from 'assert';
import { covers, frameworksOf, judgementMentions, nameOf, printedNames, refKey, resolveKey, shortList, shortOf } from '../../server/src/domain/judgements';
import { readCatalog, type DataProblem } from '../../server/src/profiles/load';
import { catalog } from '../features/helpers';

const era = (id: string) => catalog().eras.find((e) => e.id === id)!;

describe('domain: judgement matching', () => {
  it("maps a matched judgement into the report's era when two frameworks share its name", () => {
    assert.strictEqual(catalog().judgements.overall.name, catalog().judgements['sif-overall'].name, 'the fixture this rests on');
    assert.strictEqual(resolveKey(catalog(), era('sif'), 'overall'), 'sif-overall');
    assert.strictEqual(resolveKey(catalog(), era('ilacs-2023'), 'overall'), 'overall');
    assert.strictEqual(resolveKey(catalog(), era('ilacs-2023'), 'in-care-and-leavers'), 'in-care-and-leavers', 'another era\'s judgement stays itself');
    assert.strictEqual(resolveKey(catalog(), undefined, 'overall'), 'overall');
    assert.strictEqual(refKey(catalog(), era('sif'), undefined), undefined);
  });

  it('names judgements, and says which stands for which across eras', () => {
    assert.strictEqual(nameOf(catalog(), 'care-leavers'), 'The experiences and progress of care leavers');
    assert.strictEqual(nameOf(catalog(), 'no-such'), 'no-such');
    assert.strictEqual(shortOf(catalog(), 'help-protection'), 'help and protection');
    assert.strictEqual(shortList(catalog(), ['leaders', 'in-care']), 'leaders, children in care');
    assert.ok(covers(catalog(), 'in-care-and-leavers', 'in-care'));
    assert.ok(covers(catalog(), 'care-leavers', 'in-care-and-leavers'));
    assert.ok(!covers(catalog(), 'leaders', 'in-care'));
  });

  it('lists the printed names and the phrases running text names a judgement by', () => {
    assert.deepStrictEqual(printedNames(catalog().judgements['sif-looked-after']), [
      'Children looked after and achieving permanence', 'The experiences and progress of children looked after and achieving permanence',
    ]);
    assert.deepStrictEqual([...frameworksOf(catalog(), 'sif-adoption')], ['sif']);
    const mentions = judgementMentions(catalog());
    assert.deepStrictEqual(mentions.filter(([, k]) => k === 'in-care').map(([p]) => p), ['children looked after', 'children in care']);
    assert.ok(mentions.every(([, k]) => !k.startsWith('sif-')), 'the newest framework\'s judgements only');
    assert.deepStrictEqual(mentions.map(([p]) => p.length), mentions.map(([p]) => p.length).sort((a, b) => b - a), 'longest first');
    assert.strictEqual(judgementMentions(catalog()), mentions, 'built once per catalogue');
  });

  it('reads `mentions` as phrases, and refuses anything else or one phrase for two judgements', () => {
    const problems: DataProblem[] = [];
    const c = readCatalog({ judgements: {
      a: { name: 'A', mentions: ['alpha', 'first'] },
      b: { name: 'B', mentions: 'beta' },
      c: { name: 'C', mentions: [3, ''] },
      d: { name: 'D', mentions: ['Alpha'] },
    } }, 'test', problems);
    assert.deepStrictEqual([c.judgements.a.mentions, c.judgements.b.mentions, c.judgements.c.mentions], [['alpha', 'first'], ['beta'], []]);
    assert.deepStrictEqual(problems.map((p) => p.message), [
      "judgement 'c': mentions must be a list of phrases",
      "judgement 'd': the mention 'Alpha' is already judgement 'a''s",
    ]);
  });
});

