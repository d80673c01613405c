import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../server/src/core/edits';
import { findingAt, historyLenses, historyMarkdown, historyView, linkFixes } from '../../server/src/history/editor';
import { loadHistoryAsync } from '../../server/src/history/load';
import { loadHistory } from '../../server/src/io/history';
import { NodeWorkspace } from '../../server/src/io/nodeWorkspace';
import { HistoryIndex } from '../../server/src/history/store';
import { historyOf } from '../../server/src/history/suggest';
import { historyCheck, must } from './helpers';
import { defaultConfig } from '../../server/src/config/config';
import { data } from '../helpers/data';

const FIXTURES = path.join(__dirname, 'fixtures');
const DRAFT = path.join(FIXTURES, 'drafts', '2025-ilacs-draft.md');

describe('history: data for the editor', () => {
  const index = new HistoryIndex({ data });
  const loaded = loadHistory(index, ['history', 'drafts'], { cwd: FIXTURES });
  const text = fs.readFileSync(DRAFT, 'utf8');
  const draft = must(index.get(DRAFT));

  it('loads folders from disk, noting which files are reports', () => {
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.files.length, 7);
    assert.ok(loaded.files.every((f) => f.report));
    assert.deepEqual(loaded.files.map((f) => f.inside).slice(0, 2), ['fernbury/2018-03-ilacs.md', 'fernbury/2020-02-focused-visit.md']);
  });

  it('loads the same without blocking', async () => {
    const other = new HistoryIndex({ data });
    const r = await loadHistoryAsync(new NodeWorkspace(), other, ['history', 'drafts'], { cwd: FIXTURES, batch: 2 });
    assert.deepEqual(r.files, loaded.files, 'the same files, roots and paths inside them');
    assert.equal(r.files.length, 7);
    assert.deepEqual(other.stats(), index.stats());
  });

  it('finds the finding under the cursor', () => {
    const at = text.indexOf('Return home conversations are still');
    assert.equal(findingAt(draft, at)?.id, 'para-2');
    assert.equal(findingAt(draft, 0), undefined);
  });

  it('puts a lens with the count above findings with a strong match or a recurring concern, not above every match', () => {
    const lenses = historyLenses(index, draft);
    const para2 = must(lenses.find((l) => l.findingId === 'para-2'));
    assert.equal(para2.title, `${para2.entries.length} earlier findings`);
    assert.ok(para2.entries.length >= 3);
    assert.deepEqual(para2.entries, historyOf(index, draft, 'para-2'));
    // Above the bar no score reaches, only recurring concerns and findings that link to or name an earlier report keep a lens.
    const high = historyLenses(index, draft, { minScore: 1.01 }).map((l) => l.findingId);
    assert.deepEqual(high, ['para-1', 'para-2', 'para-3', 'para-4', 'para-6', 'para-7', 'para-8']);
    assert.ok(!high.includes('wni-1') && lenses.some((l) => l.findingId === 'wni-1'), 'a strong match keeps its lens at the usual bar');
  });

  it('writes the hover as Markdown, oldest first, with the grade then', () => {
    const md = historyMarkdown(historyOf(index, draft, 'para-2'), (e) => `file://${e.target.uri}#L${e.target.line + 1}`);
    const lines = md.split('\n');
    assert.match(lines[0], /^\*\*Earlier findings\*\* \(\d\)$/);
    assert.match(md, /- \*\*2018 inspection\*\* \(2 May 2018\) · Requires improvement to be good: \[paragraph 3\]\(file:\/\/.*2018-03-ilacs\.md#L\d+\)/);
    assert.ok(md.indexOf('2018 inspection') < md.indexOf('2022 inspection'));
    assert.equal(historyMarkdown([]), '');
  });

  it('offers quick fixes that insert a dialect link, none for a target already linked', () => {
    const fixes = linkFixes(index, draft, text, 'para-2');
    assert.ok(fixes.length >= 1);
    assert.match(fixes[0].title, /^Link to earlier finding: .+, (paragraph|improvement item|finding) \d+$/);
    const out = applyEdits(text, fixes[0].edits).text;
    assert.match(out, /goes missing, and what children say does not always inform their plans \(\[[^\]]+\]\(\.\.\/history\/fernbury\/[^)]+#[a-z]+-\d+\)\)\./);
    assert.ok(linkFixes(index, draft, text, 'para-6').every((f) => !f.title.includes('2022 inspection, paragraph 5')));
  });

  it('gives core diagnostics for links, recurring concerns and quoted grades, each rule switchable', () => {
    const diags = historyCheck(index, draft, text, { fileExists: (k) => fs.existsSync(k) });
    const rules = new Set(diags.map((d) => d.ruleId));
    assert.ok(rules.has('finding-links') && rules.has('recurring-concern'));
    for (const d of diags) {
      assert.equal(d.range.start.line, text.slice(0, d.span.start).split('\n').length - 1);
      if (d.ruleId === 'recurring-concern') {
        assert.equal(d.severity, 'info');
        // Underlined at the paragraph's number, not across the paragraph.
        assert.match(text.slice(d.span.start, d.span.end), /^\d+\.$/);
        assert.ok(d.fix && d.related?.length === 1);
      }
    }
    const quiet = historyCheck(index, draft, text, { config: { ...defaultConfig(), rules: { 'recurring-concern': 'off', 'finding-links': 'warning' } } });
    assert.ok(quiet.every((d) => d.ruleId === 'finding-links' && d.severity === 'warning'));
    const scrutinyFile = path.join(FIXTURES, 'history/fernbury/2024-09-scrutiny.md');
    const scrutiny = historyCheck(index, must(index.get(scrutinyFile)), fs.readFileSync(scrutinyFile, 'utf8'));
    assert.deepEqual(scrutiny.map((d) => [d.ruleId, d.severity]), [['quoted-grade', 'warning']]);
    assert.equal(scrutiny[0].fix?.edits[0].newText, 'inadequate');
  });

  it("gives the history view's data: each judgement's grade at each inspection", () => {
    const view = historyView(index, draft);
    assert.equal(view.authority, 'Fernbury');
    assert.deepEqual(view.reports.map((r) => r.label), [
      '2018 inspection', 'focused visit, February 2020', '2022 inspection', 'first monitoring visit, March 2023', 'scrutiny report, September 2024', '2025 inspection',
    ]);
    assert.deepEqual(view.reports.map((r) => r.grades['help-protection'] ?? null), [
      'Requires improvement to be good', null, 'Inadequate', null, null, 'Requires improvement to be good',
    ]);
    assert.equal(view.reports[5].current, true);
    assert.ok(view.judgements.some((j) => j.key === 'in-care-and-leavers') && view.judgements.some((j) => j.key === 'care-leavers'));
    assert.ok(view.concerns.length > 0);
  });
});
