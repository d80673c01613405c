import * as assert from 'assert';
import { statusText, statusTooltip } from '../../client/src/status';
import type { StatusParams } from '../../server/src/lsp/protocol';

const status = (errors: number, warnings: number, infos = 0): StatusParams => ({
  uri: 'file:///w/letter.md', version: 1, isReport: true, kind: 'focused-visit', label: 'Focused visit letter', errors, warnings, infos,
});

describe('client: the status bar item (issue 12, item 10)', () => {
  it('counts warnings as well as errors: a letter with two warnings never reads as clean', () => {
    assert.strictEqual(statusText(status(0, 2)), '$(checklist) focused-visit: 0 errors, 2 warnings');
    assert.strictEqual(statusText(status(1, 1)), '$(checklist) focused-visit: 1 error, 1 warning');
    assert.strictEqual(statusText(status(0, 0, 3)), '$(checklist) focused-visit: 0 errors, 0 warnings');
  });

  it('gives every count and the history in the tooltip', () => {
    const t = statusTooltip(status(0, 2, 1), { state: 'ready', reports: 5, roots: ['/w/history'], problems: 0 });
    assert.match(t, /^Focused visit letter: 0 errors, 2 warnings, 1 info\. History: 5 reports\./);
    assert.match(statusTooltip(status(0, 0), undefined), /^Focused visit letter: 0 errors, 0 warnings, 0 info\. Click/);
  });
});
