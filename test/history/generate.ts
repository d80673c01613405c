/**
 * A generated history for the benchmark: made-up authorities, each with a run
 * of inspections, focused and monitoring visits and scrutiny reports over the
 * years, whose findings keep coming back to the same concerns in different
 * words. The sentences are written for this file; nothing is taken from a
 * published report. Seeded, so every run measures the same text.
 */

import { seeded } from '../helpers/random';


/** Concerns, each said three ways. */
const CONCERNS: string[][] = [
  ['Return home interviews are not offered promptly to children who go missing.', 'Children who go missing from home wait too long for a return home conversation.', 'Few children are offered a return interview after each missing episode.'],
  ['Supervision of social workers is irregular and does not challenge drift.', 'Managers do not supervise staff often enough, so plans drift.', 'Management oversight is weak and supervision records show little reflection.'],
  ['There are too few local foster homes for children in care.', 'Placement sufficiency remains a challenge, and children looked after live far from home.', 'The sufficiency of homes close to the area is not enough for children in care.'],
  ['Homeless 16- and 17-year-olds are not always assessed jointly with housing.', 'Young people aged 16 and 17 who are homeless wait for an assessment.', 'Help for 16- and 17-year-olds who present as homeless is inconsistent.'],
  ['Contacts to the multi-agency safeguarding hub are screened slowly.', 'Decisions in the MASH are delayed when children are first referred.', 'The front door does not respond quickly enough to new referrals.'],
  ['Care leavers do not always have an up-to-date pathway plan.', 'Pathway plans for care-experienced young people are out of date.', 'Young people leaving care say their pathway planning is poor.'],
  ['Personal advisers have high caseloads and are hard to reach.', 'Caseloads for personal advisers are too high.', 'Care leavers struggle to contact their personal adviser.'],
  ['Plans for children in need are vague and lack timescales.', 'Child in need plans do not say what must change.', 'Plans for children in need do not set out who will act and by when.'],
  ['Child protection plans are not reviewed on time.', 'Reviews of child protection plans are often late.', 'Core groups do not progress child protection plans.'],
  ['Disabled children wait too long for assessments.', 'Children with disabilities are not assessed in good time.', 'Assessments for disabled children are delayed.'],
  ['Children at risk of exploitation are identified late.', 'The response to child exploitation is slow.', 'Criminal exploitation of children is not recognised early.'],
  ['Allegations against adults are not passed to the LADO promptly.', 'The local authority designated officer receives referrals late.', 'Allegations management is slow.'],
  ['Independent reviewing officers do not challenge drift in care plans.', 'IROs rarely escalate concerns about plans for children in care.', 'Reviewing officers do not hold plans to account.'],
  ['Early help assessments are of variable quality.', 'Families wait too long for early help.', 'Early support is not offered quickly enough to families.'],
  ['Domestic abuse is not always recognised in assessments.', 'Assessments do not consider the impact of domestic violence.', 'The risk from domestic abuse is underestimated.'],
  ['Social work capacity is stretched by high turnover.', 'Too many agency staff means children change social worker often.', 'Recruitment and retention of social workers remain difficult.'],
];

const FILLER = [
  'Social workers visit children regularly and build trusting relationships with them, and children told inspectors that they are listened to.',
  'Managers have introduced new guidance, but it has not yet been understood or applied by all staff across the teams.',
  'Where practice is stronger, assessments draw on the views of family members, schools and health professionals.',
  'Inspectors saw some improvement in recent months.',
  'Leaders know where practice is weaker and have plans to address it.',
  'Partners told inspectors they value the relationship with the service.',
  'Records are detailed but do not always show the child\u2019s voice.',
  'Performance information is used well by senior managers.',
  'Workers know the children they support well.',
  'The impact on children is not yet consistent.',
  'Audits are accurate and lead to learning.',
  'Some families experience delay before help is offered.',
  'Quality assurance is thorough and findings are shared with staff.',
];

