import * as assert from 'assert';
import { checkText } from '../../server/src/check';
import { fixAll } from '../../server/src/fix';
import { parseReport } from '../../server/src/model/parse';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { ILACS_2022_HEAD } from '../helpers/reports';
import { data } from '../helpers/data';

const profiles = builtinProfiles();
const HEAD = `${ILACS_2022_HEAD}## The experiences and progress of children who need help and protection: good

`;

const structure = (text: string) => parseReport(text, 'mem://m.md', profiles).numbered.map((n) => `${n.printed}|${n.text}`);
const numbering = (text: string) => checkText(text, 'mem://m.md', { data, profiles }).diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');

describe('renumbering keeps the list structure when a marker changes width', () => {
  it('shrinking 10. to 1. does not pull a following indented paragraph into the item', () => {
    const text = `${HEAD}10. Families are offered early help quickly.

   Most say that it made a difference.
2. Children at risk are seen quickly.
`;
    const before = structure(text);
    const fixed = fixAll(text, 'mem://m.md', { data, profiles });
    assert.deepStrictEqual(numbering(fixed.text), []);
    assert.deepStrictEqual(structure(fixed.text).map((s) => s.split('|')[1]), before.map((s) => s.split('|')[1]));
    assert.match(fixed.text, /\n1\.  Families/);
  });

  it('growing 9. to 10. keeps an indented continuation paragraph inside the item', () => {
    const items = Array.from({ length: 9 }, (_, i) => `${i + 1}. Paragraph ${i + 1}.`).join('\n');
    const text = `${HEAD}${items}\n9. Paragraph ten.\n\n   It goes on here.\n`;
    const fixed = fixAll(text, 'mem://m.md', { data, profiles });
    assert.deepStrictEqual(numbering(fixed.text), []);
    const m = parseReport(fixed.text, 'mem://m.md', profiles);
    const ten = m.numbered.find((n) => n.printed === '10')!;
    assert.ok(fixed.text.slice(ten.span.start, ten.span.end).includes('It goes on here.'), 'the continuation stays in item 10');
    assert.match(fixed.text, /\n10\. Paragraph ten\.\n\n {4}It goes on here\./);
  });

  it('leaves ordinary one-line items alone (no padding where nothing hangs on the column)', () => {
    const items = ['1. One.', '2. Two.', '4. Three.', '5. Four.'].join('\n');
    const fixed = fixAll(`${HEAD}${items}\n`, 'mem://m.md', { data, profiles });
    assert.ok(fixed.text.endsWith('1. One.\n2. Two.\n3. Three.\n4. Four.\n'), fixed.text);
  });
});
