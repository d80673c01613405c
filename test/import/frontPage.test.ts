/**
 * What the importer reads from a report's front page and headings, on text
 * written for these tests: two lead inspectors, a judgement heading printed a
 * few words off its name.
 */
import * as assert from 'assert';
import { importText } from '../../server/src/import/index';
import { catalog } from '../helpers/data';

const TABLE = [
  'Judgement\tGrade',
  'The impact of leaders on social work practice with children and families\tGood',
  'The experiences and progress of children who need help and protection\tGood',
  'The experiences and progress of children in care\tGood',
  'The experiences and progress of care leavers\tGood',
  'Overall effectiveness\tGood',
];

describe('import: front page and headings', () => {
  it('reads "Lead inspectors:" with two names', () => {
    const r = importText([
      'Inspection of Exampleton local authority children’s services', '',
      'Inspection dates: 3 to 14 October 2022', '',
      'Lead inspectors: Ann Example, His Majesty’s Inspector, and Bob Sample, His Majesty’s Inspector', '',
      ...TABLE, '', 'Children are helped well.',
    ].join('\n'), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.frontMatter.leadInspector, 'Ann Example and Bob Sample');
    assert.ok(!r.warnings.some((w) => /lead inspector/.test(w)), r.warnings.join('; '));
  });

  it('keeps a judgement heading printed a few words off its name as a heading', () => {
    const r = importText([
      'Inspection of Exampleton local authority children’s services', '',
      'Inspection dates: 3 to 14 October 2025', '', ...TABLE, '',
      'The experiences and progress of children who need help and protection: good', '',
      '1. Families are helped early.', '',
      'The experiences of children in care: good', '',
      '2. Plans are reviewed.', '',
    ].join('\n'), { catalog });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.match(r.markdown, /^## The experiences of children in care: good$/m);
    assert.match(r.markdown, /^2\. Plans are reviewed\.$/m);
  });
});
