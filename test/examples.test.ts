import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, type CheckResult } from '../server/src/check';
import { SettingsFinder } from '../server/src/config/find';
import type { Diagnostic } from '../server/src/core/types';
import { allRules } from '../server/src/rules/index';
import { data } from './helpers/data';
import { nodeSettingsFiles } from '../server/src/io/files';

/**
 * The bundled examples that `npm start` checks (examples/README.md):
 * - every report under examples/history/ is clean: no diagnostic from any rule;
 * - every mistake planted in examples/drafts/ and listed in
 *   test/fixtures/examples-expected.json is reported at its line by its rule.
 * Reports are checked as the CLI checks them, with the nearest
 * .inspection-reports.yaml (examples/.inspection-reports.yaml).
 */

const EXAMPLES = path.join(__dirname, '..', 'examples');
const EXPECTED_FILE = path.join(__dirname, 'fixtures', 'examples-expected.json');

interface Planted {
  /** Relative to examples/. */
  file: string;
  /** 1-based line of the diagnostic. */
  line: number;
  ruleId: string;
  /** Text that must be on that line: keeps the list in step when the examples are edited. */
  text: string;
  /** What the mistake is, for people. */
  what: string;
  /** The mistake has no single natural place (a missing section): any line of the file will do. */
  anyLine?: boolean;
}

function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownUnder(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

const finder = new SettingsFinder(data, nodeSettingsFiles);

function check(file: string): CheckResult {
  const settings = finder.forDocument(file);
  assert.deepStrictEqual(settings.problems.map((p) => p.message), [], `settings used for ${file} have problems`);
  return checkText(fs.readFileSync(file, 'utf8'), file, { data, profiles: settings.profiles, config: settings.config });
}

function show(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`;
}

function readPlanted(): Planted[] {
  const data: unknown = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
  assert.ok(Array.isArray(data), 'examples-expected.json must be a list');
  return data as Planted[];
}

describe('examples/history: earlier reports are clean', () => {
  const files = markdownUnder(path.join(EXAMPLES, 'history'));
  it('holds an ILACS report, a focused visit and a monitoring visit', () => {
    const kinds = files.map((f) => check(f).model.kind).sort();
    assert.deepStrictEqual(kinds, ['focused-visit', 'ilacs', 'monitoring-visit']);
  });
  for (const file of files) {
    const rel = path.relative(EXAMPLES, file);
    it(`${rel}: a report with no diagnostics from any rule`, () => {
      const result = check(file);
      assert.ok(result.model.isReport, `${rel} must have report: front matter`);
      const shown = result.diagnostics.map(show);
      assert.deepStrictEqual(shown, [], `${rel}:\n  ${shown.join('\n  ')}`);
    });
  }
});

describe('examples/drafts: planted mistakes', () => {
  const planted = readPlanted();
  const drafts = markdownUnder(path.join(EXAMPLES, 'drafts'));
  const ruleIds = new Set(allRules.map((r) => r.id));

  it('one draft of each kind, each a report, none crashing a rule', () => {
    const kinds: string[] = [];
    for (const file of drafts) {
      const result = check(file);
      assert.ok(result.model.isReport, `${file} must be a report`);
      kinds.push(`${result.model.kind}${result.model.era ? ` (${result.model.era.id})` : ''}`);
      const crashes = result.diagnostics.filter((d) => d.ruleId === 'internal-error').map(show);
      assert.deepStrictEqual(crashes, [], `${file}`);
    }
    assert.deepStrictEqual(kinds.sort(), [
      'focused-visit', 'ilacs (ilacs-2023)', 'ilacs (ilacs-2026)', 'monitoring-visit', 'scrutiny',
    ]);
  });

  it('the list of planted mistakes is in step with the drafts', () => {
    for (const p of planted) {
      const where = `${p.file}:${p.line}`;
      assert.ok(p.file.startsWith('drafts/'), `${where}: planted mistakes live in drafts/`);
      assert.ok(ruleIds.has(p.ruleId), `${where}: unknown rule '${p.ruleId}'`);
      assert.ok(p.what && p.text, `${where}: 'what' and 'text' are required`);
      const lines = fs.readFileSync(path.join(EXAMPLES, p.file), 'utf8').split(/\r?\n/);
      assert.ok(p.line >= 1 && p.line <= lines.length, `${where}: no such line`);
      assert.ok(lines[p.line - 1].includes(p.text), `${where}: expected the line to contain '${p.text}', found '${lines[p.line - 1]}'`);
    }
    for (const file of drafts) {
      const rel = path.relative(EXAMPLES, file).split(path.sep).join('/');
      assert.ok(planted.some((p) => p.file === rel), `${rel} has no planted mistake listed`);
    }
  });

  it('examples/README.md lists every planted mistake by file, line and rule', () => {
    const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((l) => l.startsWith('|')).map((l) => l.split('|').map((c) => c.trim().replace(/`/g, '')));
    for (const p of planted) {
      const found = rows.some((cells) => cells.includes(p.file) && cells.includes(String(p.line)) && cells.includes(p.ruleId));
      assert.ok(found, `README has no row for ${p.file} | ${p.line} | ${p.ruleId}`);
    }
  });

  // These fail until the rules named in examples-expected.json are written.
  const results = new Map<string, CheckResult>();
  for (const p of planted) {
    it(`${p.file}:${p.line} ${p.ruleId}: ${p.what}`, () => {
      const file = path.join(EXAMPLES, p.file);
      let result = results.get(file);
      if (!result) {
        result = check(file);
        results.set(file, result);
      }
      const hit = result.diagnostics.some((d) => d.ruleId === p.ruleId && (p.anyLine || d.range.start.line + 1 === p.line));
      const same = result.diagnostics.filter((d) => d.ruleId === p.ruleId).map(show);
      assert.ok(hit, `not reported. ${p.ruleId} reported in this file:\n  ${same.join('\n  ') || '(nothing)'}`);
    });
  }
});
