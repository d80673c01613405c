/**
 * model/simpleFrontMatter.ts reads plain `key: value` front matter without the
 * yaml package. Whatever it accepts, it must read as the yaml package does:
 * the same keys, values and ranges. Checked here on generated front matter
 * (tricky values included), with the yaml package as the oracle.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { readSimpleFrontMatter, type SimpleEntry } from '../../server/src/model/simpleFrontMatter';
import { LineIndex } from '../../server/src/core/lineIndex';
import { readFrontMatter } from '../../server/src/model/frontMatter';

/** What the yaml package reads: entries in the same shape, or undefined when it reports a problem. */
function oracle(text: string): SimpleEntry[] | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) return undefined;
  const js = doc.toJS() as Record<string, unknown>;
  return doc.contents.items.map((pair) => {
    const k = pair.key as Node;
    const v = pair.value as Node;
    assert.ok(isScalar(k) && k.range && v?.range);
    return { key: String(k.value), value: js[String(k.value)], keyStart: k.range[0], keyEnd: k.range[1], valueStart: v.range[0], valueEnd: v.range[1] };
  });
}

const KEYS = ['report', 'authority', 'inspection-dates', 'visit-number', 'a', 'b_c', 'True', 'null', 'x1', 'on'];
const VALUES = [
  'Wexbridge City Council', 'Northmere County Council', "Children's services", 'x  y', '2024-09-10', '2024-09-10 to 2024-09-11',
  '11', '0', '007', '1234567890123456', '-3', '+3', '1e3', '1.5', '.5', '0x1F', '0o7', '.inf', '-.Inf', '.nan', '~', 'null', 'Null',
  'true', 'False', 'yes', 'no', 'on', '-', '- x', '?x', ':x', 'a: b', 'a:b', 'x:', '10:00', 'a #c', 'a#b', '#c', '@x', '`x', '!x', '!!str 1',
  '&a x', '*a', '|', '>', '%x', '[x, y]', '[x,y]', '[ x , y ]', '[x, y,]', '[]', '[ ]', '[a: b]', '[x, 2]', '[x, [y]]', '[x, "y"]', '{a: b}',
  '"quoted"', '"esc\\"x"', '"a # b"', '""', "'single'", "'it''s'", "''", '"open', "'open", 'x]', 'é accents', '[Daniel Sample, Nadia Example]',
];

const line = fc.tuple(
  fc.constantFrom(...KEYS),
  fc.constantFrom(':', ': ', ':  ', ' : '),
  fc.oneof(fc.constantFrom(...VALUES), fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', ',', '[', ']', '"', "'", '-', '1', '.', '\\', '\t') })),
  fc.constantFrom('', ' ', '  ', ' # note'),
).map(([k, sep, v, tail]) => `${k}${sep}${v}${tail}`);

const frontMatter = fc.array(fc.oneof({ weight: 6, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '  indented: x', '# comment', '- item') }), { maxLength: 8 }).map((ls) => ls.join('\n'));

describe('simple front matter (read without the yaml package)', () => {
  it('reads what it accepts exactly as the yaml package does', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        total++;
        const simple = readSimpleFrontMatter(text);
        if (simple === undefined) return;
        accepted++;
        assert.deepStrictEqual(simple, oracle(text), `front matter:\n${text}`);
      }),
      { numRuns: Number(process.env.FM_RUNS ?? 3000), seed: Number(process.env.FM_SEED ?? 20261207) },
    );
    // Not vacuous: a good share of the generated front matter takes the fast path.
    if (process.env.FM_RUNS) console.log(`accepted ${accepted} of ${total}`);
    assert.ok(accepted > total / 10, `only ${accepted} of ${total} generated front matters were read without the yaml package`);
  });

  it('reads the front matter of every bundled example without the yaml package', () => {
    const root = path.join(__dirname, '..', '..', 'examples');
    const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8').replace(/\r\n?/g, '\n');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!m) continue;
      const simple = readSimpleFrontMatter(m[1]);
      assert.ok(simple, `${f}: not read as simple front matter`);
      assert.deepStrictEqual(simple, oracle(m[1]), f);
    }
  });

  it('leaves anything else to the yaml package, which reports its problems as before', () => {
    for (const text of ['key: [open', 'key: "open', 'a: 1\na: 2', 'key:\n  - x', 'key: x # note', 'key: yes\n\tbad: tab']) assert.strictEqual(readSimpleFrontMatter(text), undefined, text);
    const problems: { message: string }[] = [];
    const fm = readFrontMatter(new LineIndex('---\nreport: ilacs\nreport: sif\n---\n'), problems as never);
    assert.strictEqual(fm?.entries.get('report')?.value, 'ilacs');
    assert.ok(problems.some((p) => /given twice/.test(p.message)), JSON.stringify(problems));
  });

  it('maps ranges back through CRLF line ends', () => {
    const text = '---\r\nreport: ilacs\r\nauthority: Wexbridge City Council\r\n---\r\n';
    const fm = readFrontMatter(new LineIndex(text), []);
    const e = fm?.entries.get('authority');
    assert.ok(e);
    assert.strictEqual(text.slice(e.valueSpan.start, e.valueSpan.end), 'Wexbridge City Council');
    assert.strictEqual(text.slice(e.keySpan.start, e.keySpan.end), 'authority');
  });
});
