import * as assert from 'assert';
import { covers, nameOf, refKey, resolveKey, shortList, shortOf } from '../../server/src/domain/judgements';
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
});
