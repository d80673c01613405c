import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { followUpMarkdown } from '../../server/src/features/followUp';
import { linkTargetAt, placeLinkAt, placeLinks, wholeLink } from '../../server/src/features/historyLinks';
import type { FollowUp } from '../../server/src/history/types';
import { allRules } from '../../server/src/rules/index';
import { ilacs, indexOf, reportIn, visit } from '../history/helpers';

const ROOT = path.join(__dirname, '..', '..');

describe('features: where a link target is being typed', () => {
  const at = (s: string) => {
    const offset = s.indexOf('|');
    const text = s.replace('|', '');
    const r = linkTargetAt(text, offset);
    return r ? [text.slice(r.replace.start, r.replace.end), r.typed] : undefined;
  };

  it('after "](" and while the target is typed, up to a closing bracket', () => {
    assert.deepStrictEqual(at('held in time ([2019 inspection](|'), ['', '']);
    assert.deepStrictEqual(at('held in time ([2019 inspection](../hi|'), ['../hi', '../hi']);
    assert.deepStrictEqual(at('([x](../hi|story/a.md#para-1)).'), ['../history/a.md#para-1', '../hi']);
    assert.deepStrictEqual(at('([x](|).'), ['', '']);
  });

  it('nowhere else: not before "](", not across a space, a bracket or a line', () => {
    assert.strictEqual(at('plain | text'), undefined);
    assert.strictEqual(at('[x] (|'), undefined);
    assert.strictEqual(at('[x](a b|'), undefined);
    assert.strictEqual(at('[x](a)|'), undefined);
    assert.strictEqual(at('[x](\n|'), undefined);
  });

  it("widens a link's target span to the whole link", () => {
    const text = 'See ([2019 inspection, [old] paragraph 12](../a.md#para-12)) now.';
    const target = { start: text.indexOf('../a.md'), end: text.indexOf('#para-12') + '#para-12'.length };
    const whole = wholeLink(text, target);
    assert.strictEqual(text.slice(whole.start, whole.end), '[2019 inspection, [old] paragraph 12](../a.md#para-12)');
    assert.deepStrictEqual(wholeLink('no link ../a.md here', { start: 8, end: 15 }), { start: 8, end: 15 });
  });
});

describe('features: document links and definitions from the history', () => {
  const earlier = ilacs({
    authority: 'Fernbury City Council', dates: '2019-06-03 to 2019-06-14', published: '2019-07-26',
    grades: { 'help-protection': 'Inadequate', overall: 'Inadequate' },
    sections: [{ judgement: 'help-protection', grade: 'Inadequate', paras: ['Return home interviews are rarely held.', 'Plans lack timescales.'] }],
  });
  const letter = visit({ kind: 'focused-visit', authority: 'Fernbury City Council', dates: '2021-05-18 to 2021-05-19', published: '2021-06-22', findings: ['Supervision is regular.'] });
  const draftText = ilacs({
    authority: 'Fernbury City Council', dates: '2025-02-03 to 2025-02-14',
    sections: [{ judgement: 'help-protection', grade: 'Good', paras: [
      'Return home interviews are now held ([2019 inspection, paragraph 1](../h/2019.md#para-1)).',
      'Since the focused visit in May 2021, supervision has improved.',
      'A broken one ([x](../h/2019.md#para-9)) and a web page ([y](https://example.org/#para-1)).',
    ] }],
  });
  const index = indexOf({ '/w/h/2019.md': earlier, '/w/h/2021.md': letter, '/w/d/2025.md': draftText });
  const draft = reportIn(index, '/w/d/2025.md');

  it('leads links to their finding, mentions to their report, and leaves web pages alone', () => {
    const links = placeLinks(index, draft, draftText);
    const shown = links.map((l) => [draftText.slice(l.span.start, l.span.end), l.uri, l.line, l.tooltip, l.kind]);
    const para1 = reportIn(index, '/w/h/2019.md').findings.find((f) => f.id === 'para-1')!;
    assert.deepStrictEqual(shown, [
      ['[2019 inspection, paragraph 1](../h/2019.md#para-1)', '/w/h/2019.md', para1.line, 'Open 2019 inspection, paragraph 1', 'link'],
      ['the focused visit in May 2021', '/w/h/2021.md', undefined, 'Open the focused visit, May 2021', 'mention'],
      ['[x](../h/2019.md#para-9)', '/w/h/2019.md', undefined, "Open 2019 inspection (it has no finding 'para-9')", 'link'],
    ]);
    const inLink = draftText.indexOf('2019 inspection, paragraph 1') + 3;
    assert.strictEqual(placeLinkAt(links, inLink)?.kind, 'link');
    assert.strictEqual(placeLinkAt(links, draftText.indexOf('Plans')), undefined);
    // Without the text, a link's span is its target alone.
    const bare = placeLinks(index, draft)[0];
    assert.strictEqual(draftText.slice(bare.span.start, bare.span.end), '../h/2019.md#para-1');
  });
});