const SYLLABLES = ['ash', 'brook', 'cal', 'dun', 'el', 'fen', 'gar', 'holt', 'ing', 'ley', 'mar', 'nor', 'oak', 'pen', 'ridge', 'stow', 'ton', 'wick', 'wold', 'by'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function placeName(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rnd, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paragraph(rnd: () => number): string {
  const concern = pick(rnd, CONCERNS);
  const parts = [pick(rnd, concern)];
  // Published paragraphs run to about 90 words: one concern, then context.
  const extra = 3 + Math.floor(rnd() * 4);
  for (let i = 0; i < extra; i++) parts.push(pick(rnd, FILLER));
  if (rnd() < 0.5) parts.push(`In ${placeName(rnd)}, this was seen in ${2 + Math.floor(rnd() * 9)} cases.`);
  return parts.join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface GeneratedReport {
  /** A path for the report: '<authority>/<yyyy-mm>-<kind>.md'. */
  path: string;
  text: string;
}

const JUDGEMENTS = [
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care and care leavers',
  'Overall effectiveness',
];
const GRADES = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'];

function ilacsText(rnd: () => number, authority: string, year: number, month: number): string {
  const grades = JUDGEMENTS.map(() => pick(rnd, GRADES));
  const out = [
    '---', 'report: ilacs', `authority: ${authority}`, `inspection-dates: ${year}-${pad(month)}-05 to ${year}-${pad(month)}-16`,
    `published: ${year}-${pad(Math.min(12, month + 2))}-01`, 'lead-inspector: Sam Example', '---', '',
    `# Inspection of ${authority} local authority children's services`, '',
    '| Judgement | Grade |', '| --- | --- |', ...JUDGEMENTS.map((j, i) => `| ${j} | ${grades[i]} |`), '',
    paragraph(rnd), '', '## What needs to improve?', '',
  ];
  for (let i = 0; i < 4; i++) out.push(`- ${pick(rnd, pick(rnd, CONCERNS)).replace(/\.$/, '')}.`);
  out.push('');
  let n = 0;
  const sections: [number, number][] = [[1, 18], [2, 16], [0, 10]];
  for (const [j, count] of sections) {
    out.push(`## ${JUDGEMENTS[j]}: ${grades[j].toLowerCase()}`, '');
    for (let i = 0; i < count; i++) out.push(`${++n}. ${paragraph(rnd)}`, '');
  }
  return out.join('\n');
}

function visitText(rnd: () => number, authority: string, kind: 'focused-visit' | 'monitoring-visit', year: number, month: number, visitNumber?: number): string {
  const out = [
    '---', `report: ${kind}`, `authority: ${authority}`, `inspection-dates: ${year}-${pad(month)}-10`, `published: ${year}-${pad(Math.min(12, month + 1))}-15`,
    ...(visitNumber ? [`visit-number: ${visitNumber}`] : []), '---', '',
    `# ${kind === 'focused-visit' ? 'Focused' : 'Monitoring'} visit to ${authority} children's services`, '', 'Dear Director,', '',
    'This letter summarises the findings of the visit.', '',
  ];
  if (kind === 'focused-visit') {
    out.push('## Overview', '', paragraph(rnd), '', '## What needs to improve in this area of social work practice', '');
    for (let i = 0; i < 3; i++) out.push(`- ${pick(rnd, pick(rnd, CONCERNS))}`);
    out.push('', '## Findings', '');
  } else {
    out.push('## Areas covered by the visit', '', paragraph(rnd), '', '## Findings and progress', '');
  }
  for (let i = 0; i < 12; i++) out.push(`- ${paragraph(rnd)}`);
  out.push('', 'Ofsted will take the findings from this visit into account when planning your next inspection or visit.', '', 'Yours sincerely,', '');
  return out.join('\n');
}

function scrutinyText(rnd: () => number, authority: string, year: number, month: number): string {
  const out = [
    '---', 'report: scrutiny', `authority: ${authority}`, 'meeting: Children and Young People Scrutiny Committee', `meeting-date: ${year}-${pad(month)}-20`, '---', '',
    '# Improvement update', '', '## Summary of issues', '', paragraph(rnd), '', '## Recommendations', '',
    '1. The committee notes the findings.', '2. The committee asks for a further update.', '',
  ];
  for (let s = 1; s <= 3; s++) {
    out.push(`## ${s}. ${pick(rnd, ['Background', 'Progress', 'Next steps'])}`, '');
    for (let p = 1; p <= 5; p++) out.push(`${s}.${p} ${paragraph(rnd)}`, '');
  }
  return out.join('\n');
}

/** `count` reports over `authorities` authorities, about 33 each, from 2013 to 2025. */
export function generateHistory(count: number, seed = 1): GeneratedReport[] {
  const rnd = seeded(seed);
  const authorities = Math.max(1, Math.round(count / 33));
  const out: GeneratedReport[] = [];
  for (let i = 0; i < count; i++) {
    const a = i % authorities;
    const k = Math.floor(i / authorities); // the k-th report of this authority
    const name = `${placeName(seeded(a + 1000))}${a} ${a % 3 === 0 ? 'City Council' : a % 3 === 1 ? 'County Council' : 'Borough Council'}`;
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    const year = 2013 + Math.floor((k * 12) / 34);
    const month = 1 + ((k * 5 + a) % 10);
    const r = rnd();
    let text: string;
    let kind: string;
    if (r < 0.25) [kind, text] = ['ilacs', ilacsText(rnd, name, year, month)];
    else if (r < 0.5) [kind, text] = ['focused-visit', visitText(rnd, name, 'focused-visit', year, month)];
    else if (r < 0.85) [kind, text] = ['monitoring-visit', visitText(rnd, name, 'monitoring-visit', year, month, 1 + (k % 6))];
    else [kind, text] = ['scrutiny', scrutinyText(rnd, name, year, month)];
    out.push({ path: `${slug}/${year}-${pad(month)}-${kind}-${k}.md`, text });
  }
  return out;
}

/** A draft for the first authority, dated after everything generated. */
export function generateDraft(seed = 7): { path: string; text: string } {
  const rnd = seeded(seed);
  const name = `${placeName(seeded(1000))}0 City Council`;
  return { path: 'draft/2026-ilacs.md', text: ilacsText(rnd, name, 2026, 2).replace(/^published: .*\n/m, '') };
}
