import * as fs from 'fs';
import * as path from 'path';
import { checkText, type CheckResult } from '../../server/src/check';
import { readConfig } from '../../server/src/config/config';
import type { Diagnostic } from '../../server/src/core/types';
import { builtinProfiles } from '../../server/src/io/builtinData';
import type { DataProblem } from '../../server/src/profiles/load';
import { allRules } from '../../server/src/rules/index';
import { data } from './data';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

/**
 * An expected diagnostic, written in the fixture itself, in a comment block at
 * the end (markdownlint-style inline expectations):
 *
 *   <!-- expect
 *   rules: grade-wording            (optional: default the folder's name; 'all' for every rule)
 *   config: { abbreviations: [CAMHS] }   (optional: settings as one line of YAML)
 *   15:78 error grade-wording       (line[:column] [severity] rule-id, 1-based)
 *   16 grade-wording
 *   -->
 */
export interface Expected {
  line: number;
  column?: number;
  severity?: string;
  ruleId: string;
  raw: string;
}

export interface Fixture {
  file: string;
  name: string;
  text: string;
  rules: string[] | 'all';
  config?: string;
  expected: Expected[];
}

const BLOCK = /<!--\s*expect\b([\s\S]*?)-->\s*$/;

export function readFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const folder = path.basename(path.dirname(file));
  const m = BLOCK.exec(text);
  const fixture: Fixture = { file, name: path.relative(FIXTURES, file), text, rules: folder === 'valid' ? 'all' : [folder], expected: [] };
  if (!m) throw new Error(`${file}: no <!-- expect ... --> block at the end`);
  for (const rawLine of m[1].split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const rules = /^rules:\s*(.+)$/.exec(line);
    if (rules) {
      fixture.rules = rules[1].trim() === 'all' ? 'all' : rules[1].split(/[\s,]+/).filter(Boolean);
      continue;
    }
    const config = /^config:\s*(.+)$/.exec(line);
    if (config) {
      fixture.config = config[1];
      continue;
    }
    const e = /^(\d+)(?::(\d+))?\s+(?:(error|warning|info)\s+)?([a-z][a-z0-9-]*)$/.exec(line);
    if (!e) throw new Error(`${file}: cannot read expectation '${line}'`);
    fixture.expected.push({ line: +e[1], column: e[2] ? +e[2] : undefined, severity: e[3], ruleId: e[4], raw: line });
  }
  return fixture;
}

export function listFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(FIXTURES);
  return out;
}

export function optionsFor(fixture: Fixture) {
  const problems: DataProblem[] = [];
  const config = fixture.config ? readConfig(fixture.config, fixture.file, problems) : undefined;
  if (problems.length) throw new Error(`${fixture.file}: bad config: ${problems.map((p) => p.message).join('; ')}`);
  return { data, profiles: builtinProfiles(), config };
}

export function checkFixture(fixture: Fixture, text = fixture.text): CheckResult {
  return checkText(text, fixture.file, optionsFor(fixture));
}

export function relevant(fixture: Fixture, diagnostics: Diagnostic[]): Diagnostic[] {
  if (fixture.rules === 'all') return diagnostics;
  const rules = fixture.rules;
  return diagnostics.filter((d) => rules.includes(d.ruleId));
}

/** Differences between expected and actual, as readable lines; empty when they agree. */
export function compare(fixture: Fixture, diagnostics: Diagnostic[]): string[] {
  const actual = relevant(fixture, diagnostics).map((d) => ({ d, used: false }));
  const problems: string[] = [];
  for (const e of fixture.expected) {
    const hit = actual.find((a) => !a.used
      && a.d.ruleId === e.ruleId
      && a.d.range.start.line + 1 === e.line
      && (e.column === undefined || a.d.range.start.character + 1 === e.column)
      && (e.severity === undefined || a.d.severity === e.severity));
    if (hit) hit.used = true;
    else problems.push(`expected but not reported: ${e.raw}`);
  }
  for (const a of actual) {
    if (!a.used) problems.push(`reported but not expected: ${show(a.d)}`);
  }
  return problems;
}

export function show(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`;
}

export const ruleIds = allRules.map((r) => r.id);
