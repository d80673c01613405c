import * as assert from 'assert';
import { readCatalog, type DataProblem } from '../../server/src/profiles/load';
import { builtinProfiles } from '../../server/src/io/builtinData';

describe('judgements.yaml gradeForms (other wordings a framework printed for its grades)', () => {
  it('reads a form as a grade of its set, lower-cased', () => {
    const problems: DataProblem[] = [];
    const c = readCatalog({
      grades: { sif: ['Good', 'Requires improvement'] },
      gradeForms: { sif: { 'Requires improvement to be good': 'Requires improvement' } },
    }, 'test', problems);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(c.gradeForms, { sif: { 'requires improvement to be good': 'Requires improvement' } });
  });

  it('refuses a form that names no grade of its set, or a set that is not a mapping', () => {
    const problems: DataProblem[] = [];
    const c = readCatalog({
      grades: { sif: ['Good'] },
      gradeForms: { sif: { 'Very good': 'Excellent' }, ilacs: ['x'] },
    }, 'test', problems);
    assert.strictEqual(problems.length, 2);
    assert.match(problems[0].message, /'Very good' must name a grade of the set 'sif'/);
    assert.match(problems[1].message, /gradeForms 'ilacs' must map/);
    assert.deepStrictEqual(c.gradeForms?.sif, {});
  });

  it('the built-in catalog accepts the late SIF wording and nothing for ILACS', () => {
    const { catalog } = builtinProfiles();
    assert.strictEqual(catalog.gradeForms?.sif?.['requires improvement to be good'], 'Requires improvement');
    assert.strictEqual(catalog.gradeForms?.ilacs, undefined);
  });
});
