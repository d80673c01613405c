/**
 * What the importer infers when a front page does not say it: the authority
 * (from a trust's name in the title, or the authority the text names most,
 * matched against server/profiles/authorities.yaml) and the inspection dates
 * (from a sentence that states them), each with a warning. Texts are the
 * tests' own.
 */
import * as assert from 'assert';
import { authorityMentions, readAuthorities, trustInTitle } from '../../server/src/import/authorities';
import { importText } from '../../server/src/import/index';
import { inferMissing } from '../../server/src/import/infer';
import type { ImportedFrontMatter } from '../../server/src/import/types';
import { builtinAuthorities } from '../../server/src/io/importFs';
import type { DataProblem } from '../../server/src/profiles/load';
import { catalog } from '../helpers/data';

const TABLE = [
  'Judgement\tGrade',
  'The impact of leaders on social work practice with children and families\tGood',
  'The experiences and progress of children who need help and protection\tInadequate',
  'The experiences and progress of children in care and care leavers\tGood',
  'Overall effectiveness\tInadequate',
];

describe('import: the list of authorities', () => {
  it('reads the shipped list without problems: the upper-tier authorities, each once, and trusts that name listed authorities', () => {
    const problems: DataProblem[] = [];
    const list = builtinAuthorities(problems);
    assert.deepStrictEqual(problems, []);
    assert.ok(list.authorities.length >= 150 && list.authorities.length <= 160, `${list.authorities.length} authorities`);
    const forms = list.authorities.flatMap((a) => a.forms.map((f) => f.toLowerCase()));
    assert.strictEqual(new Set(forms).size, forms.length, 'a name belongs to one authority only');
    assert.ok(list.trusts.length > 0);
  });

  it('reports bad entries and keeps the good ones', () => {
    const problems: DataProblem[] = [];
    const list = readAuthorities('authorities:\n  - Exampleton\n  - 3\ntrusts:\n  - [Exampleton Children First, Exampleton]\n  - [Nowhere Trust, Nowhere]\n', 'a.yaml', problems);
    assert.deepStrictEqual(list.authorities.map((a) => a.name), ['Exampleton']);
    assert.deepStrictEqual(list.trusts.map((t) => t.name), ['Exampleton Children First']);
    assert.strictEqual(problems.length, 2);
  });

  it('counts whole names only, the longest form once', () => {
    const list = readAuthorities('authorities:\n  - [Nottingham City, Nottingham]\n  - Nottinghamshire\n', 'a.yaml', []);
    const text = 'Nottingham City children are safe. Nottinghamshire and Nottingham work together; in Nottingham, plans are good. Nottinghamshire.';
    assert.deepStrictEqual(authorityMentions(text, list), [{ name: 'Nottingham City', count: 3 }, { name: 'Nottinghamshire', count: 2 }]);
  });
});

describe('import: inferring what the front page would say', () => {
  const list = builtinAuthorities();

  it('infers the authority the body names most, for text that starts at the judgement table, and says so', () => {
    const r = importText([
      ...TABLE, '',
      'Children in Wigan who need help wait too long. A focused visit to Wigan in 2021 found delays.', '',
      'What needs to improve?', '', '◼ The timeliness of assessments.', '',
      'The experiences and progress of children who need help and protection: inadequate', '',
      '1. Leaders in Wigan know this. Work with Bolton and Salford partners on the border has started.', '',
    ].join('\n'), { catalog, authorities: list });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.strictEqual(r.frontMatter.authority, 'Wigan');
    assert.strictEqual(r.relativePath, 'wigan/undated-ilacs.md');
    assert.ok(r.warnings.some((w) => /authority 'Wigan' inferred from the text, which names it 3 times \(next Bolton, 1\)/.test(w)), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => /no authority found/.test(w)));
  });

  it('infers nothing when two authorities are named as often, or one only once', () => {
    const fm = (): ImportedFrontMatter => ({ report: 'ilacs' });
    const tie = fm();
    assert.deepStrictEqual(inferMissing(tie, { text: 'Bolton and Wigan. Wigan and Bolton.', authorities: list }), []);
    assert.strictEqual(tie.authority, undefined);
    const once = fm();
    inferMissing(once, { text: 'Children in Wigan are safe.', authorities: list });
    assert.strictEqual(once.authority, undefined);
  });

  it('reads the authority from a trust named in the title', () => {
    const generic = importText([
      'Inspection of Exampleton Children and Families Trust', '', 'Inspection dates: 6 to 17 March 2023', '', ...TABLE, '', 'Children are safe.',
    ].join('\n'), { catalog });
    assert.ok(generic.ok);
    assert.strictEqual(generic.frontMatter.authority, 'Exampleton');
    assert.strictEqual(trustInTitle('Inspection of Together for Children', list)?.authorities[0], 'Sunderland');
    const fm: ImportedFrontMatter = { report: 'ilacs' };
    const warnings = inferMissing(fm, { title: 'Inspection of Achieving for Children', text: 'Children in Richmond and in Kingston. Richmond again.', authorities: list });
    assert.strictEqual(fm.authority, 'Richmond upon Thames');
    assert.match(warnings[0], /title names Achieving for Children, which serves Kingston upon Thames, Richmond upon Thames, Windsor and Maidenhead/);
  });

  it('infers the inspection dates from a sentence that states them, and says so', () => {
    const fm: ImportedFrontMatter = { report: 'ilacs', authority: 'Wigan' };
    const warnings = inferMissing(fm, { text: 'Leaders are new.\nThis inspection took place between 4 and 15 March 2024, with two days on site.', authorities: list });
    assert.deepStrictEqual(fm.inspectionDates, [{ start: '2024-03-04', end: '2024-03-15' }]);
    assert.match(warnings[0], /^inspection dates 2024-03-04 to 2024-03-15 inferred from the text \('This inspection took place between 4 and 15 March 2024'\)/);
    const none: ImportedFrontMatter = { report: 'ilacs' };
    inferMissing(none, { text: 'In March 2024, a new director started.', authorities: list });
    assert.strictEqual(none.inspectionDates, undefined);
  });
});
