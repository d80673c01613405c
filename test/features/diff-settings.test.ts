import * as assert from 'assert';
import * as fc from 'fast-check';
import { applyEdits } from '../../server/src/core/edits';
import { defaultConfig } from '../../server/src/config/config';
import { textEdits } from '../../server/src/features/diff';
import { mergeConfig, readClientSettings } from '../../server/src/lsp/settings';

describe('features: minimal edits', () => {
  const lineish = fc.array(fc.constantFrom('a\n', 'b\n', '1. x\n', '\n', '\r\n', 'c', '😀\n', '😀'), { maxLength: 25 }).map((a) => a.join(''));

  it('turns one text into another, for any pair (property)', () => {
    fc.assert(fc.property(lineish, lineish, (a, b) => {
      const r = applyEdits(a, textEdits(a, b));
      return r.text === b && r.skipped.length === 0;
    }), { numRuns: 2000 });
  });

  it('still gives a correct edit when the difference is too large to diff', () => {
    fc.assert(fc.property(lineish, lineish, (a, b) => applyEdits(a, textEdits(a, b, 3)).text === b), { numRuns: 500 });
  });

  it('touches only what changed', () => {
    const before = 'one\ntwo Good\nthree\nfour Good\nfive\n';
    const after = 'one\ntwo good\nthree\nfour good\nfive\n';
    assert.deepStrictEqual(textEdits(before, after), [
      { start: 8, end: 9, newText: 'g' },
      { start: 24, end: 25, newText: 'g' },
    ]);
    assert.deepStrictEqual(textEdits('same', 'same'), []);
  });
});

describe('lsp settings (no connection)', () => {
  it('reads good settings and names every bad one', () => {
    const problems: string[] = [];
    const s = readClientSettings({ enable: false, rules: { 'grade-wording': 'warning', dates: false, ages: 'loud' }, history: ['old'], debounce: 99999 }, problems);
    assert.deepStrictEqual(s, { enable: false, rules: { 'grade-wording': 'warning', dates: 'off' }, history: ['old'], debounce: 5000 });
    assert.deepStrictEqual(problems, ['inspectionReports.rules.ages must be error, warning, info or off']);
    const bad: string[] = [];
    assert.deepStrictEqual(readClientSettings({ enable: 'yes', history: 'x', debounce: -1 }, bad), readClientSettings(undefined));
    assert.strictEqual(bad.length, 3);
    assert.deepStrictEqual(readClientSettings('nonsense', []), readClientSettings(null));
  });

  it("puts the editor's rule severities over the settings file and adds its history folders", () => {
    const config = { ...defaultConfig(), rules: { dates: 'off' as const, ages: 'info' as const }, history: ['/a'] };
    const merged = mergeConfig(config, { enable: true, rules: { ages: 'error' }, history: ['reports/old'], debounce: 150 }, '/ws');
    assert.deepStrictEqual(merged.rules, { dates: 'off', ages: 'error' });
    assert.deepStrictEqual(merged.history, ['/a', '/ws/reports/old']);
    assert.strictEqual(mergeConfig(config, readClientSettings(undefined), '/ws'), config);
  });
});
