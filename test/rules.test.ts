import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../server/src/rules/index';
import { checkFixture, compare, listFixtures, readFixture, ruleIds } from './helpers/fixtures';

describe('rule fixtures (expected diagnostics written in each fixture)', () => {
  for (const file of listFixtures()) {
    const fixture = readFixture(file);
    it(fixture.name, () => {
      if (fixture.rules !== 'all') for (const r of fixture.rules) assert.ok(ruleIds.includes(r), `unknown rule '${r}' in ${fixture.name}`);
      const result = checkFixture(fixture);
      assert.ok(result.model.isReport, 'a fixture must be a report (front matter with report:)');
      const problems = compare(fixture, result.diagnostics);
      assert.deepStrictEqual(problems, [], `${fixture.name}:\n  ${problems.join('\n  ')}`);
    });
  }
});

describe('every rule', () => {
  const root = path.join(__dirname, '..');
  for (const rule of allRules) {
    it(`${rule.id}: has a docs page, a summary, and fixtures with and without findings`, () => {
      assert.ok(fs.existsSync(path.join(root, 'server', 'src', 'rules', `${rule.id}.ts`)), 'rule file named by its id');
      assert.ok(fs.existsSync(path.join(root, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
      assert.ok(rule.summary.length > 10 && !/TODO/.test(rule.summary), 'a one-line summary');
      if (rule.needsHistory) {
        // A fixture has no history: these rules are checked on the history fixtures (test/history/fixtures).
        const tests = ['history/editor.test.ts', 'lsp/history.test.ts'].map((f) => fs.readFileSync(path.join(root, 'test', f), 'utf8')).join('\n');
        assert.ok(tests.includes(`'${rule.id}'`), `a history test that checks ${rule.id}`);
        return;
      }
      const dir = path.join(root, 'test', 'fixtures', 'rules', rule.id);
      assert.ok(fs.existsSync(dir), `test/fixtures/rules/${rule.id}/`);
      const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFixture(path.join(dir, f)));
      assert.ok(fixtures.some((f) => f.expected.some((e) => e.ruleId === rule.id)), 'a fixture where the rule reports');
      assert.ok(fixtures.some((f) => f.expected.every((e) => e.ruleId !== rule.id)), 'a fixture where the rule is silent');
    });
  }
});
