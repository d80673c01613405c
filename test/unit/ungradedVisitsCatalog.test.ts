import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { ungradedVisits } from '../../server/src/rules/ungraded-visits';
import type { Catalog } from '../../server/src/profiles/types';
import { data } from '../helpers/data';

const LETTER = (grade: string) => `---
report: monitoring-visit
authority: Brookhaven Borough Council
inspection-dates: 2023-03-07 to 2023-03-08
published: 2023-04-04
inspectors: [Maya Sample]
visit-number: 5
---

# Monitoring visit to Brookhaven Borough Council children's services

Dear Chris Example,

This was the fifth monitoring visit since the local authority was judged ${grade} in March 2021.
`;

/** The built-in catalogue with the ILACS grades renamed: the lowest is 'Failing'. */
function renamedLowest(): Catalog {
  const c = structuredClone(data.profiles.catalog);
  c.grades.ilacs = ['Outstanding', 'Good', 'Requires improvement to be good', 'Failing'];
  return c;
}

describe('ungraded-visits: the grade monitoring visits follow is the lowest of the catalogue', () => {
  const messages = (text: string, catalog: Catalog) =>
    checkText(text, 'file:///tmp/visit.md', { data, profiles: { ...data.profiles, catalog }, rules: [ungradedVisits] }).diagnostics.map((d) => d.message);

  it("takes 'inadequate' from the built-in catalogue", () => {
    assert.deepStrictEqual(messages(LETTER('inadequate'), data.profiles.catalog), []);
    assert.deepStrictEqual(messages(LETTER('good'), data.profiles.catalog), ["Monitoring visits follow an inadequate judgement; 'good' here is probably a slip for 'inadequate'."]);
  });

  it('follows a catalogue whose lowest grade is another word', () => {
    const c = renamedLowest();
    assert.deepStrictEqual(messages(LETTER('failing'), c), [], 'the lowest grade of this catalogue');
    assert.deepStrictEqual(messages(LETTER('good'), c), ["Monitoring visits follow a failing judgement; 'good' here is probably a slip for 'failing'."]);
  });
});
