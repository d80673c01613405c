import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../server/src/cli/main';
import { ILACS_2022_HEAD } from '../helpers/reports';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const sink: Io = { out: (s) => out.push(...s.split('\n')), err: (s) => err.push(...s.split('\n')), cwd };
  return { sink, out, err };
}

const BAD_GRADE = `${ILACS_2022_HEAD}| Judgement | Grade |
| --- | --- |
| Overall effectiveness | requires improvement |
`;

describe('command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:column severity rule-id message and exits 1 on errors', () => {
    fs.writeFileSync(path.join(dir, 'draft.md'), BAD_GRADE);
    const t = io(dir);
    assert.strictEqual(run(['check', 'draft.md'], t.sink), 1);
    const line = t.out.find((l) => l.includes('grade-wording'));
    assert.match(line ?? '', /^draft\.md:13:27 error grade-wording /);
  });

  it('walks folders, skips Markdown without report: silently, and exits 0 with --exit-zero', () => {
    fs.mkdirSync(path.join(dir, 'drafts', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'sub', 'draft.md'), BAD_GRADE);
    fs.writeFileSync(path.join(dir, 'drafts', 'notes.md'), '# Notes\n\nNothing to see.\n');
    const t = io(dir);
    assert.strictEqual(run(['check', 'drafts', '--exit-zero'], t.sink), 0);
    assert.ok(t.out.some((l) => l.startsWith(path.join('drafts', 'sub', 'draft.md') + ':13:27 error grade-wording')));
    assert.ok(!t.out.some((l) => l.includes('notes.md')));
    assert.deepStrictEqual(t.err, []);
  });

  it('reports a file it cannot read and still checks the rest', () => {
    fs.writeFileSync(path.join(dir, 'good.md'), BAD_GRADE);
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('---\nreport: ilacs\n---\n\xe9t\xe9\n', 'latin1'));
    fs.symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
    const t = io(dir);
    assert.strictEqual(run(['check', '.'], t.sink), 1);
    assert.ok(t.err.some((l) => /binary\.md: cannot check: binary file/.test(l)), t.err.join('\n'));
    assert.ok(t.err.some((l) => /latin1\.md: cannot check: not valid UTF-8/.test(l)), t.err.join('\n'));
    assert.ok(t.err.some((l) => /dangling\.md: cannot check: no such file/.test(l)), t.err.join('\n'));
    assert.ok(t.out.some((l) => l.startsWith('good.md:13:27')));
  });

  it('exits 2 on a usage error or when nothing could be read', () => {
    assert.strictEqual(run(['check'], io(dir).sink), 2);
    assert.strictEqual(run(['check', '.', '--format', 'xml'], io(dir).sink), 2);
    assert.strictEqual(run(['frobnicate'], io(dir).sink), 2);
    const t = io(dir);
    assert.strictEqual(run(['check', 'nowhere'], t.sink), 2);
    assert.ok(t.err.some((l) => l.includes('nowhere: cannot check: no such file or folder')));
    for (const bad of ['0', 'two', '-1']) {
      const u = io(dir);
      assert.strictEqual(run(['check', '.', '--jobs', bad], u.sink), 2, bad);
      assert.ok(u.err.some((l) => l.includes(`--jobs needs a whole number from 1, not '${bad}'`)), u.err.join('\n'));
    }
  });

  it('--jobs from the sources checks on this thread, with the same results', () => {
    fs.writeFileSync(path.join(dir, 'draft.md'), BAD_GRADE);
    const one = io(dir);
    const many = io(dir);
    assert.strictEqual(run(['check', '.', '--jobs', '1'], one.sink), 1);
    assert.strictEqual(run(['check', '.', '--jobs', '4'], many.sink), 1, 'no worker from the sources: a number, not a promise');
    assert.deepStrictEqual(many.out, one.out);
  });

  it('writes JSON and SARIF with 1-based positions', () => {
    fs.writeFileSync(path.join(dir, 'draft.md'), BAD_GRADE);
    const j = io(dir);
    run(['check', 'draft.md', '--format', 'json'], j.sink);
    const items = JSON.parse(j.out.join('\n'));
    const g = items.find((i: { ruleId: string }) => i.ruleId === 'grade-wording');
    assert.deepStrictEqual([g.file, g.line, g.column, g.severity], ['draft.md', 13, 27, 'error']);
    const s = io(dir);
    run(['check', 'draft.md', '--format=sarif'], s.sink);
    const sarif = JSON.parse(s.out.join('\n'));
    assert.strictEqual(sarif.version, '2.1.0');
    const r = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'grade-wording');
    assert.strictEqual(r.locations[0].physicalLocation.region.startLine, 13);
    assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'grade-wording'));
  });

  it('--fix rewrites the file in place, leaves no temporary file, and does not touch non-reports', () => {
    const file = path.join(dir, 'draft.md');
    fs.writeFileSync(file, BAD_GRADE);
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes | requires improvement\n');
    const t = io(dir);
    run(['check', '.', '--fix'], t.sink);
    assert.match(fs.readFileSync(file, 'utf8'), /\| Overall effectiveness \| Requires improvement to be good \|/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), '# Notes | requires improvement\n');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['draft.md', 'notes.md']);
  });

  it('uses the nearest .inspection-reports.yaml, and reports a broken one while using defaults', () => {
    fs.writeFileSync(path.join(dir, 'draft.md'), BAD_GRADE);
    fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'rules:\n  grade-wording: off\n');
    const off = io(dir);
    run(['check', 'draft.md'], off.sink);
    assert.ok(!off.out.some((l) => l.includes('grade-wording')));
    fs.writeFileSync(path.join(dir, '.inspection-reports.yaml'), 'rules: [unclosed\n');
    const broken = io(dir);
    run(['check', 'draft.md'], broken.sink);
    assert.ok(broken.err.some((l) => l.includes('.inspection-reports.yaml: settings problem')), broken.err.join('\n'));
    assert.ok(broken.out.some((l) => l.includes('grade-wording')));
  });
});

describe('command line: renumbering says which links in other files change', () => {
  it('lists links from other files to renumbered paragraphs, and does not rewrite them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-renum-'));
    try {
      const draft = `${ILACS_2022_HEAD}## The experiences and progress of children who need help and protection: good

1. One.
3. Two.
4. Three.
`;
      fs.writeFileSync(path.join(dir, 'draft.md'), draft);
      const other = '# Notes\n\n\n\nSee [paragraph 4](draft.md#para-4) and [paragraph 1](draft.md#para-1).\n';
      fs.writeFileSync(path.join(dir, 'paper.md'), other);
      const t = io(dir);
      run(['check', '.', '--fix'], t.sink);
      assert.match(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8'), /1\. One\.\n2\. Two\.\n3\. Three\./);
      assert.ok(t.err.some((l) => /^paper\.md:5:\d+: link to draft\.md#para-4 now points at a renumbered paragraph: change it to #para-3$/.test(l)), t.err.join('\n'));
      assert.ok(!t.err.some((l) => l.includes('#para-1 ')), 'unchanged ids are not listed');
      assert.strictEqual(fs.readFileSync(path.join(dir, 'paper.md'), 'utf8'), other, 'other files are not written');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
