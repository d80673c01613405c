import * as assert from 'assert';
import {
  canonicalGrade, gradeLevel, gradeMeaning, gradeRank, gradeScale, gradesFor, gradeWords, headingGrade, headingStyleYear,
  intendedGrade, isOlderGrade, levelLabel, modernHeadings, sameGrade,
} from '../../server/src/domain/grades';
import { readCatalog } from '../../server/src/profiles/load';
import { catalog, model, report } from '../features/helpers';

const front = (kind: string, start: string) => ({ report: kind, authority: 'Anyshire', 'inspection-dates': `${start} to ${start}`, published: '2030-01-01', 'lead-inspector': 'J' });

/** A made-up catalogue with other grade words: whatever reads grades must follow it. */
const invented = () => readCatalog({
  grades: { new: ['Excellent', 'Fine', 'Weak'], old: ['Excellent', 'Fine', 'Poor and weak'], older: ['Excellent', 'Passable', 'Poor'] },
  notGrades: { 'poor and weak': 'Weak', so: null },
  judgements: { a: { name: 'Alpha' } },
  eras: [
    { id: 'old', framework: 'old', from: '2000-01-01', grades: 'old', table: ['a'], sections: ['a'] },
    { id: 'new', framework: 'new', from: '2010-01-01', grades: 'new', table: ['a'], sections: ['a'] },
  ],
}, 'invented', []);