describe('features: follow-up of improvement items as Markdown', () => {
  const item = (id: string, excerpt: string, line: number) => ({ uri: '/h/2021.md', findingId: id, span: { start: 0, end: 1 }, line, range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: excerpt, excerpt, linkText: `focused visit, May 2021, ${id}`, href: `../h/2021.md#${id}` });
  const f: FollowUp = {
    report: { uri: '/h/2021.md', label: 'focused visit, May 2021', date: '2021-06-22' },
    items: [
      { item: item('wni-1', 'The number of local homes for children in care.', 28), addressedBy: [{ findingId: 'para-20', span: { start: 0, end: 1 }, line: 144, score: 0.456, excerpt: 'Too few local foster homes [still].' }] },
      { item: item('wni-2', 'Planning for children who live at a distance_', 30), addressedBy: [] },
    ],
    unaddressed: [],
  };
  f.unaddressed = [f.items[1]];
  const linkFor = (uri: string, line: number) => `file://${uri}#L${line + 1}`;

  it('lists the items nothing addresses first, then each addressed item with its findings', () => {
    const md = followUpMarkdown(f, { draftName: '2025-ilacs.md', draftUri: '/d/2025.md', linkFor });
    assert.strictEqual(md, [
      '# Follow-up of improvement items: focused visit, May 2021',
      '',
      'The [focused visit, May 2021](file:///h/2021.md#L1) (published 22 June 2021) set 2 improvement items. The draft [2025-ilacs.md](file:///d/2025.md#L1) addresses 1 of them; 1 is not addressed.',
      '',
      'A finding addresses an item when it is about the same concern (the same ranking as the links to earlier findings). Check each one: the draft should say what progress has been made.',
      '',
      '## Not addressed in the draft (1)',
      '',
      '- **[improvement item 2](file:///h/2021.md#L31)**: Planning for children who live at a distance\\_',
      '',
      '## Addressed (1)',
      '',
      '### [improvement item 1](file:///h/2021.md#L29): The number of local homes for children in care.',
      '',
      '- [paragraph 20](file:///d/2025.md#L145) (match 46%): Too few local foster homes \\[still\\].',
      '',
    ].join('\n'));
  });

  it('says plainly when there is nothing to follow up', () => {
    const md = followUpMarkdown({ items: [], unaddressed: [] }, { draftName: 'a.md', draftUri: '/a.md', linkFor });
    assert.match(md, /^# Follow-up of improvement items: a\.md\n\nNo earlier report of this authority with improvement items/);
  });
});

describe('history rules (in the one registry; they run where there is a history)', () => {
  const headings = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').filter((l) => /^## /.test(l) && !/: /.test(l));
  const expected = headings('docs/rules/grade-wording.md');
  const historyRules = allRules.filter((r) => r.needsHistory);

  it('are finding-links, recurring-concern and quoted-grade; only recurring-concern is drafting advice', () => {
    assert.deepStrictEqual(historyRules.map((r) => r.id).sort(), ['finding-links', 'quoted-grade', 'recurring-concern']);
    assert.deepStrictEqual(allRules.filter((r) => r.drafting).map((r) => r.id), ['recurring-concern']);
    for (const r of historyRules) assert.ok(r.summary.length > 20, r.id);
  });

  it('each have a docs page with the same headings as every rule page, and the default severity', () => {
    for (const r of historyRules) {
      const file = `docs/rules/${r.id}.md`;
      assert.ok(fs.existsSync(path.join(ROOT, file)), file);
      assert.deepStrictEqual(headings(file), expected, file);
      const page = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.ok(page.startsWith(`# ${r.id}\n\n**Default severity:** ${r.severityNote ?? r.defaultSeverity} · **Fix:** `), file);
      assert.match(page, new RegExp(`disable-next-line ${r.id} -->`));
    }
  });
});
