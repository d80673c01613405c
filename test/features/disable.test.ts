import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { filterDisabled } from '../../server/src/check';
import { applyEdits } from '../../server/src/core/edits';
import type { Diagnostic } from '../../server/src/core/types';
import { canDisableAt, disableForFile, disableForLine, insideHtmlComment } from '../../server/src/features/disable';
import type { ReportModel } from '../../server/src/model/types';
import { ilacsReport } from '../lsp/reports';
import { fixtureFiles, model } from './helpers';

const RULE = 'grade-wording';

function fake(m: ReportModel, line: number, ruleId = RULE): Diagnostic {
  const span = m.lines.lineSpan(line);
  return { ruleId, severity: 'error', message: 'x', span, range: m.lines.range(span) };
}

/** The structure the disable comment must not change. */
function shape(m: ReportModel) {
  return {
    sections: m.sections.map((s) => s.heading.text),
    numbered: m.numbered.map((n) => `${n.printed}:${n.style}`),
    bullets: m.bullets.length,
    tableRows: m.table?.rows.map((r) => r.cells.map((c) => c.text).join('|')) ?? [],
    findings: m.findings.map((f) => f.id),
    title: m.title?.text,
  };
}

function inFence(m: ReportModel, line: number): boolean {
  let open = false;
  for (let n = 0; n < line; n++) if (/^\s{0,3}(```|~~~)/.test(m.lines.line(n))) open = !open;
  return open;
}

describe('features: disable comments', () => {
  const docs: { name: string; text: string }[] = [
    { name: 'ilacs report', text: ilacsReport() },
    {
      name: 'tight and loose lists, nested items, a long paragraph',
      text: `---\nreport: ilacs\ninspection-dates: 2022-07-11 to 2022-07-22\n---\n\n# Title\n\n## What needs to improve?\n\n- one\n- two\n  - nested\n  - nested two\n- three\n\n## The experiences and progress of children who need help and protection: inadequate\n\n9. nine\n10. ten\n    more of ten\n11.  eleven with two spaces\n\n12. twelve\n\n    second paragraph of twelve\n\nA paragraph\nthat runs over\nthree lines  \nwith a hard break.\n\n> quoted\n> text\n`,
    },
  ];
  for (const file of fixtureFiles()) docs.push({ name: path.relative(path.join(__dirname, '..', '..'), file), text: fs.readFileSync(file, 'utf8') });

  it(`switches off exactly the chosen line and leaves the structure alone (${docs.length} documents, every line)`, () => {
    let tried = 0;
    for (const { name, text } of docs) {
      const m = model(text);
      const before = shape(m);
      for (let line = 0; line < m.lines.lineCount; line++) {
        if (m.lines.line(line).trim() === '' || inFence(m, line)) continue;
        const action = disableForLine(m, RULE, line);
        if (!canDisableAt(m, line) || insideHtmlComment(m, line)) {
          assert.strictEqual(action, undefined, `${name}:${line + 1}: an action inside the front matter or a comment`);
          continue;
        }
        assert.ok(action, `${name}:${line + 1}: no action`);
        tried++;
        const next = applyEdits(text, action.edits);
        assert.deepStrictEqual(next.skipped, []);
        const m2 = model(next.text);
        assert.deepStrictEqual(shape(m2), before, `${name}:${line + 1}: the structure changed with ${JSON.stringify(action.edits)}`);
        // Where the line went.
        const offset = m.lines.lineStart(line) + action.edits.filter((e) => e.start <= m.lines.lineStart(line)).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
        const newLine = m2.lines.lineOf(offset);
        assert.strictEqual(m2.lines.line(newLine), m.lines.line(line), `${name}:${line + 1}: line moved wrongly`);
        const kept = filterDisabled(m2, [fake(m2, newLine), fake(m2, newLine, 'other-rule')]);
        assert.deepStrictEqual(kept.map((d) => d.ruleId), ['other-rule'], `${name}:${line + 1}: ${action.scope} comment did not switch the line off: ${JSON.stringify(action.edits)}`);
        if (action.scope === 'line') {
          // Only that line: the next non-blank line after it is still checked.
          let other = newLine + 1;
          while (other < m2.lines.lineCount && m2.lines.line(other).trim() === '') other++;
          if (other < m2.lines.lineCount) assert.strictEqual(filterDisabled(m2, [fake(m2, other)]).length, 1, `${name}:${line + 1}: also switched off line ${other + 1}`);
        }
      }
    }
    assert.ok(tried > 200, `only ${tried} lines tried`);
  });

  it('uses a table-wide pair for table rows and an inline comment inside a paragraph', () => {
    const text = ilacsReport();
    const m = model(text);
    const row = m.table!.rows[0].line;
    assert.strictEqual(disableForLine(m, RULE, row)!.scope, 'table');
    const t = '---\nreport: ilacs\n---\n\nFirst line\nsecond line\n';
    const a = disableForLine(model(t), RULE, 5)!;
    assert.deepStrictEqual(a.edits, [{ start: t.indexOf('First line') + 10, end: t.indexOf('First line') + 10, newText: ` <!-- inspection-reports-disable-next-line ${RULE} -->` }]);
  });

  it('disables for the file after the front matter, adding to a comment already there', () => {
    const text = ilacsReport();
    const m = model(text);
    const a = disableForFile(m, RULE);
    const once = applyEdits(text, a.edits).text;
    assert.ok(once.includes(`published: 2022-09-06\nlead-inspector: Jane Example\n---\n<!-- inspection-reports-disable ${RULE} -->\n`));
    const twice = applyEdits(once, disableForFile(model(once), 'dates').edits).text;
    assert.ok(twice.includes(`---\n<!-- inspection-reports-disable ${RULE} dates -->\n\n# Inspection`), twice.slice(0, 300));
    const m3 = model(twice);
    const line = m3.lines.lineOf(twice.indexOf('judged Good'));
    assert.deepStrictEqual(filterDisabled(m3, [fake(m3, line), fake(m3, line, 'dates'), fake(m3, line, 'ages')]).map((d) => d.ruleId), ['ages']);
  });
});
