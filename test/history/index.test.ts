import * as assert from 'assert';
import * as fc from 'fast-check';
import { followUp } from '../../server/src/history/concerns';
import { historyView } from '../../server/src/history/editor';
import { HistoryIndex } from '../../server/src/history/store';
import { suggestionsForReport } from '../../server/src/history/suggest';
import { uriKey } from '../../server/src/history/uris';
import { historyCheck, ilacs, indexOf, must, reportIn, visit } from './helpers';
import { data } from '../helpers/data';

const CITY = 'Fernbury City Council';

function workspace(): Record<string, string> {
  return {
    '/ws/history/2018.md': ilacs({
      authority: CITY, dates: '2018-03-05 to 2018-03-16', published: '2018-05-02',
      grades: { leaders: 'Good', 'help-protection': 'Requires improvement to be good', 'in-care-and-leavers': 'Good', overall: 'Requires improvement to be good' },
      wni: ['Return home interviews for children who go missing.', 'Supervision of social workers.'],
      sections: [
        { judgement: 'help-protection', grade: 'Requires improvement to be good', paras: [
          'Return home interviews are not offered promptly to children who go missing from home.',
          'Supervision is irregular and does not challenge drift in plans.',
        ] },
        { judgement: 'in-care-and-leavers', grade: 'Good', paras: ['There are too few local foster homes for brothers and sisters.'] },
      ],
    }),
    '/ws/history/2021-fv.md': visit({
      kind: 'focused-visit', authority: 'Fernbury', dates: '2021-02-09 to 2021-02-10', published: '2021-03-15',
      findings: ['Children who go missing are still not offered a return home conversation in good time.'],
    }),
    '/ws/history/shire-2019.md': ilacs({
      authority: 'Fernburyshire County Council', dates: '2019-01-14 to 2019-01-25', published: '2019-03-01',
      sections: [{ judgement: 'help-protection', grade: 'Good', paras: ['Return home interviews are not offered promptly to children who go missing from home.'] }],
    }),
    '/ws/drafts/2024.md': ilacs({
      authority: 'Fernbury', dates: '2024-06-03 to 2024-06-14',
      sections: [{ judgement: 'help-protection', grade: 'Good', paras: ['Return home interviews are still not held in good time for children who go missing.'] }],
    }),
    '/ws/notes.md': '# Just notes\n\nNot a report.\n',
  };
}

/** word -> idf, for the words the index holds in some finding. */
function idfs(index: HistoryIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of index.reports()) for (const f of r.findings) for (const t of f.vector.terms) out.set(index.term(t), index.idf(t));
  return out;
}

function sameStats(a: HistoryIndex, b: HistoryIndex): void {
  assert.deepEqual({ ...a.stats(), terms: 0 }, { ...b.stats(), terms: 0 });
  assert.ok(Math.abs(a.averageLength - b.averageLength) < 1e-9);
  const x = idfs(a);
  const y = idfs(b);
  assert.deepEqual([...x.keys()].sort(), [...y.keys()].sort());
  for (const [w, v] of x) assert.ok(Math.abs(v - (y.get(w) ?? NaN)) < 1e-9, `idf of ${w}`);
}

