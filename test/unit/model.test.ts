import * as assert from 'assert';
import { parseReport } from '../../server/src/model/parse';
import { builtinProfiles } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';

const profiles = builtinProfiles();
const parse = (text: string) => parseReport(text, 'mem://test.md', profiles);
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

const ILACS = `---
report: ilacs
authority: Exampleshire County Council
inspection-dates: 2023-02-06 to 2023-02-17
published: 2023-04-03
lead-inspector: Jane Example
---

# Inspection of Exampleshire local authority children's services

Inspection dates: 6 to 17 February 2023

| Judgement | Grade |
| --- | --- |
| The impact of leaders on social work practice with children and families | Good |
| The experiences and progress of children who need help and protection | Good |
| The experiences and progress of children in care | Good |
| The experiences and progress of care leavers | Requires improvement to be good |
| Overall effectiveness | Good |

Summary text with a multi-agency safeguarding hub (MASH).

## What needs to improve?

- Supervision of front-line staff.
- Return home interviews.

## The experiences and progress of children who need help and protection: good

1. First paragraph
   continues here ([2019 inspection, paragraph 13](../2019-03-ilacs.md#para-13)).
2. Second paragraph.

<!-- inspection-reports-disable-next-line grade-wording -->
## The experiences and progress of children in care: good

3. Third.
`;

describe('report model', () => {
  it('reads the built-in profiles without problems', () => {
    const problems: DataProblem[] = [];
    const set = builtinProfiles(problems);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual([...set.profiles.keys()].sort(), ['focused-visit', 'ilacs', 'monitoring-visit', 'scrutiny', 'sif']);
    assert.ok(set.catalog.eras.length >= 4);
  });

  it('reads front matter with value ranges, kind, dates and era', () => {
    const m = parse(ILACS);
    assert.ok(m.isReport);
    assert.strictEqual(m.kind, 'ilacs');
    assert.strictEqual(m.profile?.kind, 'ilacs');
    assert.deepStrictEqual(m.inspection, { start: '2023-02-06', end: '2023-02-17' });
    assert.strictEqual(m.documentDate, '2023-04-03');
    assert.strictEqual(m.era?.id, 'ilacs-2023');
    const authority = m.frontMatter!.entries.get('authority')!;
    assert.strictEqual(slice(ILACS, authority.valueSpan), 'Exampleshire County Council');
    assert.strictEqual(slice(ILACS, authority.keySpan), 'authority');
  });

  it('reads the title, the judgement table rows with spans, and the inspection dates line', () => {
    const m = parse(ILACS);
    assert.strictEqual(m.title?.text, "Inspection of Exampleshire local authority children's services");
    assert.strictEqual(m.table?.rows.length, 5);
    const row = m.table!.rows[3];
    assert.strictEqual(row.judgement?.key, 'care-leavers');
    assert.strictEqual(slice(ILACS, row.judgement!.gradeSpan), 'Requires improvement to be good');
    assert.strictEqual(m.inspectionLine?.dates?.start, '2023-02-06');
    assert.ok(m.inspectionLine?.exact);
  });

  it('reads sections, judgement headings and their grades', () => {
    const m = parse(ILACS);
    const wni = m.sections.find((s) => s.spec?.id === 'what-needs-to-improve');
    assert.ok(wni && !wni.acceptedWording);
    const hp = m.sections.find((s) => s.judgement?.key === 'help-protection')!;
    assert.strictEqual(slice(ILACS, hp.judgement!.gradeSpan), 'good');
    assert.strictEqual(hp.judgement!.form, 'colon');
  });

  it('reads numbered paragraphs with printed numbers and findings with ids', () => {
    const m = parse(ILACS);
    assert.deepStrictEqual(m.numbered.map((n) => n.printed), ['1', '2', '3']);
    assert.strictEqual(slice(ILACS, m.numbered[0].numberSpan), '1.');
    assert.deepStrictEqual(m.findings.map((f) => f.id), ['wni-1', 'wni-2', 'para-1', 'para-2', 'para-3']);
    assert.strictEqual(m.findings[0].text, 'Supervision of front-line staff.');
  });

  it('reads links to earlier findings with the span of the target', () => {
    const m = parse(ILACS);
    assert.strictEqual(m.links.length, 1);
    assert.strictEqual(m.links[0].path, '../2019-03-ilacs.md');
    assert.strictEqual(m.links[0].fragment, 'para-13');
    assert.strictEqual(slice(ILACS, m.links[0].span), '../2019-03-ilacs.md#para-13');
  });

  it('reads disable comments', () => {
    const m = parse(ILACS);
    assert.strictEqual(m.disables.length, 1);
    assert.strictEqual(m.disables[0].kind, 'disable-next-line');
    assert.deepStrictEqual(m.disables[0].rules, ['grade-wording']);
  });

  it('maps inline text back to the document even across lines', () => {
    const m = parse(ILACS);
    const block = m.blocks.find((b) => b.text.startsWith('First paragraph'))!;
    const at = block.text.indexOf('continues');
    assert.strictEqual(ILACS.slice(block.offsets[at], block.offsets[at] + 9), 'continues');
  });

  it('keeps line numbers with CRLF and CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ILACS.replace(/\n/g, eol);
      const m = parse(text);
      assert.strictEqual(m.table?.rows.length, 5, `table with ${JSON.stringify(eol)}`);
      const hp = m.sections.find((s) => s.judgement?.key === 'help-protection')!;
      assert.strictEqual(text.slice(hp.judgement!.gradeSpan.start, hp.judgement!.gradeSpan.end), 'good');
      assert.deepStrictEqual(m.numbered.map((n) => text.slice(n.numberSpan.start, n.numberSpan.end)), ['1.', '2.', '3.']);
    }
  });

  it('is not a report without report: in front matter', () => {
    assert.strictEqual(parse('# Notes\n\nJust notes.\n').isReport, false);
    assert.strictEqual(parse('---\ntitle: x\n---\n# Notes\n').isReport, false);
  });

  it('never throws: broken YAML, unknown kind and a short table row each become one problem', () => {
    const broken = parse('---\nreport: ilacs\nauthority: [unclosed\n---\n# T\n');
    assert.strictEqual(broken.problems.filter((p) => p.ruleId === 'front-matter').length, 1);
    const unknown = parse('---\nreport: inspection\n---\n# T\n');
    assert.deepStrictEqual(unknown.problems.map((p) => p.ruleId), ['front-matter']);
    assert.match(unknown.problems[0].message, /Unknown report kind 'inspection'/);
    const short = parse(ILACS.replace('| The experiences and progress of children in care | Good |', '| The experiences and progress of children in care |'));
    const p = short.problems.filter((x) => x.ruleId === 'judgement-consistency');
    assert.strictEqual(p.length, 1);
    assert.strictEqual(short.lines.lineOf(p[0].span.start), 16);
  });

  it('reads scrutiny numbered sections and N.M paragraphs', () => {
    const text = `---
report: scrutiny
authority: Exampleshire County Council
meeting: Children's Scrutiny Committee
meeting-date: 2024-09-11
---

# Children's services improvement

## Summary of issues

Text.

## Recommendations

1. The committee notes the letter.
2. The committee asks for a report.

## 1. Background

1.1 The committee will recall the inspection.

1.2 Since then, four visits.

## 2. Themes

2.1 Inspectors found progress.
`;
    const m = parse(text);
    assert.deepStrictEqual(m.sections.filter((s) => s.number).map((s) => s.number!.value), [1, 2]);
    assert.deepStrictEqual(m.numbered.filter((n) => n.style === 'plain').map((n) => n.printed), ['1.1', '1.2', '2.1']);
    assert.deepStrictEqual(m.findings.map((f) => f.id), ['rec-1', 'rec-2', 'para-1.1', 'para-1.2', 'para-2.1']);
  });
});

