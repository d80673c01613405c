/**
 * Small dialect reports written inline for the history tests, so that each test
 * shows the text it depends on. Wording is made up for these tests.
 */
import { checkDocument } from '../../server/src/check';
import type { Config } from '../../server/src/config/config';
import type { Diagnostic } from '../../server/src/core/types';
import { HistoryIndex } from '../../server/src/history/store';
import type { HistoryReport } from '../../server/src/history/types';
import { parseReport } from '../../server/src/model/parse';
import { builtinProfiles } from '../../server/src/io/builtinData';
import { allRules } from '../../server/src/rules/index';
import { data } from '../helpers/data';

export const JUDGEMENT_NAMES: Record<string, string> = {
  leaders: 'The impact of leaders on social work practice with children and families',
  'help-protection': 'The experiences and progress of children who need help and protection',
  'in-care-and-leavers': 'The experiences and progress of children in care and care leavers',
  'in-care': 'The experiences and progress of children in care',
  'care-leavers': 'The experiences and progress of care leavers',
  overall: 'Overall effectiveness',
  'sif-looked-after': 'Children looked after and achieving permanence',
  'sif-help-protection': 'Children who need help and protection',
  'sif-leadership': 'Leadership, management and governance',
};

export interface IlacsParts {
  /** 'ilacs' (default) or 'sif'. */
  kind?: string;
  authority: string;
  /** 'YYYY-MM-DD to YYYY-MM-DD' */
  dates: string;
  published?: string;
  grades?: Record<string, string>;
  summary?: string;
  wni?: string[];
  sections?: { judgement: string; grade: string; paras: string[] }[];
}

export function ilacs(p: IlacsParts): string {
  const fm = [
    '---', `report: ${p.kind ?? 'ilacs'}`, `authority: ${p.authority}`, `inspection-dates: ${p.dates}`,
    ...(p.published ? [`published: ${p.published}`] : []), 'lead-inspector: Test Example', '---', '',
  ];
  const out = [...fm, `# Inspection of ${p.authority} children's services`, ''];
  if (p.grades) {
    out.push('| Judgement | Grade |', '| --- | --- |');
    for (const [k, g] of Object.entries(p.grades)) out.push(`| ${JUDGEMENT_NAMES[k] ?? k} | ${g} |`);
    out.push('');
  }
  if (p.summary) out.push(p.summary, '');
  if (p.wni) {
    out.push('## What needs to improve?', '');
    for (const w of p.wni) out.push(`- ${w}`);
    out.push('');
  }
  let n = 0;
  for (const s of p.sections ?? []) {
    out.push(`## ${JUDGEMENT_NAMES[s.judgement] ?? s.judgement}: ${s.grade.toLowerCase()}`, '');
    for (const para of s.paras) out.push(`${++n}. ${para}`, '');
  }
  return out.join('\n');
}

export interface VisitParts {
  kind: 'focused-visit' | 'monitoring-visit';
  authority: string;
  dates: string;
  published?: string;
  visitNumber?: number;
  opening?: string;
  priority?: string[];
  wni?: string[];
  findings?: string[];
}

export function visit(p: VisitParts): string {
  const out = [
    '---', `report: ${p.kind}`, `authority: ${p.authority}`, `inspection-dates: ${p.dates}`,
    ...(p.published ? [`published: ${p.published}`] : []), ...(p.visitNumber ? [`visit-number: ${p.visitNumber}`] : []), '---', '',
    `# ${p.kind === 'focused-visit' ? 'Focused' : 'Monitoring'} visit to ${p.authority} children's services`, '',
    'Dear Director,', '', p.opening ?? 'This letter summarises what inspectors found.', '',
  ];
  const list = (heading: string, items?: string[]) => {
    if (!items) return;
    out.push(`## ${heading}`, '');
    for (const i of items) out.push(`- ${i}`);
    out.push('');
  };
  if (p.kind === 'focused-visit') {
    out.push('## Overview', '', 'An overview.', '');
    list('Areas for priority action', p.priority);
    list('What needs to improve in this area of social work practice', p.wni ?? ['Something to improve.']);
    list('Findings', p.findings ?? ['A finding.']);
  } else {
    out.push('## Areas covered by the visit', '', 'The front door.', '');
    list('Headline findings', ['A headline.']);
    list('Findings and progress', p.findings ?? ['A finding.']);
  }
  out.push('Ofsted will take the findings from this visit into account when planning your next inspection or visit.', '',
    'Yours sincerely,', '', 'Test Example', "His Majesty's Inspector", '');
  return out.join('\n');
}

export function scrutiny(p: { authority: string; meetingDate: string; recs?: string[]; sections: { title: string; paras: string[] }[] }): string {
  const out = ['---', 'report: scrutiny', `authority: ${p.authority}`, 'meeting: Test Scrutiny Committee', `meeting-date: ${p.meetingDate}`, '---', '',
    '# Improvement update', '', '## Summary of issues', '', 'A summary.', '', '## Recommendations', ''];
  (p.recs ?? ['The committee notes the update.']).forEach((r, i) => out.push(`${i + 1}. ${r}`));
  out.push('');
  p.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.title}`, '');
    s.paras.forEach((para, j) => out.push(`${i + 1}.${j + 1} ${para}`, ''));
  });
  return out.join('\n');
}

/** An index over the given files (uri -> text). */
export function indexOf(files: Record<string, string>): HistoryIndex {
  const index = new HistoryIndex({ data });
  for (const [uri, text] of Object.entries(files)) index.upsert({ uri, text });
  return index;
}

export function must<T>(v: T | undefined, what = 'value'): T {
  if (v === undefined) throw new Error(`expected a ${what}`);
  return v;
}

export function reportIn(index: HistoryIndex, uri: string): HistoryReport {
  return must(index.get(uri), `report at ${uri}`);
}

/**
 * The history rules' diagnostics for a report, through the one pipeline
 * (checkDocument with a history), as the editor and the CLI get them.
 */
export function historyCheck(index: HistoryIndex, report: HistoryReport, text: string, options: { config?: Config; fileExists?: (key: string) => boolean; record?: boolean } = {}): Diagnostic[] {
  const profiles = builtinProfiles();
  const model = parseReport(text, report.uri, profiles);
  return checkDocument(model, {
    data,
    profiles,
    config: options.config,
    rules: allRules.filter((r) => r.needsHistory),
    history: { index, report, fileExists: options.fileExists, record: options.record },
  });
}