describe('domain: grades from the catalogue', () => {
  it("gives a report its era's grades, else its framework's", () => {
    assert.deepStrictEqual(gradesFor(catalog(), model(report(front('ilacs', '2023-02-06'), '# T\n'))), catalog().grades.ilacs);
    assert.deepStrictEqual(gradesFor(catalog(), model(report(front('sif', '2015-02-02'), '# T\n'))), catalog().grades.sif);
    assert.deepStrictEqual(gradesFor(catalog(), model(report({ report: 'sif' }, '# T\n'))), catalog().grades.sif, 'no dates: the framework');
    assert.deepStrictEqual(gradesFor(catalog(), model('# Notes\n')), catalog().grades.ilacs);
  });

  it('reads what a written grade stands for, across frameworks and case', () => {
    const ilacs = catalog().grades.ilacs;
    const sif = catalog().grades.sif;
    assert.strictEqual(intendedGrade(catalog(), ilacs, 'requires improvement'), 'Requires improvement to be good');
    assert.strictEqual(intendedGrade(catalog(), sif, 'Requires improvement to be good.'), 'Requires improvement');
    assert.strictEqual(intendedGrade(catalog(), ilacs, '‘GOOD’'), 'Good');
    assert.strictEqual(intendedGrade(catalog(), ilacs, 'require improvement to be good'), 'Requires improvement to be good');
    assert.strictEqual(intendedGrade(catalog(), ilacs, 'adequate'), undefined);
    assert.strictEqual(intendedGrade(catalog(), ilacs, 'strong standard'), undefined);
    assert.strictEqual(canonicalGrade(catalog(), ilacs, '  '), undefined);
    assert.deepStrictEqual(ilacs.map((g) => gradeRank(ilacs, g)), [4, 3, 2, 1]);
    assert.strictEqual(gradeRank(ilacs, 'Adequate'), 0);
  });

  it('builds one scale across frameworks, and labels each level', () => {
    assert.deepStrictEqual(gradeScale(catalog()).map((l) => l.level), [4, 3, 2, 1]);
    const labels = gradeScale(catalog()).map(levelLabel);
    assert.deepStrictEqual([labels[0], labels[1], labels[3]], [['Outstanding'], ['Good'], ['Inadequate']]);
    assert.deepStrictEqual(labels[2].slice(-2), ['Requires improvement', '(to be good)'], 'one line and the rest in brackets');
    assert.deepStrictEqual(['Outstanding', 'good.', 'Requires improvement to be good', 'requires  improvement', 'Inadequate'].map((g) => gradeLevel(catalog(), g)), [4, 3, 2, 2, 1]);
    assert.deepStrictEqual(['Strong standard', 'goodish', '', undefined].map((g) => gradeLevel(catalog(), g)), [undefined, undefined, undefined, undefined]);
  });

  it('says what a grade is, and which words are older wording', () => {
    assert.strictEqual(gradeMeaning(catalog(), 'Outstanding'), 'the highest of the four grades');
    assert.strictEqual(gradeMeaning(catalog(), 'good'), 'the second of the four grades');
    assert.strictEqual(gradeMeaning(catalog(), 'Requires improvement to be good'), 'the third of the four ILACS grades');
    assert.match(gradeMeaning(catalog(), 'Requires improvement')!, /^the third of the four SIF grades( \(inspections starting [^)]+\))?; ILACS writes “Requires improvement to be good”$/);
    assert.strictEqual(gradeMeaning(catalog(), 'Inadequate'), 'the lowest of the four grades');
    assert.strictEqual(gradeMeaning(catalog(), 'Strong standard'), undefined);
    assert.ok(!isOlderGrade(catalog(), 'good'));
    assert.ok(!isOlderGrade(catalog(), 'strong standard'));
    const words = gradeWords(catalog());
    for (const w of ['requires improvement to be good', 'requires improvement', 'adequate', 'strong standard']) assert.ok(words.includes(w), w);
    assert.deepStrictEqual(words, [...words].sort((a, b) => b.length - a.length), 'longest first');
  });

  it('follows the data: another catalogue gives other grades everywhere', () => {
    const c = invented();
    assert.deepStrictEqual(gradeScale(c).map(levelLabel), [['Excellent'], ['Fine'], ['Weak', 'Poor and weak']]);
    assert.strictEqual(gradeLevel(c, 'fine'), 2);
    assert.strictEqual(gradeLevel(c, 'Good'), undefined);
    assert.strictEqual(gradeMeaning(c, 'Weak'), 'the lowest of the three NEW grades');
    assert.strictEqual(gradeMeaning(c, 'poor and weak'), 'the lowest of the three OLD grades; NEW writes “Weak”');
    assert.ok(isOlderGrade(c, 'Passable'));
    assert.ok(!isOlderGrade(c, 'Fine'));
    assert.strictEqual(gradeMeaning(c, 'Passable'), undefined, 'no era uses it');
    assert.strictEqual(gradeLevel(c, 'Passable'), undefined);
    assert.deepStrictEqual(gradeWords(c), ['poor and weak', 'excellent', 'passable', 'fine', 'weak', 'poor', 'so']);
  });

  it("names the era when a framework's eras graded differently", () => {
    const c = readCatalog({
      grades: { a: ['Top', 'Okay', 'Low'], b: ['Top', 'Middling', 'Low'], c: ['Top', 'Fair', 'Low'] },
      notGrades: {},
      judgements: { x: { name: 'X' } },
      eras: [
        { id: 'early', framework: 'one', from: '2001-01-01', grades: 'a', table: ['x'], sections: [] },
        { id: 'late', framework: 'one', from: '2005-01-01', grades: 'b', table: ['x'], sections: [] },
        { id: 'other', framework: 'two', from: '2010-01-01', grades: 'c', table: ['x'], sections: [] },
      ],
    }, 'mixed', []);
    assert.strictEqual(gradeMeaning(c, 'Middling'), 'the second of the three ONE grades (inspections starting 1 January 2005 to 31 December 2009)');
    assert.strictEqual(gradeMeaning(c, 'Fair'), 'the second of the three TWO grades');
    assert.deepStrictEqual(gradeScale(c).map(levelLabel), [['Top'], ['Okay', 'Fair', 'Middling'], ['Low']]);
  });

  it('applies the heading-year rule once: lower case from 2021, as written before, and lower case with no date', () => {
    const m2019 = model(report(front('ilacs', '2019-03-04'), '# T\n'));
    const m2021 = model(report(front('ilacs', '2021-01-11'), '# T\n'));
    const undated = model(report({ report: 'ilacs' }, '# T\n'));
    assert.strictEqual(headingStyleYear(m2019), 2019);
    assert.strictEqual(headingStyleYear(undated), undefined);
    assert.deepStrictEqual([m2019, m2021, undated].map(modernHeadings), [false, true, true]);
    assert.deepStrictEqual([m2019, m2021, undated].map((m) => headingGrade(m, 'Requires improvement to be good')),
      ['Requires improvement to be good', 'requires improvement to be good', 'requires improvement to be good']);
  });
});

describe('domain: one grade in two wordings', () => {
  it('treats a phrase and its extension as one grade, and nothing else', () => {
    assert.ok(sameGrade('requires improvement', 'Requires improvement to be good'));
    assert.ok(sameGrade('Requires Improvement to be good.', 'requires  improvement'));
    assert.ok(sameGrade('Good', 'good.'));
    assert.ok(!sameGrade('good', 'inadequate'));
    assert.ok(!sameGrade('adequate', 'inadequate'));
    assert.ok(!sameGrade('', 'good'));
  });
});
