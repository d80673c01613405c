import * as assert from 'assert';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { nearDifference, nearKey } from '../../server/src/rules/shared/nearJudgement';

const { catalog } = builtinProfiles();
const era = (id: string) => catalog.eras.find((e) => e.id === id);

describe('near-miss judgement names (rules/shared/nearJudgement.ts)', () => {
  it('reads a name within reach of two judgements as the nearer one', () => {
    // One word off care leavers; two off children in care, which a six-word name also allows.
    assert.strictEqual(nearKey(catalog, era('ilacs-2023'), 'The experiences and progress of children care leavers', 'table'), 'care-leavers');
    assert.strictEqual(nearDifference('The experiences and progress of children care leavers', 'The experiences and progress of care leavers'), "'children' is too many");
  });

  it('still reads a name one word off a single judgement, and gives up when two are equally near', () => {
    assert.strictEqual(nearKey(catalog, era('ilacs-2023'), 'Experiences and progress of children in care', 'heading'), 'in-care');
    // 'of children' in place of 'of children in care' / 'of care leavers': two off each.
    assert.strictEqual(nearKey(catalog, era('ilacs-2023'), 'The experiences and progress of children', 'table'), undefined);
  });
});
