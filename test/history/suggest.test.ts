import * as assert from 'assert';
import { applyEdits } from '../../server/src/core/edits';
import { linkCompletions, linkInsertion } from '../../server/src/history/linkCheck';
import { historyOf, suggestionsFor } from '../../server/src/history/suggest';
import { ilacs, indexOf, reportIn, visit } from './helpers';

const A = 'Fernbury City Council';

describe('history: earlier findings for a finding', () => {
  it("expands a report's own abbreviation so that the long and short forms meet", () => {
    const earlier = ilacs({
      authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01',
      summary: 'The family support centre (FSC) was new at the time.',
      sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
        'Families wait too long for a first appointment at the FSC.',
        'Families wait too long for an offer of housing.',
      ] }],
    });
    const draft = ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
      'Families still wait too long for a first appointment at the family support centre.',
    ] }] });
    const withDef = indexOf({ '/h/2019.md': earlier, '/d.md': draft });
    const got = suggestionsFor(withDef, reportIn(withDef, '/d.md'), 'para-1');
    assert.equal(got[0].target.findingId, 'para-1');
    assert.ok(got[0].sharedTerms.includes('centre'), got[0].sharedTerms.join(','));
    // Without the definition, FSC means nothing and the housing paragraph is as close.
    const noDef = indexOf({ '/h/2019.md': earlier.replace(' (FSC)', ''), '/d.md': draft });
    const plain = suggestionsFor(noDef, reportIn(noDef, '/d.md'), 'para-1', { minScore: 0 });
    const fsc = plain.find((s) => s.target.findingId === 'para-1');
    assert.ok(fsc && fsc.score < got[0].score - 0.2, `${fsc?.score} vs ${got[0].score}`);
  });

  it('matches the domain synonyms', () => {
    const index = indexOf({
      '/h/2019.md': ilacs({ authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01', sections: [{ judgement: 'in-care-and-leavers', grade: 'Good', paras: [
        'Care-experienced young people say their workers change too often.',
        'Foster carers receive training in a timely way.',
      ] }] }),
      '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'care-leavers', grade: 'Good', paras: [
        'Care leavers still say that their workers change too often.',
      ] }] }),
    });
    const [best] = suggestionsFor(index, reportIn(index, '/d.md'), 'para-1');
    assert.equal(best.target.findingId, 'para-1');
    assert.ok(best.score > 0.7, String(best.score));
  });

  it('raises the findings of a report the finding names', () => {
    const same = 'Plans for children in need are vague and do not say who will act.';
    const files = {
      '/h/2018.md': ilacs({ authority: A, dates: '2018-03-05 to 2018-03-16', published: '2018-05-02', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [same] }] }),
      '/h/2020-fv.md': visit({ kind: 'focused-visit', authority: A, dates: '2020-02-11', published: '2020-03-20', findings: [same] }),
    };
    const draftWith = (p: string) => ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [p] }] });
    const plainIndex = indexOf({ ...files, '/d.md': draftWith('Plans for children in need are still vague.') });
    const plain = suggestionsFor(plainIndex, reportIn(plainIndex, '/d.md'), 'para-1');
    assert.equal(plain[0].target.uri, '/h/2018.md'); // a tie: the older first
    assert.equal(plain[0].mentioned, false);
    const namedIndex = indexOf({ ...files, '/d.md': draftWith('Since the focused visit in February 2020, plans for children in need are still vague.') });
    const named = suggestionsFor(namedIndex, reportIn(namedIndex, '/d.md'), 'para-1');
    assert.equal(named[0].target.uri, '/h/2020-fv.md');
    assert.equal(named[0].mentioned, true);
    assert.ok(named[0].score > named[1].score);
  });

  it('suggests nothing from other authorities, later reports or unrelated findings', () => {
    const para = 'Return home interviews are not offered to children who go missing.';
    const index = indexOf({
      '/h/shire.md': ilacs({ authority: 'Fernburyshire County Council', dates: '2019-01-07 to 2019-01-18', published: '2019-03-01', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [para] }] }),
      '/h/later.md': ilacs({ authority: A, dates: '2025-01-06 to 2025-01-17', published: '2025-03-01', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [para] }] }),
      '/h/unrelated.md': ilacs({ authority: A, dates: '2019-01-07 to 2019-01-18', published: '2019-03-01', sections: [{ judgement: 'help-protection', grade: 'Good', paras: ['Foster carers receive good training and support.'] }] }),
      '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [para] }] }),
    });
    assert.deepEqual(suggestionsFor(index, reportIn(index, '/d.md'), 'para-1'), []);
    assert.deepEqual(suggestionsFor(index, reportIn(index, '/d.md'), 'para-99'), []);
  });

  it("does not count the authority's own name as a shared word", () => {
    const index = indexOf({
      '/h/2019.md': ilacs({ authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
        'Leaders in Fernbury have a clear vision.',
        'Return home interviews are offered late.',
      ] }] }),
      '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
        'Across Fernbury, return home interviews are still offered late.',
      ] }] }),
    });
    const got = suggestionsFor(index, reportIn(index, '/d.md'), 'para-1', { minScore: 0 });
    assert.deepEqual(got.map((s) => s.target.findingId), ['para-2']);
    assert.ok(!got[0].sharedTerms.includes('fernbury'), got[0].sharedTerms.join(','));
  });

  it('prefers, between equal texts, the earlier finding under the same judgement', () => {
    const same = 'Plans for children are vague and do not say who will act.';
    const index = indexOf({
      '/h/2019.md': ilacs({ authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01', sections: [
        { judgement: 'care-leavers', grade: 'Good', paras: [same] },
        { judgement: 'help-protection', grade: 'Good', paras: [same] },
      ] }),
      '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
        'Plans for children are still vague about who will act.',
      ] }] }),
    });
    const got = suggestionsFor(index, reportIn(index, '/d.md'), 'para-1');
    assert.deepEqual(got.map((s) => s.target.findingId), ['para-2', 'para-1']);
    assert.ok(got[0].score > got[1].score + 0.1, `${got[0].score} vs ${got[1].score}`);
  });

  it('gives plain data: target, score, dates, excerpt, link text and a relative href', () => {
    const index = indexOf({
      '/ws/history/fern/2018.md': ilacs({ authority: A, dates: '2018-03-05 to 2018-03-16', published: '2018-05-02', sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
        'Strategy meetings are held promptly and **police attend**; see [the guidance](https://example.org/g).',
      ] }] }),
      '/ws/drafts/2024.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'help-protection', grade: 'Good', paras: ['Strategy meetings are still held promptly.'] }] }),
    });
    const [s] = suggestionsFor(index, reportIn(index, '/ws/drafts/2024.md'), 'para-1');
    assert.deepEqual(
      { ...s, score: 0, sharedTerms: [] },
      {
        target: { uri: '/ws/history/fern/2018.md', findingId: 'para-1', span: s.target.span, line: s.target.line, range: s.target.range },
        score: 0, kind: 'ilacs', kindLabel: 'ILACS inspection report', date: '2018-05-02', published: '2018-05-02',
        inspection: { start: '2018-03-05', end: '2018-03-16' },
        excerpt: 'Strategy meetings are held promptly and police attend; see the guidance.',
        linkText: '2018 inspection, paragraph 1', href: '../history/fern/2018.md#para-1', mentioned: false, linked: false, sharedTerms: [],
      },
    );
    assert.ok(s.score > 0 && s.score <= 1);
    assert.equal(s.target.range.start.line, s.target.line);
    assert.equal(JSON.parse(JSON.stringify(s)).target.findingId, 'para-1');
  });
});