describe('finding ids', () => {
  it('gives para ids only from the first judgement section in continuously numbered reports', () => {
    const text = ILACS.replace('Summary text with a multi-agency safeguarding hub (MASH).', '1. A numbered summary point.\n2. Another.');
    const m = parse(text);
    const paras = m.findings.filter((f) => f.kind === 'para');
    assert.deepStrictEqual(paras.map((f) => [f.id, f.text.slice(0, 5)]), [['para-1', 'First'], ['para-2', 'Secon'], ['para-3', 'Third']]);
  });
});

describe('letters', () => {
  it('does not count the closing sentence and signature as findings', () => {
    const text = `---
report: focused-visit
authority: Exampleshire County Council
inspection-dates: 2019-01-09
published: 2019-02-01
---

# Focused visit to Exampleshire County Council children's services

Dear Director,

## Overview

Text.

## What needs to improve in this area of social work practice

- Timeliness of assessments.

## Findings

- First finding.

A second finding, as a paragraph.

Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.

Yours sincerely,

Jo Example
His Majesty's Inspector
`;
    const m = parse(text);
    assert.strictEqual(m.lines.line(m.closingLine!), 'Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.');
    assert.deepStrictEqual(m.findings.map((f) => f.id), ['wni-1', 'finding-1', 'finding-2']);
    assert.strictEqual(m.findings[2].text, 'A second finding, as a paragraph.');
  });
});
