import * as assert from 'assert';
import { findGradeQuotes, findMentions } from '../../server/src/history/mentions';
import { resolveMentions } from '../../server/src/history/resolve';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { readCatalog } from '../../server/src/profiles/load';

const catalog = builtinProfiles().catalog;
import { ilacs, indexOf, reportIn, scrutiny, visit } from './helpers';

const lineOf = () => 0;

describe('history: explicit mentions of earlier reports', () => {
  const mentions = (t: string) => findMentions(t, 0, lineOf, catalog);

  it('finds the last inspection, with or without its year', () => {
    const [a] = mentions('Progress since the last inspection in 2018 has been slow.');
    assert.equal(a.kind, 'inspection');
    assert.equal(a.latest, true);
    assert.equal(a.year, 2018);
    assert.equal(a.text, 'the last inspection in 2018');
    const [b] = mentions('At the previous inspection, managers were absent.');
    assert.equal(b.latest, true);
    assert.equal(b.year, undefined);
  });

  it('finds a dated focused visit, either way round', () => {
    const [a] = mentions('Since the focused visit in February 2020, plans are clearer.');
    assert.deepEqual([a.kind, a.month, a.year], ['focused-visit', 2, 2020]);
    const [b] = mentions('In February 2020, a focused visit found areas for priority action.');
    assert.deepEqual([b.kind, b.month, b.year], ['focused-visit', 2, 2020]);
  });

  it('finds an ordinal monitoring visit, but not the letter naming itself', () => {
    const [a] = mentions('As found at the fifth monitoring visit, supervision is regular.');
    assert.deepEqual([a.kind, a.ordinal], ['monitoring-visit', 5]);
    assert.deepEqual(mentions('This was the fifth monitoring visit since the local authority was judged inadequate in July 2022.').map((m) => m.kind), ['inspection']);
  });

  it('reads "judged inadequate in July 2022" as naming that inspection', () => {
    const [a] = mentions('since the local authority was judged inadequate in July 2022');
    assert.deepEqual([a.kind, a.month, a.year], ['inspection', 7, 2022]);
  });

  it('reads "that inspectors found in 2022" as naming that inspection', () => {
    const [a] = mentions('The delays in the MASH that inspectors found in 2022 have been addressed.');
    assert.deepEqual([a.kind, a.year, a.text], ['inspection', 2022, 'inspectors found in 2022']);
    const [b] = mentions('Weaknesses identified in May 2022 in return home interviews persist.');
    assert.deepEqual([b.kind, b.month, b.year], ['inspection', 5, 2022]);
    assert.deepEqual(mentions('Managers found in practice that plans were weak.'), []);
  });

  it('ignores references that name no particular report', () => {
    assert.deepEqual(mentions('Inspection dates: 11 to 22 July 2022. This inspection found. The next inspection will tell.'), []);
  });

  it('allows a line break inside the phrase and gives document offsets', () => {
    const text = 'xx\nSince the last\ninspection in 2018, things moved.';
    const [a] = findMentions(text, 3, (o) => (o > 2 ? 1 : 0), catalog);
    assert.equal(text.slice(a.span.start, a.span.end), 'the last\ninspection in 2018');
    assert.equal(a.line, 1);
  });
});

