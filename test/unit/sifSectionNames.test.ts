/**
 * One defect, one diagnostic, for SIF section names (issue 13): a section
 * heading one word off the name SIF sections are printed under ("The
 * experiences of progress of children looked after ...") is read as that
 * judgement, so the user sees the name's error, with its fix, and not also a
 * missing section.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { data } from '../helpers/data';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'rules', 'judgement-names', 'sif-heading-near-miss.md');

describe('SIF section names one word off', () => {
  const text = fs.readFileSync(FIXTURE, 'utf8').replace(/<!-- expect[\s\S]*$/, '');
  const c = checkText(text, 'x.md', { data, profiles: builtinProfiles() });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');

  it('gives one error, on the name, fixed to the heading SIF sections are printed under', () => {
    assert.deepStrictEqual(errors.map((d) => d.ruleId), ['judgement-names']);
    assert.match(errors[0].message, /is nearly the judgement name 'The experiences and progress of children looked after and achieving permanence' \('of' for 'and'\)/);
    assert.strictEqual(errors[0].fix?.edits[0].newText, 'The experiences and progress of children looked after and achieving permanence');
  });

  it("reads 'The experience and progress of care leavers' as the care leavers' judgement, with a warning", () => {
    const w = c.diagnostics.filter((d) => d.ruleId === 'judgement-names' && d.severity === 'warning');
    assert.strictEqual(w.length, 1);
    assert.match(w[0].message, /'Experiences and progress of care leavers'/);
  });
});