describe('history: the index', () => {
  it('keeps reports only, with authority, kind, dates, grades and findings', () => {
    const index = indexOf(workspace());
    assert.equal(index.size, 4);
    assert.equal(index.get('/ws/notes.md'), undefined);
    const r = reportIn(index, '/ws/history/2018.md');
    assert.deepEqual([r.kind, r.authority, r.authorityKey, r.date, r.published], ['ilacs', CITY, 'fernbury', '2018-05-02', '2018-05-02']);
    assert.deepEqual(r.inspection, { start: '2018-03-05', end: '2018-03-16' });
    assert.deepEqual(r.grades.map((g) => [g.judgement, g.grade]), [
      ['leaders', 'Good'], ['help-protection', 'Requires improvement to be good'], ['in-care-and-leavers', 'Good'], ['overall', 'Requires improvement to be good'],
    ]);
    assert.deepEqual(r.findings.map((f) => [f.id, f.judgement ?? null]), [
      ['wni-1', null], ['wni-2', null], ['para-1', 'help-protection'], ['para-2', 'help-protection'], ['para-3', 'in-care-and-leavers'],
    ]);
    const text = workspace()['/ws/history/2018.md'];
    const p1 = must(r.findings.find((f) => f.id === 'para-1'));
    assert.ok(text.slice(p1.span.start, p1.span.end).startsWith('1. Return home interviews'));
    assert.equal(text.split('\n')[p1.line].slice(0, 2), '1.');
  });

  it('leaves out a letter\'s closing lines, which the model counts as findings', () => {
    const index = indexOf(workspace());
    const fv = reportIn(index, '/ws/history/2021-fv.md');
    assert.deepEqual(fv.findings.map((f) => f.id), ['wni-1', 'finding-1']);
  });

  it('orders the earlier reports of the same authority, oldest first, and leaves the county out', () => {
    const index = indexOf(workspace());
    const draft = reportIn(index, '/ws/drafts/2024.md');
    assert.equal(draft.date, '2024-06-03'); // no published date: inspection start
    assert.deepEqual(index.earlier(draft).map((r) => r.uri), ['/ws/history/2018.md', '/ws/history/2021-fv.md']);
    const fv = reportIn(index, '/ws/history/2021-fv.md');
    assert.deepEqual(index.earlier(fv).map((r) => r.uri), ['/ws/history/2018.md']);
    assert.deepEqual(index.earlier(reportIn(index, '/ws/history/2018.md')), []);
  });

  it('does not count a copy of the same inspection as earlier', () => {
    const files = workspace();
    const index = indexOf(files);
    const copy = files['/ws/history/2018.md'].replace('published: 2018-05-02', 'published: 2018-04-01');
    index.upsert({ uri: '/ws/history/2018-copy.md', text: copy });
    const original = reportIn(index, '/ws/history/2018.md');
    assert.deepEqual(index.earlier(original).map((r) => r.uri), []);
  });

  it('after an edit, a delete and a rename, holds what a fresh build of the same files holds', () => {
    const files = workspace();
    const index = indexOf(files);
    // Edit: the focused visit gains a finding.
    const edited = files['/ws/history/2021-fv.md'].replace('- Children who go missing', '- Plans for children in need are vague.\n- Children who go missing');
    index.upsert({ uri: '/ws/history/2021-fv.md', text: edited });
    // Delete the county's report; rename the 2018 report.
    assert.equal(index.remove('/ws/history/shire-2019.md'), true);
    assert.equal(index.remove('/ws/history/shire-2019.md'), false);
    assert.equal(index.rename('/ws/history/2018.md', '/ws/history/2018-03-ilacs.md'), true);
    const fresh = indexOf({
      '/ws/history/2018-03-ilacs.md': files['/ws/history/2018.md'],
      '/ws/history/2021-fv.md': edited,
      '/ws/drafts/2024.md': files['/ws/drafts/2024.md'],
    });
    sameStats(index, fresh);
    const a = suggestionsForReport(index, reportIn(index, '/ws/drafts/2024.md'));
    const b = suggestionsForReport(fresh, reportIn(fresh, '/ws/drafts/2024.md'));
    assert.deepEqual(a, b);
    assert.ok(a.length > 0);
    // The renamed report is found under its new name.
    assert.ok(a[0].suggestions.some((s) => s.target.uri === '/ws/history/2018-03-ilacs.md'));
    assert.ok(a[0].suggestions.every((s) => s.target.uri !== '/ws/history/2018.md'));
    assert.equal(reportIn(index, '/ws/history/2021-fv.md').findings.length, 3);
  });

  it('drops a document that stops being a report, and takes it back when it is one again', () => {
    const files = workspace();
    const index = indexOf(files);
    const before = index.stats().findings;
    assert.equal(index.upsert({ uri: '/ws/history/2021-fv.md', text: '# Draft letter\n\nNo front matter yet.\n' }), undefined);
    assert.equal(index.get('/ws/history/2021-fv.md'), undefined);
    assert.equal(index.stats().findings, before - 2);
    index.upsert({ uri: '/ws/history/2021-fv.md', text: files['/ws/history/2021-fv.md'] });
    assert.equal(index.stats().findings, before);
  });

  it('moves a report between authorities when its authority is edited', () => {
    const files = workspace();
    const index = indexOf(files);
    const draft = reportIn(index, '/ws/drafts/2024.md');
    index.upsert({ uri: '/ws/history/2021-fv.md', text: files['/ws/history/2021-fv.md'].replace('authority: Fernbury', 'authority: Fernburyshire') });
    assert.deepEqual(index.earlier(draft).map((r) => r.uri), ['/ws/history/2018.md']);
    assert.deepEqual(index.forAuthority('fernburyshire').map((r) => r.uri), ['/ws/history/shire-2019.md', '/ws/history/2021-fv.md']);
  });

  it('treats a path and its file URI as one document', () => {
    const index = new HistoryIndex({ data });
    const text = workspace()['/ws/history/2018.md'];
    index.upsert({ uri: 'file:///c%3A/ws/history/2018.md', text });
    index.upsert({ uri: 'C:\\ws\\history\\2018.md', text });
    assert.equal(index.size, 1);
    assert.ok(index.get('c:/ws/history/2018.md'));
    assert.equal(uriKey('file:///home/a%20b/x.md'), '/home/a b/x.md');
  });

  it('prepares a draft without keeping it', () => {
    const files = workspace();
    const index = indexOf({ '/ws/history/2018.md': files['/ws/history/2018.md'] });
    const stats = index.stats();
    const draft = must(index.prepare({ uri: '/ws/drafts/2024.md', text: files['/ws/drafts/2024.md'] }));
    assert.equal(index.size, 1);
    assert.equal(index.stats().findings, stats.findings);
    assert.deepEqual(index.earlier(draft).map((r) => r.uri), ['/ws/history/2018.md']);
  });

  it('never throws on text that is barely a report', () => {
    const index = new HistoryIndex({ data });
    for (const text of ['', '---\nreport: ilacs\n---\n', '---\nreport: [\n---\n', '---\nreport: nonsense\nauthority: 7\n---\n1. x\n', '\u0000\u0001']) {
      assert.doesNotThrow(() => index.upsert({ uri: '/x.md', text }));
    }
    const r = index.upsert({ uri: '/y.md', text: '---\nreport: ilacs\n---\n' });
    assert.ok(r);
    assert.equal(r.authorityKey, undefined);
    assert.deepEqual(index.earlier(r), []);
  });
});

describe('history: bad and broken input', () => {
  it('never throws, whatever is typed into a report', () => {
    const files = workspace();
    const base = files['/ws/drafts/2024.md'];
    fc.assert(fc.property(fc.nat(base.length), fc.nat(40), fc.string({ unit: 'grapheme', maxLength: 60 }), (at, cut, insert) => {
      const index = indexOf(files);
      const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
      const r = index.upsert({ uri: '/ws/drafts/2024.md', text });
      if (r) {
        suggestionsForReport(index, r);
        historyCheck(index, r, text);
        historyView(index, r);
        followUp(index, r);
      }
      assert.equal(index.lastError, undefined, index.lastError?.message);
    }), { numRuns: 150 });
  });
});
