import * as assert from 'assert';
import { builtinProfiles, loadBuiltinData } from '../../server/src/io/builtinData';
import { loadHistoryData } from '../../server/src/io/history';
import { buildBuiltinData } from '../../server/src/profiles/data';
import type { DataProblem } from '../../server/src/profiles/load';
import { data } from '../helpers/data';

/**
 * The built-in data (profiles/data.ts): one immutable value, read once at the
 * edge (io/builtinData.ts), its problems kept in it rather than read again.
 */
describe('built-in data', () => {
  it('is read once per process, whatever asks for it', () => {
    assert.strictEqual(loadBuiltinData(), loadBuiltinData());
    assert.strictEqual(loadHistoryData({ ruleDocs: true }), data);
    assert.strictEqual(loadBuiltinData().profiles, data.profiles, 'with or without the rule pages: the same profiles');
    assert.strictEqual(builtinProfiles(), data.profiles);
    assert.strictEqual(loadHistoryData().synonyms, data.synonyms, 'the synonyms read once too');
  });

  it('gives a check only what it checks: no synonyms, no rule pages', () => {
    const check = loadBuiltinData();
    assert.strictEqual(check.synonyms, undefined);
    assert.strictEqual(check.ruleDocs.size, 0);
  });

  it('ships without problems, and with every part filled', () => {
    assert.deepStrictEqual(data.problems, []);
    assert.ok(data.profiles.profiles.has('ilacs') && data.profiles.catalog.eras.length > 3);
    assert.ok(data.abbreviations.includes('NHS'));
    assert.ok(data.synonyms.synonyms.length > 10);
    assert.ok(data.ruleDocs.has('abbreviations'));
  });

  it('is immutable', () => {
    assert.ok(Object.isFrozen(data) && Object.isFrozen(data.abbreviations) && Object.isFrozen(data.problems));
    assert.throws(() => (data.abbreviations as string[]).push('XYZ'));
  });

  it('keeps problems in the value: asking again reports them again, without reading again', () => {
    const broken = buildBuiltinData({
      judgements: { source: 'judgements.yaml', text: 'grades: [unclosed' },
      profiles: [],
      abbreviations: { source: 'abbreviations.yaml', text: 'allow: 3' },
    });
    assert.deepStrictEqual([...new Set(broken.problems.map((p) => p.source))], ['judgements.yaml', 'abbreviations.yaml']);
    assert.deepStrictEqual(broken.abbreviations, []);
    assert.strictEqual(broken.profiles.profiles.size, 0);
    // builtinProfiles(problems) adds the data's problems (none for the shipped data) and returns the one value each time.
    const problems: DataProblem[] = [{ source: 'earlier', message: 'kept' }];
    assert.strictEqual(builtinProfiles(problems), builtinProfiles(problems));
    assert.deepStrictEqual(problems, [{ source: 'earlier', message: 'kept' }]);
  });
});
