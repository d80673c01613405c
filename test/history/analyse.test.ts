import * as assert from 'assert';
import { findAbbreviations, abbreviationMap } from '../../server/src/history/abbreviations';
import { Analyser } from '../../server/src/history/analyse';
import { stem } from '../../server/src/history/stem';
import { readSynonyms } from '../../server/src/history/synonyms';
import { builtinProfiles } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';
import { data as builtin } from '../helpers/data';

describe('history: analysis of finding text', () => {
  describe('stemmer', () => {
    const same = (...words: string[]) => {
      const stems = new Set(words.map(stem));
      assert.equal(stems.size, 1, `${words.join(', ')} -> ${[...stems].join(', ')}`);
    };
    it('brings the forms reports use to one stem', () => {
      same('assessment', 'assessments', 'assessed', 'assessing', 'assess');
      same('interview', 'interviews', 'interviewed');
      same('leaver', 'leavers', 'leaving', 'leave');
      same('plan', 'plans', 'planned', 'planning');
      same('placement', 'placements', 'placed', 'placing', 'place');
      same('agency', 'agencies');
      same('timely', 'timeliness');
      same('children', 'child');
      same('organisation', 'organization');
    });
    it('keeps apart words that only look alike', () => {
      assert.notEqual(stem('need'), stem('needle'));
      assert.notEqual(stem('care'), stem('career'));
      assert.equal(stem('process'), 'process');
      assert.equal(stem('status'), 'status');
      assert.equal(stem('16'), '16');
    });
  });

  describe('abbreviations a report defines', () => {
    it('finds the long form by the initials, across hyphens and small words', () => {
      const text = 'Contacts go to the multi-agency safeguarding hub (MASH). The local authority designated officer (LADO) is busy. ' +
        'Personal advisers (PAs) visit. The child and adolescent mental health services (CAMHS) wait is long. ' +
        'An education, health and care plan (EHCP) is in place.';
      const defs = findAbbreviations(text);
      const map = abbreviationMap(defs);
      assert.equal(map.get('MASH'), 'multi-agency safeguarding hub');
      assert.equal(map.get('LADO'), 'local authority designated officer');
      assert.equal(map.get('PA'), 'Personal advisers');
      assert.equal(map.get('CAMHS'), 'child and adolescent mental health services');
      assert.equal(map.get('EHCP'), 'education, health and care plan');
      const mash = defs.find((d) => d.short === 'MASH');
      assert.ok(mash);
      assert.equal(text.slice(mash.span.start, mash.span.end), 'multi-agency safeguarding hub (MASH)');
    });
    it('ignores brackets whose words do not fit the initials', () => {
      assert.deepEqual(findAbbreviations('Some children (UK) wait. Referrals rose (in 2022).'), []);
      assert.deepEqual(findAbbreviations('the front door (MASH) is busy'), []);
    });
  });

  describe('terms', () => {
    const analyser = new Analyser(builtin.synonyms);
    const terms = (t: string, own?: Map<string, string>) => analyser.terms(t, own);

    it('drops stop words, years and the names of reports', () => {
      const t = terms('Since the focused visit in February 2020, the plans for children have improved.');
      assert.ok(!t.includes('2020'));
      assert.ok(!t.some((x) => /^(focus|visit|februar|the|sinc)/.test(x)), t.join(' '));
      assert.ok(t.includes(stem('plans')));
    });

    it('keeps ages, which are part of a concern', () => {
      const t = terms('Homeless 16- and 17-year-olds wait.');
      assert.ok(t.includes('16') && t.includes('17'));
    });

    it("expands a report's own abbreviations, and does not count the definition twice", () => {
      const own = new Map([['MASH', 'multi-agency safeguarding hub']]);
      const defined = terms('the multi-agency safeguarding hub (MASH) screens contacts', own);
      const used = terms('the MASH screens contacts', own);
      assert.deepEqual(defined, used);
      assert.deepEqual(used.filter((x) => x === stem('hub')).length, 1);
    });

    it("prefers the report's own definition to the well-known one", () => {
      const own = new Map([['PA', 'practice adviser']]);
      assert.ok(terms('PAs visit', own).includes(stem('practice')));
      assert.ok(terms('PAs visit').includes(stem('personal')));
    });

    it('reads synonym phrases as one form', () => {
      assert.deepEqual(terms('children looked after'), terms('children in care'));
      assert.deepEqual(terms('care-experienced young people'), terms('care leavers'));
      assert.deepEqual(terms('return home conversations'), terms('return home interviews'));
    });

    it('leaves out the target and text of links to other reports', () => {
      const t = terms('Plans drift ([2018 inspection, paragraph 13](../2018-ilacs.md#para-13)).');
      assert.deepEqual(t, terms('Plans drift.'));
    });

    it('adds the concern a phrase names, keeping its words', () => {
      const mash = terms('Contacts to the multi-agency safeguarding hub are screened promptly.');
      const door = terms('The integrated front door responds well.');
      assert.ok(mash.includes('~front door') && door.includes('~front door'), `${mash.join(' ')} | ${door.join(' ')}`);
      assert.ok(mash.includes(stem('hub')));
      assert.ok(terms('Supervision is regular.').includes('~management oversight'));
    });

    it('does not read a phrase with a comma in it as two (a YAML list splits on commas)', () => {
      // "education, health and care plans" once made every "education" a phrase of its own.
      const t = terms('Education is a priority.');
      assert.ok(!t.some((x) => x.startsWith('~')), t.join(' '));
      assert.ok(terms('education, health and care plans').includes('~education health and care plans'));
      assert.deepEqual(terms('EHC plans'), terms('education, health and care plans'));
    });
  });

  describe('data', () => {
    it('the shipped synonyms.yaml reads without problems and is not taken for a profile', () => {
      assert.deepEqual(builtin.problems, []);
      const data = builtin.synonyms;
      assert.ok(data.synonyms.length > 10 && data.abbreviations.length > 10 && data.judgements.size > 5);
      const profileProblems: DataProblem[] = [];
      builtinProfiles(profileProblems);
      assert.deepEqual(profileProblems.filter((p) => /synonyms/.test(p.source)), []);
    });

    it('reports bad entries and keeps the good ones', () => {
      const problems: DataProblem[] = [];
      const data = readSynonyms('synonyms:\n  - [a b, c d]\n  - lonely\nabbreviations:\n  XY: ex why\n  Z: 3\nbogus: 1\n', 'x.yaml', problems);
      assert.deepEqual(data.synonyms, [['a b', 'c d']]);
      assert.deepEqual(data.abbreviations, [['XY', 'ex why']]);
      assert.equal(problems.length, 2, problems.map((p) => p.message).join('; '));
    });

    it('never throws on broken YAML', () => {
      const problems: DataProblem[] = [];
      const data = readSynonyms('synonyms: [unclosed', 'x.yaml', problems);
      assert.deepEqual(data.synonyms, []);
      assert.ok(problems.length > 0);
    });
  });
});