describe('history: quoted grades', () => {
  const quotes = (t: string) => findGradeQuotes(t, 0, lineOf, catalog);

  it('finds a grade with the month of the inspection', () => {
    const [q] = quotes('Services were judged inadequate in July 2022 and remain in monitoring.');
    assert.deepEqual([q.grade, q.month, q.year, q.judgement], ['inadequate', 7, 2022, undefined]);
  });

  it('finds "led to an inadequate judgement" with the date earlier in the sentence', () => {
    const [q] = quotes('In July 2022 the council had its full inspection, which led to an inadequate judgement.');
    assert.deepEqual([q.grade, q.month, q.year], ['inadequate', 7, 2022]);
  });

  it('names the judgement said before the grade', () => {
    const qs = quotes('In March 2018, help and protection was judged requires improvement to be good, and leaders were judged good.');
    assert.deepEqual(qs.map((q) => [q.judgement, q.grade]), [['help-protection', 'requires improvement to be good'], ['leaders', 'good']]);
  });

  it('needs a date in the same sentence', () => {
    assert.deepEqual(quotes('Services were judged inadequate. In July 2022 the panel met.'), []);
  });

  it("names the judgement by the catalogue's short names and mentions, the most specific first", () => {
    const judgementOf = (t: string) => quotes(t).map((q) => q.judgement);
    assert.deepEqual(judgementOf('In 2019 children looked after were judged good.'), ['in-care'], 'a mention (judgements.yaml)');
    assert.deepEqual(judgementOf('In 2019 children in care and care leavers were judged good.'), ['in-care-and-leavers']);
    assert.deepEqual(judgementOf('In 2019 leadership was judged good, and overall the council was judged good.'), ['leaders', 'overall']);
    // Another catalogue, other words: nothing here is Ofsted's.
    const other = readCatalog({
      grades: { g: ['Excellent'] },
      judgements: { x: { name: 'The quality of xylophones', short: 'xylophones', mentions: ['the band'] }, old: { name: 'Leaders', short: 'leaders' } },
      eras: [{ id: 'old', framework: 'f0', from: '2000-01-01', grades: 'g', table: ['old'] }, { id: 'e', framework: 'f', from: '2010-01-01', grades: 'g', table: ['x'] }],
    }, 'other', []);
    const theirs = (t: string) => findGradeQuotes(t, 0, lineOf, other).map((q) => q.judgement);
    assert.deepEqual(theirs('In 2019 the band was judged excellent.'), ['x']);
    assert.deepEqual(theirs('In 2019 leaders were judged excellent.'), [undefined], 'only the newest framework\'s judgements are named');
  });

  it("names the overall judgement after the grade by the catalogue's words for it", () => {
    const judgementOf = (t: string, c = catalog) => findGradeQuotes(t, 0, lineOf, c).map((q) => q.judgement);
    assert.deepEqual(judgementOf('In 2019 the council was judged good overall.'), ['overall']);
    assert.deepEqual(judgementOf('In 2019 the council was judged good all told.'), [undefined]);
    const other = readCatalog({
      grades: { g: ['Excellent'] },
      judgements: { x: { name: 'The quality of xylophones', short: 'xylophones' }, v: { name: 'Verdict', short: 'verdict', mentions: ['all told'] } },
      eras: [{ id: 'e', framework: 'f', from: '2010-01-01', grades: 'g', table: ['x', 'v'], overall: 'v' }],
    }, 'other', []);
    assert.deepEqual(judgementOf('In 2019 the council was judged excellent all told.', other), ['v']);
    assert.deepEqual(judgementOf('In 2019 the council was judged excellent overall.', other), [undefined], "'overall' is not this catalogue's word");
  });
});

describe('history: resolving mentions against the history', () => {
  const A = 'Fernbury City Council';
  const files = {
    '/h/2018.md': ilacs({ authority: A, dates: '2018-03-05 to 2018-03-16', published: '2018-05-02', sections: [{ judgement: 'help-protection', grade: 'Good', paras: ['Plans are clear.'] }] }),
    '/h/2020-fv.md': visit({ kind: 'focused-visit', authority: A, dates: '2020-02-11 to 2020-02-12', published: '2020-03-20' }),
    '/h/2022.md': ilacs({ authority: A, dates: '2022-07-11 to 2022-07-22', published: '2022-09-06', sections: [{ judgement: 'help-protection', grade: 'Inadequate', paras: ['Plans drift.'] }] }),
    '/h/2023-mv.md': visit({ kind: 'monitoring-visit', authority: A, dates: '2023-03-07', published: '2023-04-10' }),
    '/h/2023-mv2.md': visit({ kind: 'monitoring-visit', authority: A, dates: '2023-09-12', published: '2023-10-20' }),
    '/h/2024-scrutiny.md': scrutiny({
      authority: 'Fernbury', meetingDate: '2024-05-01',
      sections: [{ title: 'Background', paras: [
        'Since the last inspection in 2018 services declined.',
        'The focused visit in February 2020 set priorities.',
        'The second monitoring visit saw progress.',
        'At the last inspection, leaders were new.',
        'The focused visit in May 2019 is not in the history.',
      ] }],
    }),
  };

  it('resolves each mention to the report it names', () => {
    const index = indexOf(files);
    const got = resolveMentions(index, reportIn(index, '/h/2024-scrutiny.md')).map((r) => [r.mention.text, r.report?.uri]);
    assert.deepEqual(got, [
      ['the last inspection in 2018', '/h/2018.md'],
      ['The focused visit in February 2020', '/h/2020-fv.md'],
      ['The second monitoring visit', '/h/2023-mv2.md'],
      ['the last inspection', '/h/2022.md'],
      ['The focused visit in May 2019', undefined],
    ]);
  });

  it('ties a mention to the finding it is in', () => {
    const index = indexOf(files);
    const r = reportIn(index, '/h/2024-scrutiny.md');
    assert.deepEqual(r.mentions.map((m) => m.findingId), ['para-1.1', 'para-1.2', 'para-1.3', 'para-1.4', 'para-1.5']);
  });
});
