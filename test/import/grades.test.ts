import * as assert from 'assert';
import { importText } from '../../server/src/import/entry';
import { importGradesFor, useImportCatalog } from '../../server/src/import/grades';
import { isTableLine, splitTableText } from '../../server/src/import/patterns';
import { readCatalog } from '../../server/src/profiles/load';
import { builtinProfiles } from '../../server/src/io/builtinData';

const builtin = () => builtinProfiles().catalog;

/** A made-up catalogue whose grades are not Ofsted's. */
const invented = () => readCatalog({
  grades: { new: ['Excellent', 'Fine', 'Poor and weak'], old: ['Excellent', 'Fine', 'Poor'] },
  notGrades: {},
  judgements: { a: { name: 'Alpha' } },
  eras: [{ id: 'new', framework: 'new', from: '2010-01-01', grades: 'new', table: ['a'], sections: ['a'] }],
}, 'invented', []);

describe('import: grade phrases from the catalogue', () => {
  afterEach(() => useImportCatalog(builtin()));

  it('reads every grade set of the catalogue, older ones too, longest phrase first', () => {
    const g = importGradesFor(builtin());
    for (const set of Object.values(builtin().grades)) for (const p of set) assert.ok(g.phrases.includes(p), p);
    assert.ok(g.phrases.includes('Adequate'), 'old reports print adequate');
    assert.deepStrictEqual(g.phrases, [...g.phrases].sort((a, b) => b.length - a.length));
    assert.strictEqual(g.any.exec('judged requires improvement to be good.')?.[1], 'requires improvement to be good');
    assert.ok(g.only.test('Requires Improvement') && !g.only.test('Good enough'));
    assert.strictEqual(importGradesFor(builtin()), g, 'built once per catalogue');
  });

  it('splits table text by the catalogue it was given', () => {
    assert.deepStrictEqual(splitTableText('Overall effectiveness Requires improvement to be good'), [{ name: 'Overall effectiveness', grade: 'Requires improvement to be good' }]);
    useImportCatalog(invented());
    assert.deepStrictEqual(splitTableText('Alpha Poor and weak Beta Excellent'), [{ name: 'Alpha', grade: 'Poor and weak' }, { name: 'Beta', grade: 'Excellent' }]);
    assert.deepStrictEqual(splitTableText('Overall effectiveness Good'), [], "'Good' is no grade of this catalogue");
    assert.ok(isTableLine('Overall effectiveness Excellent'));
    assert.ok(!isTableLine('Overall effectiveness Good'));
  });

  it("takes the catalogue from the import's options", () => {
    const text = 'Judgement Grade\nThe impact of leaders on social work practice with children and families Excellent\nOverall effectiveness Fine\n';
    const withOurs = importText(text, { sourceName: 'x.txt', catalog: invented() });
    const withBuiltin = importText(text, { sourceName: 'x.txt', catalog: builtin() });
    const rows = (r: ReturnType<typeof importText>) => (r.ok ? r.markdown.split('\n').filter((l) => /^\| (?!Judgement|---)/.test(l)) : []);
    assert.deepStrictEqual(rows(withOurs).length, 2, JSON.stringify(withOurs));
    assert.ok(withOurs.ok);
    // With Ofsted's grades there is no table to find (and so no kind to tell).
    assert.ok(!withBuiltin.ok || rows(withBuiltin).length === 0, JSON.stringify(withBuiltin));
  });
});