describe('history: a finding\'s history', () => {
  const index = indexOf({
    '/h/2016.md': ilacs({ kind: 'sif', authority: A, dates: '2016-02-01 to 2016-02-12', published: '2016-04-01',
      grades: { 'sif-looked-after': 'Requires improvement', overall: 'Requires improvement' },
      sections: [{ judgement: 'sif-looked-after', grade: 'Requires improvement', paras: ['Too few foster homes are available close to home for children looked after.'] }] }),
    '/h/2019.md': ilacs({ authority: A, dates: '2019-05-06 to 2019-05-17', published: '2019-07-01',
      grades: { 'in-care-and-leavers': 'Good', overall: 'Good' },
      sections: [{ judgement: 'in-care-and-leavers', grade: 'Good', paras: ['Sufficiency of foster homes close to home remains a challenge for children in care.', 'Pathway plans are up to date.'] }] }),
    '/h/2021-fv.md': visit({ kind: 'focused-visit', authority: A, dates: '2021-02-09', published: '2021-03-15', findings: ['Supervision is regular.'] }),
    '/d.md': ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', grades: { 'in-care': 'Good' }, sections: [{ judgement: 'in-care', grade: 'Good', paras: [
      'There are still too few foster homes close to home for children in care ([2019 inspection, paragraph 2](h/2019.md#para-2)).',
    ] }] }),
  });

  it('lists the earlier matches oldest first, with the grade then of the judgement the finding sits under', () => {
    const h = historyOf(index, reportIn(index, '/d.md'), 'para-1');
    assert.deepEqual(h.map((e) => [e.reportLabel, e.target.findingId, e.grade?.judgement, e.grade?.grade]), [
      ['2016 inspection', 'para-1', 'sif-looked-after', 'Requires improvement'],
      ['2019 inspection', 'para-2', 'in-care-and-leavers', 'Good'],
    ]);
    assert.equal(h[1].linked, true, 'the paragraph the author linked is the one shown for 2019, though para-1 scores higher');
    assert.ok(h[0].date && h[1].date && h[0].date < h[1].date);
  });

  it('offers completions with the best match first', () => {
    const items = linkCompletions(index, reportIn(index, '/d.md'), 'para-1');
    assert.equal(items[0].href, 'h/2019.md#para-1');
    assert.equal(items[0].label, '2019 inspection, paragraph 1');
    assert.ok(items.some((i) => i.href === 'h/2021-fv.md#finding-1'));
    assert.equal(new Set(items.map((i) => i.href)).size, items.length);
  });

  it('inserts a link before the full stop of the finding', () => {
    const text = ilacs({ authority: A, dates: '2024-05-06 to 2024-05-17', sections: [{ judgement: 'in-care', grade: 'Good', paras: ['Too few foster homes.'] }] });
    const idx = indexOf({ '/d.md': text });
    const edit = linkInsertion(text, reportIn(idx, '/d.md'), 'para-1', { linkText: '2019 inspection, paragraph 1', href: 'h/2019.md#para-1' });
    assert.ok(edit);
    assert.ok(applyEdits(text, [edit]).text.includes('1. Too few foster homes ([2019 inspection, paragraph 1](h/2019.md#para-1)).'));
  });
});
