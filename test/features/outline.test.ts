import * as assert from 'assert';
import * as fs from 'fs';
import { foldingRanges } from '../../server/src/features/folding';
import { excerpt } from '../../server/src/domain/markdown';
import { outline, type OutlineItem } from '../../server/src/features/symbols';
import { ilacsReport } from '../lsp/reports';
import { fixtureFiles, model, report } from './helpers';

function flat(items: OutlineItem[], depth = 0): string[] {
  return items.flatMap((i) => [`${'  '.repeat(depth)}${i.kind} ${i.name}${i.detail ? ` [${i.detail}]` : ''}`, ...flat(i.children, depth + 1)]);
}

function walk(items: OutlineItem[], f: (i: OutlineItem, parent?: OutlineItem) => void, parent?: OutlineItem): void {
  for (const i of items) {
    f(i, parent);
    walk(i.children, f, i);
  }
}

describe('features: outline and folding', () => {
  it('outlines an ILACS report: table rows with grades, judgement sections, paragraphs with their ids', () => {
    const lines = flat(outline(model(ilacsReport())));
    assert.deepStrictEqual(lines.slice(0, 7), [
      'front-matter Front matter [ILACS inspection report]',
      "title Inspection of Exampleton City local authority children's services",
      'table Judgement table [4 judgements, ilacs-2018]',
      '  row The impact of leaders on social work practice with children and families [Requires improvement]',
      '  row The experiences and progress of children who need help and protection [Inadequate]',
      '  row The experiences and progress of children in care and care leavers [Requires improvement to be good]',
      '  row Overall effectiveness [Inadequate]',
    ]);
    assert.ok(lines.includes('judgement-section The experiences and progress of children who need help and protection [Inadequate]'));
    assert.ok(lines.some((l) => /^ {2}finding 1\. \[Managers review .*\(para-1\)\]$/.test(l)), lines.join('\n'));
    assert.ok(lines.includes('section What needs to improve?'));
    assert.ok(lines.some((l) => l.startsWith('  finding wni-2 [The quality of supervision')));
  });

  it('outlines a scrutiny report: numbered sections with N.M paragraphs and recommendations', () => {
    const text = report({ report: 'scrutiny', authority: 'Exampleton City Council', meeting: 'Children and Young People Scrutiny Committee', 'meeting-date': '2024-09-11' },
      '# Children’s services improvement\n\n## Summary of issues\n\nA summary.\n\n## Recommendations\n\n1. The committee notes the letter.\n2. The committee asks for an update.\n\n## 1. Background\n\n1.1 The council was inspected in 2022.\n\n1.2 Monitoring visits followed.\n\n## 2. Progress\n\n2.1 Caseloads have fallen.\n');
    const lines = flat(outline(model(text)));
    assert.ok(lines.includes('section Recommendations'));
    assert.ok(lines.some((l) => l.startsWith('  finding rec-2 [The committee asks for an update.]')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('  finding 1.2 [Monitoring visits followed. (para-1.2)]')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('  finding 2.1 [Caseloads have fallen.')));
  });

  it('nests sub-sections and keeps every child inside its parent, for every fixture', () => {
    const text = report({ report: 'focused-visit', 'inspection-dates': '2019-01-09' }, '# Letter\n\n## Findings\n\n### Early help\n\n- One finding.\n- Another.\n\n## Overview\n\nText.\n');
    const lines = flat(outline(model(text)));
    assert.ok(lines.includes('section Findings'));
    assert.ok(lines.includes('  section Early help'));
    assert.ok(lines.some((l) => l.startsWith('    finding finding-1')), lines.join('\n'));
    let checked = 0;
    for (const file of fixtureFiles()) {
      const m = model(fs.readFileSync(file, 'utf8'));
      walk(outline(m), (i, parent) => {
        assert.ok(i.selectionSpan.start >= i.span.start && i.selectionSpan.end <= i.span.end, `${file}: selection outside ${i.name}`);
        if (parent) assert.ok(i.span.start >= parent.span.start && i.span.end <= parent.span.end, `${file}: ${i.name} outside ${parent.name}`);
        checked++;
      });
    }
    assert.ok(checked > 100, `only ${checked} outline items`);
  });

  it('shortens long text for details', () => {
    assert.strictEqual(excerpt('Short **bold** [link](x.md#para-1) text.', 60), 'Short bold link text.');
    const long = excerpt('word '.repeat(40), 60);
    assert.ok(long.length <= 61 && long.endsWith('…'));
  });

  it('folds front matter, table, sections (to their last text line) and disable ... enable pairs', () => {
    const text = ilacsReport().replace('## What needs to improve?', '<!-- inspection-reports-disable dates -->\n\n## What needs to improve?').replace('- The quality of supervision for social workers.', '- The quality of supervision for social workers.\n\n<!-- inspection-reports-enable dates -->');
    const m = model(text);
    const folds = foldingRanges(m);
    const line = (s: string) => m.lines.lineOf(text.indexOf(s));
    assert.deepStrictEqual(folds[0], { startLine: 0, endLine: 6 });
    assert.ok(folds.some((f) => f.startLine === line('| Judgement |') && f.endLine === line('| Overall effectiveness')));
    assert.ok(folds.some((f) => f.kind === 'comment' && f.startLine === line('<!-- inspection-reports-disable') && f.endLine === line('<!-- inspection-reports-enable')));
    const last = m.sections[m.sections.length - 1];
    const fold = folds.find((f) => f.startLine === last.startLine)!;
    assert.strictEqual(m.lines.line(fold.endLine).trim() !== '', true);
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });
});
