import * as assert from 'assert';
import { judgementHeadingPatterns, overallSentence } from '../../server/src/import/build';
import { ilacsHeading } from '../../server/src/import/detect';
import { frameworkGradeAlternation, gradeComplete } from '../../server/src/import/grades';
import { importNamesFor } from '../../server/src/import/names';
import { sentenceHeading } from '../../server/src/import/sifLayout';
import { readCatalog } from '../../server/src/profiles/load';
import { catalog as builtin } from '../helpers/data';

/**
 * A made-up catalogue with Ofsted's two framework ids but renamed judgements
 * and grades: what the importer recognises follows the catalogue, not code.
 */
const renamed = readCatalog({
  grades: { ilacs: ['Superb', 'Fine', 'Must improve to be fine', 'Failing'], sif: ['Superb', 'Fine', 'Must improve', 'Failing'] },
  gradeForms: { sif: { 'Must improve to be fine': 'Must improve' } },
  notGrades: {},
  judgements: {
    care: { name: 'The quality of care for children', short: 'care' },
    lead: { name: 'The strength of leaders', short: 'leaders' },
    verdict: { name: 'Final verdict', short: 'verdict' },
    'sif-safe': { name: 'Children kept safe', short: 'safe', headings: ['The safety of children kept safe'] },
    'sif-verdict': { name: 'Final verdict', short: 'verdict' },
  },
  eras: [
    { id: 'sif', framework: 'sif', from: '2013-11-01', grades: 'sif', table: ['sif-safe', 'sif-verdict'], sections: ['sif-safe'], overall: 'sif-verdict' },
    { id: 'ilacs', framework: 'ilacs', from: '2018-01-01', grades: 'ilacs', table: ['lead', 'care', 'verdict'], sections: ['care', 'lead'], overall: 'verdict' },
  ],
}, 'renamed', []);

describe('import: patterns made from the catalogue (names and grades nowhere in code)', () => {
  it('knows a judgement heading printed a few words off its name by the words names open with', () => {
    assert.deepStrictEqual([...importNamesFor(builtin).openings].sort(), ['experience', 'experiences', 'impact']);
    assert.ok(judgementHeadingPatterns(builtin).near.test('The experiences of children in care: outstanding'));
    assert.ok(!judgementHeadingPatterns(builtin).near.test('The quality of help given to children: fine'));
    assert.deepStrictEqual([...importNamesFor(renamed).openings].sort(), ['quality', 'safety', 'strength']);
    assert.ok(judgementHeadingPatterns(renamed).near.test('The quality of help given to children: fine'));
    assert.ok(!judgementHeadingPatterns(renamed).near.test('The experiences of children in care: outstanding'), "Ofsted's words are not this catalogue's");
    assert.strictEqual(judgementHeadingPatterns(renamed), judgementHeadingPatterns(renamed), 'built once per catalogue');
  });

  it("finds a table printed without its header by an era's numbered first row", () => {
    assert.ok(importNamesFor(builtin).firstRow.test('1. Children who need help and protection Good'));
    assert.ok(importNamesFor(builtin).firstRow.test('1 Children who need help and protection'));
    assert.ok(!importNamesFor(builtin).firstRow.test('2. Children who need help and protection'), 'the first row only');
    assert.ok(importNamesFor(renamed).firstRow.test('1. Children kept safe Fine'));
    assert.ok(!importNamesFor(renamed).firstRow.test('1. Children who need help and protection'));
  });

  it("names the overall judgement's row and the sections a SIF report's LSCB review follows", () => {
    assert.ok(importNamesFor(builtin).overallRow.test('Overall effectiveness'));
    assert.ok(!importNamesFor(builtin).overallRow.test('Leadership, management and governance'));
    assert.ok(importNamesFor(renamed).overallRow.test('Final verdict') && !importNamesFor(renamed).overallRow.test('Overall effectiveness'));
    const sif = importNamesFor(builtin).sectionStart.get('sif')!;
    for (const h of ['The experiences and progress of children who need help and protection', 'The experience and progress of care leavers', 'Leadership, management and governance']) assert.ok(sif.test(h), h);
    assert.ok(!sif.test('Overall effectiveness: Inadequate'), "the overall judgement's section is none of them");
    const theirs = importNamesFor(renamed).sectionStart.get('sif')!;
    assert.ok(theirs.test('The safety of children kept safe') && !theirs.test('Leadership, management and governance'));
  });

  it("reads a SIF framework's grades (and their other wordings) in sentence headings and the overall sentence", () => {
    assert.ok(sentenceHeading(builtin).test('Children looked after and achieving permanence require improvement.'));
    assert.ok(sentenceHeading(builtin).test('The effectiveness of the board is requires improvement to be good'), 'a gradeForms wording');
    assert.ok(!sentenceHeading(builtin).test('Children kept safe are failing.'));
    assert.ok(sentenceHeading(renamed).test('Children kept safe are failing.'));
    assert.ok(sentenceHeading(renamed).test('Children kept safe must improve to be fine.'), "the sif set's other wording (gradeForms)");
    assert.ok(!sentenceHeading(renamed).test('Children looked after and achieving permanence is inadequate.'));
    assert.strictEqual(overallSentence(builtin).exec("Children's services in Exampleshire require improvement to be good.")?.[1], 'require improvement to be good');
    assert.strictEqual(overallSentence(renamed).exec("Children's services in Exampleshire failing.")?.[1], 'failing', 'the grade itself as the verb');
    assert.strictEqual(overallSentence(builtin).exec("Children's services in Exampleshire failing."), null);
    assert.match(frameworkGradeAlternation(renamed, 'sif'), /must improve to be fine/i);
    assert.strictEqual(frameworkGradeAlternation(renamed, 'none'), '(?!)', 'a framework with no eras has no grades');
  });

  it('falls back on an ILACS judgement heading by the names and grades of ILACS', () => {
    assert.ok(ilacsHeading(builtin).test('The experiences and progress of children in care: good'));
    assert.ok(ilacsHeading(builtin).test('The impact of leaders on social work practice requires improvement to be good'), 'a grade only ILACS has, no colon');
    assert.ok(!ilacsHeading(builtin).test('The impact of leaders on social work practice is good'), 'a grade both frameworks have needs the colon');
    assert.ok(ilacsHeading(renamed).test('The strength of leaders: superb') && ilacsHeading(renamed).test('The quality of care must improve to be fine'));
    assert.ok(!ilacsHeading(renamed).test('The experiences and progress of children in care: good'));
  });

  it('keeps a wrapped table grade together while a longer grade of the catalogue goes on', () => {
    assert.ok(!gradeComplete(builtin, 'Requires improvement', 'to be good'));
    assert.ok(gradeComplete(builtin, 'Requires improvement', 'Good'));
    assert.ok(!gradeComplete(builtin, 'Requires', 'improvement'), 'no grade yet');
    assert.ok(gradeComplete(builtin, 'Requires improvement to be good.', 'Inadequate'));
    assert.ok(!gradeComplete(renamed, 'Must improve', 'to be fine') && gradeComplete(renamed, 'Must improve', 'Superb'));
    assert.ok(gradeComplete(renamed, 'Fine', 'to be good'), "'to be good' carries on no grade of this catalogue");
  });
});
