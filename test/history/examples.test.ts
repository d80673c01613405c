import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runLinks } from '../../server/src/cli/links';
import type { Io } from '../../server/src/cli/main';

/**
 * The bundled examples (examples/README.md) name the concerns that recur
 * through Wexbridge City Council's history and its 2025 draft. When the
 * examples are there, the links command must find those links.
 */
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const DRAFT = 'drafts/2025-02-ilacs.md';

describe('history: the bundled examples', function () {
  before(function () {
    if (!fs.existsSync(path.join(EXAMPLES, DRAFT)) || !fs.existsSync(path.join(EXAMPLES, 'history', 'wexbridge-city'))) {
      console.log('    (examples/drafts/2025-02-ilacs.md or examples/history/wexbridge-city is missing: skipped)');
      this.skip();
    }
  });

  it('links the 2025 draft to the earlier findings on the same concerns, with the history folder from the settings', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { cwd: EXAMPLES, out: (s) => out.push(s), err: (s) => err.push(s) };
    runLinks([DRAFT, '--format', 'json', '--top', '3'], io);
    const results = JSON.parse(out.join('\n')) as { finding: string; suggestions: { target: string }[] }[];
    const targets = (id: string) => results.find((r) => r.finding === id)?.suggestions.map((s) => s.target.replace('history/wexbridge-city/', '')) ?? [];
    const expect = (id: string, anyOf: string[]) =>
      assert.ok(targets(id).some((t) => anyOf.includes(t)), `${id}: expected one of ${anyOf.join(', ')}, got ${targets(id).join(', ')}`);
    // Return home interviews: 2019 paragraph 12 and improvement item 3, the 2020 letter.
    expect('para-13', ['2019-06-ilacs.md#para-12', '2019-06-ilacs.md#wni-3']);
    // Homeless 16- and 17-year-olds: 2019 paragraph 13.
    expect('para-14', ['2019-06-ilacs.md#para-13', '2019-06-ilacs.md#wni-4']);
    // Supervision: 2019 paragraph 28, or the later letters.
    expect('para-44', ['2019-06-ilacs.md#para-28', '2021-05-focused-visit.md#finding-7', '2019-06-ilacs.md#wni-2']);
    // Every target is under the folder named in .inspection-reports.yaml.
    assert.ok(results.every((r) => r.suggestions.every((s) => s.target.startsWith('history/wexbridge-city/'))));
  });
});
