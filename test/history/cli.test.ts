import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLinks } from '../../server/src/cli/links';
import { run, type Io } from '../../server/src/cli/main';

const FIXTURES = path.join(__dirname, 'fixtures');

function io(cwd = FIXTURES): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

describe('history: inspection-reports links', () => {
  it('prints JSON exactly in the shape of issue 5, with targets under the folder as given', () => {
    const t = io();
    const code = run(['links', 'drafts/2025-ilacs-draft.md', '--history', 'history/', '--top', '2', '--format', 'json'], t);
    assert.equal(code, 1, 'the draft has two broken links');
    const out = JSON.parse(t.stdout.join('\n')) as unknown[];
    assert.ok(Array.isArray(out) && out.length > 0);
    for (const entry of out as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(entry), ['finding', 'line', 'suggestions']);
      assert.ok(typeof entry.finding === 'string' && typeof entry.line === 'number');
      const suggestions = entry.suggestions as Record<string, unknown>[];
      assert.ok(suggestions.length >= 1 && suggestions.length <= 2);
      for (const s of suggestions) {
        assert.deepEqual(Object.keys(s), ['target', 'score', 'published', 'excerpt']);
        assert.match(String(s.target), /^history\/fernbury\/[^#]+\.md#[a-z]+-[\d.]+$/);
        assert.ok(typeof s.score === 'number' && s.score > 0 && s.score <= 1);
        assert.match(String(s.published), /^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const para2 = (out as { finding: string; line: number; suggestions: { target: string }[] }[]).find((e) => e.finding === 'para-2');
    assert.ok(para2);
    const draftLines = fs.readFileSync(path.join(FIXTURES, 'drafts/2025-ilacs-draft.md'), 'utf8').split('\n');
    assert.match(draftLines[para2.line - 1], /^2\. Return home conversations/);
    assert.equal(t.stderr.filter((l) => /error: There is no/.test(l)).length, 2);
  });

  it('honours rules: finding-links: in the settings and disable comments, as check and the editor do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-links-'));
    try {
      fs.cpSync(path.join(FIXTURES, 'history'), path.join(dir, 'history'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'drafts'));
      const draft = fs.readFileSync(path.join(FIXTURES, 'drafts/2025-ilacs-draft.md'), 'utf8');
      fs.writeFileSync(path.join(dir, 'drafts/draft.md'), draft);
      const broken = (t: ReturnType<typeof io>) => t.stderr.filter((l) => /: (error|warning|info): There is no/.test(l));
      let t = io(dir);
      assert.equal(runLinks(['drafts/draft.md', '--history', 'history'], t), 1);
      assert.equal(broken(t).length, 2);

      fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'rules:\n  finding-links: warning\n');
      t = io(dir);
      assert.equal(runLinks(['drafts/draft.md', '--history', 'history'], t), 0, 'warnings do not fail');
      assert.ok(broken(t).length === 2 && broken(t).every((l) => l.includes(': warning: ')), broken(t).join('\n'));

      fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'rules:\n  finding-links: off\n');
      t = io(dir);
      assert.equal(runLinks(['drafts/draft.md', '--history', 'history'], t), 0);
      assert.deepEqual(broken(t), []);

      fs.rmSync(path.join(dir, '.inspection-reports.yaml'));
      const body = draft.indexOf('\n---\n', 4) + 5;
      fs.writeFileSync(path.join(dir, 'drafts/draft.md'), `${draft.slice(0, body)}\n<!-- inspection-reports-disable finding-links -->\n${draft.slice(body)}`);
      t = io(dir);
      assert.equal(runLinks(['drafts/draft.md', '--history', 'history'], t), 0);
      assert.deepEqual(broken(t), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the folder as it was written: ./history gives ./history/...', () => {
    const t = io();
    run(['links', 'drafts/2025-ilacs-draft.md', '--history=./history', '--top=1', '--format=json'], t);
    const out = JSON.parse(t.stdout.join('\n')) as { suggestions: { target: string }[] }[];
    assert.ok(out[0].suggestions[0].target.startsWith('./history/fernbury/'));
  });

  it('prints text by default and exits 0 when the links are sound', () => {
    const t = io();
    const code = runLinks(['history/fernbury/2022-07-ilacs.md', '--history', 'history'], t);
    assert.equal(code, 0, t.stderr.join('\n'));
    const text = t.stdout.join('\n');
    assert.match(text, /history\/fernbury\/2022-07-ilacs\.md:\d+ para-2: Return home interviews/);
    assert.match(text, / {2}\d\.\d\d {2}history\/fernbury\/2018-03-ilacs\.md#para-3 {2}\(2018 inspection, published 2 May 2018\)/);
    assert.match(text, /earlier reports? of Fernbury City Council in 6 reports read/);
    assert.ok(!/2023-03-monitoring/.test(text), 'later reports are not earlier findings');
  });

  it('reads the history folders from .inspection-reports.yaml when none is given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-links-'));
    try {
      fs.cpSync(path.join(FIXTURES, 'history'), path.join(dir, 'past'), { recursive: true });
      fs.copyFileSync(path.join(FIXTURES, 'drafts/2025-ilacs-draft.md'), path.join(dir, 'draft.md'));
      fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'history: [past]\n');
      const t = io(dir);
      runLinks(['draft.md', '--format', 'json'], t);
      const out = JSON.parse(t.stdout.join('\n')) as { suggestions: { target: string }[] }[];
      assert.ok(out.length > 0);
      assert.ok(out[0].suggestions[0].target.startsWith('past/fernbury/'), out[0].suggestions[0].target);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a clear message and exit code 2 for bad input', () => {
    const cases: [string[], RegExp][] = [
      [[], /give the draft/],
      [['a.md', 'b.md', '--history', 'history'], /one draft at a time/],
      [['drafts/2025-ilacs-draft.md'], /no history folder/],
      [['drafts/2025-ilacs-draft.md', '--history', 'history', '--top', '0'], /--top needs a whole number/],
      [['drafts/2025-ilacs-draft.md', '--history', 'history', '--format', 'xml'], /unknown format 'xml'/],
      [['drafts/2025-ilacs-draft.md', '--history'], /--history needs a folder/],
      [['drafts/2025-ilacs-draft.md', '--history', 'history', '--bogus'], /unknown option '--bogus'/],
      [['drafts/missing.md', '--history', 'history'], /cannot read drafts\/missing\.md: no such file/],
      [['../helpers.ts', '--history', 'history'], /is not a report/],
    ];
    for (const [args, message] of cases) {
      const t = io();
      assert.equal(runLinks(args, t), 2, args.join(' '));
      assert.match(t.stderr.join('\n'), message, args.join(' '));
    }
  });

  it('reports a history folder that does not exist and still runs', () => {
    const t = io();
    const code = runLinks(['history/fernbury/2022-07-ilacs.md', '--history', 'history', '--history', 'nowhere'], t);
    assert.equal(code, 0);
    assert.match(t.stderr.join('\n'), /nowhere: cannot read: no such file or folder/);
  });

  it('shows its help', () => {
    const t = io();
    assert.equal(run(['links', '--help'], t), 0);
    assert.match(t.stdout.join('\n'), /Usage: inspection-reports links <draft\.md> --history <folder>/);
  });
});
