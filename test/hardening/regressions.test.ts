import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/check';
import { applyEdits } from '../../server/src/core/edits';
import type { Diagnostic } from '../../server/src/core/types';
import { fixAll } from '../../server/src/fix';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { checkProblems, fixProblems, lineEndingProblems } from '../fuzz/properties';
import { FIXTURES } from './helpers';
import { data } from '../helpers/data';

/**
 * The bugs `npm run fuzz` found, each as the fuzzer's shrunk counterexample
 * cut down by hand, so that they stay fixed (docs/hardening.md lists them).
 */
const options = { data, profiles: builtinProfiles() };
const valid = (name: string) => fs.readFileSync(path.join(FIXTURES, 'valid', name), 'utf8').replace(/<!--\s*expect\b[\s\S]*?-->\s*$/, '');
const ILACS = valid('ilacs-2023-sections.md');
const SCRUTINY = valid('scrutiny-2024-sections.md');
const MONITORING = valid('monitoring-visit-2023-sections.md');

function check(text: string): Diagnostic[] {
  const r = checkProblems(text, 'regression.md', options);
  assert.deepStrictEqual(r.problems, []);
  return r.diagnostics;
}

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the base text has '${from}'`);
  return text.replace(from, to);
}

const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${d.ruleId}: ${d.message}`);

describe('hardening: bugs the fuzzer found stay fixed', () => {
  it('a judgement table whose rows are cut off from its header by a blank line: no internal error', () => {
    check(edit(ILACS, '| --- | --- |\n', '| --- | --- |\n\n'));
  });

  it('a report inside an unclosed HTML comment: no insert-heading fix that can never settle', () => {
    const text = edit(MONITORING, '# Monitoring visit', '<!--\n# Monitoring visit');
    const fixable = check(text).filter((d) => d.ruleId === 'required-sections' && d.fix);
    assert.deepStrictEqual(shown(fixable), []);
    const once = fixAll(text, 'regression.md', options);
    assert.strictEqual(fixAll(once.text, 'regression.md', options).applied, 0);
  });

  it('inserting a section before a heading held in a list item would turn it into code: no fix', () => {
    const text = edit(edit(ILACS, '## The experiences and progress of children in care: good\n', ''),
      '## The experiences and progress of care leavers: requires improvement to be good', '    ## The experiences and progress of care leavers: requires improvement to be good');
    assert.deepStrictEqual(fixProblems(text, 'regression.md', options, 0, 20), []);
  });

  it('inserting a section before text that is not a heading would take that text in: no fix', () => {
    const cut = ILACS.slice(0, ILACS.indexOf('## The experiences and progress of children who need help'));
    assert.deepStrictEqual(fixProblems(`${cut}10. ##`, 'regression.md', options, 0, 20), []);
  });

  it('a missing judgement section in a body out of order goes after the previous one, not before the next', () => {
    const leaders = ILACS.slice(ILACS.indexOf('## The impact of leaders'));
    const text = edit(edit(ILACS, leaders, ''), '## What needs to improve?', `${leaders.trimEnd()}\n\n## What needs to improve?`)
      .replace(/## The experiences and progress of care leavers[\s\S]*?(?=## |$)/, '');
    assert.deepStrictEqual(fixProblems(text, 'regression.md', options, 0, 20), []);
  });

  it('a front matter key given twice: the value is the first one, as the message says', () => {
    const text = edit(ILACS, 'published: 2024-01-10\n', 'published: 2024-01-10\npublished: 2024-1-10\n');
    const r = checkText(text, 'regression.md', options);
    assert.strictEqual(r.model.frontMatter?.entries.get('published')?.value, '2024-01-10');
    assert.deepStrictEqual(fixProblems(text, 'regression.md', options, 0, 20), []);
  });

  it('a numbered h3 is not one of the numbered sections (paragraph-numbering and required-sections agree)', () => {
    const text = edit(SCRUTINY, '1. The committee considers', '### 1. The committee considers');
    assert.deepStrictEqual(fixProblems(text, 'regression.md', options, 0, 20), []);
  });

  it("renumbering '## 00. Background' replaces both digits", () => {
    const text = edit(SCRUTINY, '## 1. Background', '## 00. Background');
    const d = check(text).find((x) => x.ruleId === 'paragraph-numbering' && x.fix);
    assert.ok(d, 'the number is reported with a fix');
    const fixed = applyEdits(text, d.fix!.edits).text;
    assert.ok(fixed.includes('\n## 1. Background\n'), fixed);
  });

  it('two spellings-out that share words: no fix with overlapping edits', () => {
    const text = edit(SCRUTINY, 'since\nthe inspection in November 2023.',
      'since the Inspection of Local Authority Children\'s Services (ILACS) in 2023. The Inspection of Local Authority Children\'s Services (ILACS) fInspection of Local Authority Children\'s Service (ILACS) is due.');
    assert.deepStrictEqual(fixProblems(text, 'regression.md', options, 0, 20), []);
  });

  it('old Mac (CR) line ends: the front matter is read; broken YAML reads the same with CRLF', () => {
    assert.deepStrictEqual(shown(check(ILACS.replace(/\n/g, '\r'))), []);
    const broken = edit(ILACS, 'lead-inspector: Hannah Sample\n', 'lead-inspector: Hannah Sample\n  nested: x\n   deeper: y\n');
    assert.deepStrictEqual(lineEndingProblems(broken, 'regression.md', options), []);
  });

  it('a setext heading over two lines with CRLF ends: its span ends where the LF one does', () => {
    const text = edit(ILACS, '## What needs to improve?', 'What needs\nto improve?\n---');
    assert.deepStrictEqual(lineEndingProblems(text, 'regression.md', options), []);
  });

  it('a NUL in a heading (markdown-it reads U+FFFD): the name fix replaces the name, not the ##', () => {
    const text = edit(ILACS, '## The experiences and progress of children in care: good', '## The experiences and progress of children in care is:\u0000 good');
    const d = check(text).find((x) => x.ruleId === 'judgement-names' && x.fix);
    assert.ok(d, 'the name is reported with a fix');
    const fixed = applyEdits(text, d.fix!.edits).text;
    assert.ok(fixed.includes('\n## The experiences and progress of children in care:\u0000 good\n'), JSON.stringify(fixed.split('\n').find((l) => l.includes('children in care:'))));
  });

  it('a continuation line indented with a tab: findings point at their words', () => {
    const text = edit(ILACS, '1. Families who need early help are offered it quickly, and most say that it\n   made a difference to them.',
      '1. Families who need early help are offered it quickly, and most say that it\n\tmade a difference to 10 per cent of them.');
    const d = check(text).find((x) => x.ruleId === 'per-cent');
    assert.strictEqual(d && text.slice(d.span.start, d.span.end), '10 per cent');
  });

  it('front matter YAML with a collection as a key: no Node warning printed', () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    check(edit(ILACS, 'inspection-type: standard\n', 'inspection-type: standard\n[x]: y\n? {a: 1}\n: z\n'));
    // Node emits warnings on a later tick.
    return new Promise<void>((resolve, reject) => setImmediate(() => {
      process.off('warning', listen);
      try {
        assert.deepStrictEqual(warnings, []);
        resolve();
      } catch (e) {
        reject(e);
      }
    }));
  });
});
