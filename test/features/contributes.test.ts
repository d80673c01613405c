import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { checkText } from '../../server/src/check';
import { applyKinds, readConfig } from '../../server/src/config/config';
import { DEFAULT_DEBOUNCE } from '../../server/src/lsp/settings';
import { builtinProfileDir } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';
import { allRules } from '../../server/src/rules/index';
import { expandSnippet, SNIPPETS } from '../../server/src/features/snippets';
import { catalog, profiles } from './helpers';
import { data } from '../helpers/data';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const ruleIds = allRules.map((r) => r.id).sort();
/** Every rule, the history's included: one registry. */
const allRuleIds = ruleIds;
const clientSources = () => fs.readdirSync(path.join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts')).map((f) => read(`client/src/${f}`)).join('\n');

type Snippet = { prefix: string | string[]; body: string | string[]; description: string };

function snippets(file: string): Record<string, Snippet> {
  return JSON.parse(read(file));
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

describe('extension manifest (package.json contributes)', () => {
  it("contributes exactly the commands the extension registers, and activates on Markdown", () => {
    const names: Record<string, string> = { 'CLIENT_COMMANDS.showEarlierFindings': 'inspectionReports.showEarlierFindings', 'CLIENT_COMMANDS.openLocation': 'inspectionReports.openLocation' };
    const registered = [...clientSources().matchAll(/registerCommand\((?:'([^']+)'|(CLIENT_COMMANDS\.\w+))/g)].map((m) => m[1] ?? names[m[2]]).sort();
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(contributed, registered);
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.match(pkg.scripts.package, /^vsce package/);
  });

  it('lists every rule under inspectionReports.rules, and nothing else', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepStrictEqual(Object.keys(props['inspectionReports.rules'].properties).sort(), allRuleIds);
    assert.strictEqual(props['inspectionReports.debounce'].default, DEFAULT_DEBOUNCE);
    for (const key of ['enable', 'rules', 'history', 'debounce', 'trace.server']) assert.ok(props[`inspectionReports.${key}`], key);
  });

  it('points at files that exist', () => {
    const c = pkg.contributes;
    for (const p of [...c.grammars, ...c.yamlValidation].map((x: { path?: string; url?: string }) => String(x.path ?? x.url))) {
      assert.ok(fs.existsSync(path.join(ROOT, p)), `${p} is missing`);
    }
    assert.ok(fs.existsSync(path.join(ROOT, pkg.main.replace(/^\.\//, '').replace('dist/extension.js', 'client/src/extension.ts'))));
  });
});

describe('snippets', () => {
  const files: string[] = fs.readdirSync(path.join(ROOT, 'snippets')).filter((f) => f.endsWith('.json')).map((f) => `snippets/${f}`);

  it('are offered by the language server, not contributed to VS Code (which would show each twice)', () => {
    assert.strictEqual(pkg.contributes.snippets, undefined);
    const held = files.flatMap((f) => Object.keys(snippets(f)));
    assert.deepStrictEqual(SNIPPETS.map((s) => s.name).sort(), held.sort(), 'a snippet file is not bundled into the server');
  });

  it('are well formed, with prefixes that do not clash', () => {
    const seen = new Set<string>();
    for (const f of files) {
      for (const [name, s] of Object.entries(snippets(f))) {
        assert.ok(s.prefix && s.body && s.description, `${f}: ${name}`);
        for (const p of ([] as string[]).concat(s.prefix)) {
          assert.ok(!seen.has(p), `prefix ${p} used twice`);
          seen.add(p);
        }
      }
    }
  });

  it("give each era's judgement table with the grades as choices", () => {
    const tables = Object.values(snippets('snippets/judgement-tables.json'));
    const cat = catalog();
    const grades = cat.grades.ilacs.join(',');
    const eraIds = ['ilacs-2018', 'ilacs-2023', 'ilacs-2026'];
    assert.strictEqual(tables.length, eraIds.length);
    tables.forEach((t, i) => {
      const era = cat.eras.find((e) => e.id === eraIds[i])!;
      const body = bodyOf(t);
      const names = body.split('\n').filter((l) => l.startsWith('| ') && !/^\| (Judgement|---) /.test(l)).map((l) => l.split(' | ')[0].slice(2));
      assert.deepStrictEqual(names, era.table.map((k) => cat.judgements[k].name), eraIds[i]);
      assert.strictEqual(body.split(`|${grades}|}`).length - 1, era.table.length, `${eraIds[i]}: every grade a choice of the four`);
    });
  });

  it('expand into letters and reports that check without errors', () => {
    const whole = [
      ...Object.entries(snippets('snippets/letters.json')),
      ...Object.entries(snippets('snippets/scrutiny.json')).filter(([n]) => n === 'Council scrutiny report'),
    ];
    assert.ok(whole.length >= 3);
    for (const [name, s] of whole) {
      const text = expandSnippet(bodyOf(s));
      assert.ok(!text.includes('${') && !/\$\d/.test(text), `${name}: not fully expanded`);
      const r = checkText(text, `file:///snippet/${name}.md`, { data, profiles: profiles() });
      assert.ok(r.model.isReport, name);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.deepStrictEqual(errors.map((d) => `${d.range.start.line + 1} ${d.ruleId}: ${d.message}`), [], `${name}:\n${text}`);
    }
  });

  it('give front matter that each kind accepts', () => {
    for (const [name, s] of Object.entries(snippets('snippets/front-matter.json'))) {
      const text = `${expandSnippet(bodyOf(s))}\n# Title\n`;
      const r = checkText(text, 'file:///snippet.md', { data, profiles: profiles() });
      assert.ok(r.model.profile, `${name}: unknown kind`);
      assert.deepStrictEqual(r.diagnostics.filter((d) => d.ruleId === 'front-matter').map((d) => d.message), [], name);
    }
  });

  it('name every rule in the disable snippet, the history rules too', () => {
    const body = bodyOf(snippets('snippets/sections.json')['Disable a rule for the next line']);
    const listed = /\$\{1\|([^|]+)\|\}/.exec(body)![1].split(',').sort();
    assert.deepStrictEqual(listed, allRuleIds);
    for (const id of ['finding-links', 'recurring-concern', 'quoted-grade']) assert.ok(listed.includes(id), id);
  });
});

describe('TextMate injection grammars', () => {
  const grammars = pkg.contributes.grammars.map((g: { path: string }) => JSON.parse(read(g.path)));
  type Rule = { match: string; captures?: Record<string, { name: string }>; name?: string };
  const repo: Record<string, Rule> = Object.assign({}, ...grammars.map((g: { repository: Record<string, Rule> }) => g.repository));

  /** The scopes a rule gives the parts of a line (JavaScript's regex is close enough to Oniguruma's for these). */
  function scopes(ruleName: string, line: string): Record<string, string> {
    const rule = repo[ruleName];
    const m = new RegExp(rule.match, 'd').exec(line);
    if (!m) return {};
    const out: Record<string, string> = {};
    for (const [i, c] of Object.entries(rule.captures ?? {})) if (m[Number(i)] !== undefined) out[m[Number(i)]] = c.name;
    return out;
  }

  it('are injected into Markdown', () => {
    for (const g of grammars) assert.match(g.injectionSelector, /text\.html\.markdown/);
    assert.strictEqual(pkg.contributes.grammars.every((g: { injectTo: string[] }) => g.injectTo.includes('text.html.markdown')), true);
  });

  it('give each grade its own scope, in the table, in headings and in running text', () => {
    assert.deepStrictEqual(scopes('table-grade', '| Overall effectiveness | Inadequate |'), { Inadequate: 'markup.deleted.grade.inadequate.inspection-reports' });
    assert.deepStrictEqual(scopes('table-grade', '| Leaders | Outstanding |'), { Outstanding: 'markup.inserted.grade.outstanding.inspection-reports' });
    assert.deepStrictEqual(scopes('table-grade', '| Overall | Strong standard |'), { 'Strong standard': 'invalid.illegal.not-a-grade.inspection-reports' });
    assert.deepStrictEqual(scopes('table-grade', '| Judgement | Grade |'), {});
    const h = scopes('judgement-heading', '## The experiences and progress of care leavers: requires improvement to be good');
    assert.strictEqual(h['requires improvement to be good'], 'markup.changed.grade.requires-improvement.inspection-reports');
    assert.match(h['The experiences and progress of care leavers'], /entity\.name\.section\.markdown/);
    assert.deepStrictEqual(scopes('judgement-heading', '## What needs to improve?'), {});
    assert.deepStrictEqual(scopes('running-grade', 'services were judged good in 2019'), { good: 'markup.inserted.grade.good.inspection-reports' });
    assert.deepStrictEqual(scopes('running-grade', 'a good start'), {});
  });

  it('mark disable comments, finding links and scrutiny paragraph numbers', () => {
    const d = scopes('disable-comment', '   <!-- inspection-reports-disable-next-line grade-wording dates -->');
    assert.strictEqual(d['inspection-reports-disable-next-line'], 'keyword.control.directive.inspection-reports');
    assert.strictEqual(d[' grade-wording dates'], 'variable.parameter.rule-id.inspection-reports');
    assert.deepStrictEqual(scopes('disable-comment', '<!-- an ordinary comment -->'), {});
    const l = scopes('finding-link', 'not held in time ([2018 inspection, paragraph 13](../2018-11-ilacs.md#para-13)).');
    assert.strictEqual(l['para-13'], 'markup.underline.link.markdown constant.other.finding-id.inspection-reports');
    assert.strictEqual(l['../2018-11-ilacs.md'], 'markup.underline.link.markdown');
    assert.deepStrictEqual(scopes('finding-link', '[a link](https://example.org/#top)'), {});
    assert.deepStrictEqual(scopes('scrutiny-paragraph-number', '2.1 The committee notes the letter.'), { '2.1': 'constant.numeric.paragraph-number.inspection-reports' });
    assert.deepStrictEqual(scopes('scrutiny-paragraph-number', '12. A list item'), {});
  });
});

/** Enough of JSON Schema (draft 7) to check our own schema: returns the problems. */
function validate(schema: Record<string, unknown>, value: unknown, root: Record<string, unknown>, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const defs = root.definitions as Record<string, Record<string, unknown>>;
    return validate(defs[schema.$ref.replace('#/definitions/', '')], value, root, at);
  }
  const errs: string[] = [];
  const t = schema.type as string | undefined;
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
  if (t && !(typeOf(value) === t || (t === 'number' && typeOf(value) === 'integer'))) return [`${at}: expected ${t}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${at}: not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && schema.const !== value) errs.push(`${at}: not ${JSON.stringify(schema.const)}`);
  if (schema.anyOf && !(schema.anyOf as Record<string, unknown>[]).some((s) => validate(s, value, root, at).length === 0)) errs.push(`${at}: matches no alternative`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) errs.push(`${at}: does not match ${schema.pattern}`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${at}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errs.push(...validate(schema.items as Record<string, unknown>, v, root, `${at}[${i}]`)));
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errs.push(`${at}: ${r} is required`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.propertyNames) errs.push(...validate(schema.propertyNames as Record<string, unknown>, k, root, `${at}.${k} (name)`));
      if (props[k]) errs.push(...validate(props[k], v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${at}: unknown key ${k}`);
      else if (typeof schema.additionalProperties === 'object') errs.push(...validate(schema.additionalProperties as Record<string, unknown>, v, root, `${at}.${k}`));
    }
  }
  return errs;
}

describe('JSON schema for .inspection-reports.yaml', () => {
  const schema = JSON.parse(read('schemas/inspection-reports.schema.json')) as Record<string, unknown>;
  const props = schema.properties as Record<string, Record<string, unknown>>;

  it('knows the same top-level settings as the reader, and every rule', () => {
    const problems: DataProblem[] = [];
    readConfig('no-such-setting: 1\n', 'x.yaml', problems);
    const known = /\(known: ([^)]+)\)/.exec(problems[0].message)![1].split(', ').sort();
    assert.deepStrictEqual(Object.keys(props).sort(), known);
    assert.deepStrictEqual(Object.keys(props.rules.properties as object).sort(), allRuleIds);
  });

  it("accepts the built-in profiles as 'kinds' and a full settings file", () => {
    const dir = builtinProfileDir();
    let n = 0;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.yaml') || ['judgements.yaml', 'abbreviations.yaml', 'synonyms.yaml'].includes(f)) continue;
      const data = parseYaml(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (!data || typeof data !== 'object' || !('kind' in data)) continue;
      n++;
      assert.deepStrictEqual(validate({ $ref: '#/definitions/profile' }, data, schema), [], f);
    }
    assert.ok(n >= 5, `only ${n} profiles`);
    const settings = parseYaml(`rules:\n  grade-wording: warning\n  dates: off\n  ages: false\nabbreviations: [CAMHS]\nterms: [care-experienced young people]\nhistory: [../history]\nmaxFileSize: 1000000\nkinds:\n  scrutiny:\n    sections:\n      - { id: summary, heading: Summary, required: true }\n`);
    assert.deepStrictEqual(validate(schema, settings, schema), []);
    const problems: DataProblem[] = [];
    applyKinds(profiles(), readConfig(JSON.stringify(settings), 'x.yaml', problems), problems);
    assert.deepStrictEqual(problems, [], 'the reader disagrees with the schema');
  });

  it('rejects what the reader rejects', () => {
    const bad = [
      { rules: { 'grade-wording': 'loud' } },
      { bogus: 1 },
      { history: 'one-folder' },
      { maxFileSize: -1 },
      { kinds: { mine: { numbering: 'roman' } } },
    ];
    for (const b of bad) {
      assert.ok(validate(schema, b, schema).length > 0, `schema accepts ${JSON.stringify(b)}`);
      const problems: DataProblem[] = [];
      applyKinds(profiles(), readConfig(JSON.stringify(b), 'x.yaml', problems), problems);
      assert.ok(problems.length > 0, `reader accepts ${JSON.stringify(b)}`);
    }
  });
});
