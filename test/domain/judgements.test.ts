import * as assert from 'assert';
import { covers, frameworksOf, judgementFamilies, judgementMentions, nameOf, overallKey, printedNames, refKey, resolveKey, shortList, shortOf } from '../../server/src/domain/judgements';
import { familyOf } from '../../server/src/history/prior';
import { readCatalog, type DataProblem } from '../../server/src/profiles/load';
import { catalog } from '../features/helpers';

const era = (id: string) => catalog().eras.find((e) => e.id === id)!;

describe('domain: judgement matching', () => {
  it("maps a matched judgement into the report's era when two frameworks share its name", () => {
    assert.strictEqual(catalog().judgements.overall.name, catalog().judgements['sif-overall'].name, 'the fixture this rests on');
    assert.strictEqual(resolveKey(catalog(), era('sif'), 'overall'), 'sif-overall');
    assert.strictEqual(resolveKey(catalog(), era('ilacs-2023'), 'overall'), 'overall');
    assert.strictEqual(resolveKey(catalog(), era('ilacs-2023'), 'in-care-and-leavers'), 'in-care-and-leavers', 'another era\'s judgement stays itself');
    assert.strictEqual(resolveKey(catalog(), undefined, 'overall'), 'overall');
    assert.strictEqual(refKey(catalog(), era('sif'), undefined), undefined);
  });

  it('names judgements, and says which stands for which across eras', () => {
    assert.strictEqual(nameOf(catalog(), 'care-leavers'), 'The experiences and progress of care leavers');
    assert.strictEqual(nameOf(catalog(), 'no-such'), 'no-such');
    assert.strictEqual(shortOf(catalog(), 'help-protection'), 'help and protection');
    assert.strictEqual(shortList(catalog(), ['leaders', 'in-care']), 'leaders, children in care');
    assert.ok(covers(catalog(), 'in-care-and-leavers', 'in-care'));
    assert.ok(covers(catalog(), 'care-leavers', 'in-care-and-leavers'));
    assert.ok(!covers(catalog(), 'leaders', 'in-care'));
  });

  it('lists the printed names and the phrases running text names a judgement by', () => {
    assert.deepStrictEqual(printedNames(catalog().judgements['sif-looked-after']), [
      'Children looked after and achieving permanence', 'The experiences and progress of children looked after and achieving permanence',
    ]);
    assert.deepStrictEqual([...frameworksOf(catalog(), 'sif-adoption')], ['sif']);
    const mentions = judgementMentions(catalog());
    assert.deepStrictEqual(mentions.filter(([, k]) => k === 'in-care').map(([p]) => p), ['children looked after', 'children in care']);
    assert.ok(mentions.every(([, k]) => !k.startsWith('sif-')), 'the newest framework\'s judgements only');
    assert.deepStrictEqual(mentions.map(([p]) => p.length), mentions.map(([p]) => p.length).sort((a, b) => b - a), 'longest first');
    assert.strictEqual(judgementMentions(catalog()), mentions, 'built once per catalogue');
  });

  it('reads `mentions` as phrases, and refuses anything else or one phrase for two judgements', () => {
    const problems: DataProblem[] = [];
    const c = readCatalog({ judgements: {
      a: { name: 'A', mentions: ['alpha', 'first'] },
      b: { name: 'B', mentions: 'beta' },
      c: { name: 'C', mentions: [3, ''] },
      d: { name: 'D', mentions: ['Alpha'] },
    } }, 'test', problems);
    assert.deepStrictEqual([c.judgements.a.mentions, c.judgements.b.mentions, c.judgements.c.mentions], [['alpha', 'first'], ['beta'], []]);
    assert.deepStrictEqual(problems.map((p) => p.message), [
      "judgement 'c': mentions must be a list of phrases",
      "judgement 'd': the mention 'Alpha' is already judgement 'a''s",
    ]);
  });

  it('gives each judgement its family from the catalogue: the newest framework\'s areas, others by their names or partOf', () => {
    const { byKey } = judgementFamilies(catalog());
    const fam = (k: string) => byKey.get(k);
    assert.deepStrictEqual(fam('help-protection'), ['help-protection']);
    assert.deepStrictEqual(fam('in-care-and-leavers'), ['in-care', 'care-leavers'], 'a judgement covering two areas');
    assert.deepStrictEqual(fam('sif-help-protection'), ['help-protection'], 'by its short name');
    assert.deepStrictEqual(fam('sif-looked-after'), ['in-care'], "by in-care's mention 'children looked after'");
    assert.deepStrictEqual(fam('sif-leadership'), ['leaders'], "by leaders' mention 'leadership'");
    assert.deepStrictEqual(fam('sif-adoption'), ['in-care'], 'by partOf (judgements.yaml)');
    assert.strictEqual(fam('overall'), undefined, 'the overall judgement is no area');
    assert.strictEqual(fam('sif-overall'), undefined);
    assert.strictEqual(fam('sif-looked-after'), fam('in-care'), 'one array per family (compared by identity first)');
    assert.strictEqual(judgementFamilies(catalog()), judgementFamilies(catalog()), 'built once per catalogue');
  });

  it("reads a finding's family from its section's heading when it has no judgement", () => {
    const f = (section: string) => familyOf(catalog(), { section });
    assert.deepStrictEqual(f('The experiences of progress of children looked after and achieving permanence: Good'), ['in-care']);
    assert.deepStrictEqual(f('The graded judgement for adoption performance is that it is good'), ['in-care']);
    assert.deepStrictEqual(f('The graded judgement about the experiences and progress of care leavers is good'), ['care-leavers']);
    assert.deepStrictEqual(f('Impact of leaders on social work practice with children and families: good'), ['leaders']);
    assert.deepStrictEqual(f('Leadership and management Grade 4 (Inadequate)'), ['leaders']);
    assert.deepStrictEqual(f('Children looked after and care leavers'), ['in-care', 'care-leavers'], 'two areas named: the judgement that is both');
    assert.strictEqual(f("Children's services in Manchester are inadequate because:"), undefined);
    assert.strictEqual(f('Overall effectiveness'), undefined);
    assert.deepStrictEqual(familyOf(catalog(), { judgement: 'sif-care-leavers', section: 'Leadership' }), ['care-leavers'], 'the judgement first');
  });

  it('derives families and the overall judgement from an invented catalogue: renamed judgements change what is recognised', () => {
    const problems: DataProblem[] = [];
    const c = readCatalog({
      grades: { g: ['Fine', 'Poor'] },
      judgements: {
        safe: { name: 'Keeping children safe', short: 'keeping safe', mentions: ['safeguarding'] },
        homes: { name: 'Children in homes', short: 'children in homes' },
        both: { name: 'Keeping safe and children in homes', short: 'keeping safe and children in homes' },
        lead: { name: 'Leaders', short: 'leaders' },
        verdict: { name: 'The verdict', short: 'verdict' },
        'old-safe': { name: 'Safeguarding of children', short: 'safeguarding' },
        'old-play': { name: 'Play provision', short: 'play', partOf: 'homes' },
        bad: { name: 'Bad', partOf: 'nowhere' },
      },
      eras: [
        { id: 'old', framework: 'old', from: '2001-01-01', grades: 'g', table: ['old-safe', 'old-play'], sections: ['old-safe', 'old-play'], practice: ['old-safe'] },
        { id: 'new', framework: 'new', from: '2010-01-01', grades: 'g', table: ['safe', 'homes', 'both', 'lead', 'verdict'], sections: ['safe', 'homes', 'lead'], practice: ['safe', 'homes', 'both'], overall: 'verdict', leaders: 'lead' },
        { id: 'newer', framework: 'new', from: '2020-01-01', grades: 'g', table: ['safe', 'homes', 'lead'], sections: ['safe', 'homes', 'lead'], practice: ['safe', 'homes'], leaders: 'lead' },
      ],
    }, 'invented', problems);
    assert.deepStrictEqual(problems.map((p) => p.message), ["judgement 'bad': partOf names 'nowhere', which is no judgement"]);
    const { byKey } = judgementFamilies(c);
    assert.deepStrictEqual(byKey.get('old-safe'), ['safe'], "by the mention 'safeguarding'");
    assert.deepStrictEqual(byKey.get('old-play'), ['homes'], 'by partOf');
    assert.deepStrictEqual(byKey.get('both'), ['safe', 'homes']);
    assert.deepStrictEqual(familyOf(c, { section: 'How well leaders lead' }), ['lead']);
    assert.deepStrictEqual(familyOf(c, { section: 'Safeguarding: fine' }), ['safe']);
    assert.strictEqual(familyOf(c, { section: 'The experiences and progress of children who need help and protection' }), undefined, "Ofsted's names mean nothing here");
    assert.strictEqual(familyOf(catalog(), { section: 'Safeguarding: fine' }), undefined, "nor this catalogue's to Ofsted's");
    assert.strictEqual(overallKey(c), 'verdict', 'the newest era with an overall judgement');
    assert.strictEqual(overallKey(catalog()), 'overall');
  });
});
