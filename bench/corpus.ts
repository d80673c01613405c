/**
 * Benchmark reports, generated in code: an ILACS report (judgement set from
 * 16 January 2023) of any length, with continuous paragraph numbering, one
 * abbreviation spelled out at its first use, and prose varied by a seeded
 * generator so that no two paragraphs in a row are the same. The words are
 * written for this file; nothing is taken from a published report.
 */

import { seeded } from '../test/helpers/random';


const HELP = [
  'Families who need early help are identified promptly by schools and health visitors, and most are offered support within a few weeks.',
  'Partners understand when to raise a concern, and the information they share is detailed enough for managers to make a sound decision.',
  'Strategy discussions are held quickly when children are at risk of significant harm, and the police, health and education all contribute.',
  'Social workers see children on their own and record what children tell them in the children\'s own words.',
  'Assessments take account of family history and set out clearly what life is like for the child, although a minority are completed late.',
  'Plans for children in need do not always say what must change, by when, or how anyone will know that the child is safer.',
  'Core groups meet regularly, and parents told inspectors that they understood what was expected of them.',
  'Children living with neglect are recognised earlier than before, and chronologies help workers to see the effect of neglect over time.',
  'Return home interviews are offered to almost every child who goes missing, but what children say is not always used to update their plans.',
  'Homeless 16- and 17-year-olds are seen on the day they present and are told about their right to become looked after.',
  'Joint assessments with housing services are not yet completed consistently, and a few young people have spent nights in unsuitable accommodation.',
  'Disabled children receive a sensitive service from workers who communicate skilfully with children who do not use speech.',
  'Children at risk of exploitation are supported by a specialist team that works closely with the police and youth services.',
  'Allegations against adults who work with children are managed well, and outcomes are recorded clearly.',
];

const CARE = [
  'Decisions for children to come into care are timely, and family members are assessed as carers at an early stage.',
  'Most children live in stable homes with carers who know them well, and many have lived with the same carers for several years.',
  'There are still not enough local homes for teenagers with complex needs, and a few live a long way from their families and schools.',
  'Social workers visit children regularly and use creative methods to help them to talk about their wishes and worries.',
  'Children are helped to stay in touch with their brothers and sisters and with other people who matter to them.',
  'Health assessments are completed on time, and children can reach help with their emotional well-being without a long wait.',
  'The virtual school knows how well each child is doing, and attendance has risen each year for three years.',
  'Independent reviewing officers challenge drift, and their challenge is followed up promptly by managers.',
  'Permanence is considered at the second review, and children who are adopted move to their new families without delay.',
  'Children who go missing from care are offered a return home interview, and their safety plans are updated afterwards.',
  'Foster carers feel well supported and value the training and the out-of-hours advice line.',
  'Unaccompanied children seeking asylum are helped to find legal advice, a school place and support with their emotional health.',
];

const LEAVERS = [
  'Care leavers speak warmly about their personal advisers, who keep in touch regularly and respond quickly when help is needed.',
  'Pathway plans are reviewed when circumstances change, although some are not written with the young person.',
  'Most care leavers aged 18 to 21 live in suitable accommodation, but the choice of supported homes for those who need more help is narrow.',
  'The proportion of care leavers in education, employment or training has risen, helped by the council\'s apprenticeship scheme.',
  'Support for care leavers aged 21 and over is inconsistent, and some young people do not know that they can ask for it.',
  'Young people receive a summary of their health history before they leave care, and those who are parents are supported sensitively.',
  'The local offer was rewritten with young people and is clear, although not every young person knows all that it includes.',
  'Personal advisers visit young people in custody and plan carefully with them for their release.',
];

const LEADERS = [
  'Leaders have an accurate understanding of the strengths and weaknesses of services, and the self-evaluation is candid.',
  'Elected members and the chief executive have sustained their investment, and caseloads are now manageable for most social workers.',
  'Performance information is accurate and is used well by managers to track the progress of children\'s plans.',
  'Audits are completed with social workers, and learning from them is shared, although it does not always change practice.',
  'Supervision is regular for most social workers, but in some teams it remains a list of tasks rather than a reflective discussion.',
  'The workforce is more stable than at the last inspection, and the programme for newly qualified social workers is well regarded.',
  'Leaders have worked with partners to strengthen the front door, and multi-agency training is well attended.',
  'The sufficiency strategy is well understood, but progress in opening homes for teenagers with complex needs has been slow.',
  'Corporate parenting is taken seriously across the council, and several departments offer work experience to care leavers.',
];

const SUMMARY = [
  'Services for children have improved steadily since the last inspection, and leaders know where practice is still not good enough.',
  'Children who need protection receive a timely response, although plans for some children in need remain too vague to drive change.',
  'Children in care live in stable homes and are supported by social workers who know them well.',
  'Care leavers value their advisers, but the help available after the age of 21 is not consistent.',
];

const IMPROVE = [
  'The use of what children say in return home interviews to reduce the risk of further missing episodes (outcome 3, national framework).',
  'The quality of plans for children in need (outcome 1, national framework).',
  'The sufficiency of local homes for teenagers in care with complex needs (outcome 4, national framework).',
  'The consistency of reflective supervision for social workers (enabler: workforce, national framework).',
  'Joint assessment with housing services of 16- and 17-year-olds who present as homeless (outcome 3, national framework).',
  'Support for care leavers aged 21 and over (outcome 4, national framework).',
];

const SECTIONS: { heading: string; pool: string[]; share: number }[] = [
  { heading: 'The experiences and progress of children who need help and protection: requires improvement to be good', pool: HELP, share: 0.35 },
  { heading: 'The experiences and progress of children in care: good', pool: CARE, share: 0.3 },
  { heading: 'The experiences and progress of care leavers: requires improvement to be good', pool: LEAVERS, share: 0.15 },
  { heading: 'The impact of leaders on social work practice with children and families: requires improvement to be good', pool: LEADERS, share: 0.2 },
];

const HEADER = `---
report: ilacs
authority: Exampleshire County Council
inspection-dates: 2024-03-04 to 2024-03-15
published: 2024-05-10
lead-inspector: Jane Example
---

# Inspection of Exampleshire local authority children's services

Inspection dates: 4 to 15 March 2024

Lead inspector: Jane Example, His Majesty's Inspector

| Judgement | Grade |
| --- | --- |
| The impact of leaders on social work practice with children and families | Requires improvement to be good |
| The experiences and progress of children who need help and protection | Requires improvement to be good |
| The experiences and progress of children in care | Good |
| The experiences and progress of care leavers | Requires improvement to be good |
| Overall effectiveness | Requires improvement to be good |
`;

/** Wraps a paragraph as an ordered-list item, continuation lines indented under the text. */
function listItem(n: number, text: string, width = 84): string {
  const prefix = `${n}. `;
  const indent = ' '.repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim().length > prefix.length) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += (line === prefix || line === indent ? '' : ' ') + word;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function paragraph(pool: string[], rand: () => number, first?: string): string {
  const count = 3 + Math.floor(rand() * 2);
  const start = Math.floor(rand() * pool.length);
  const step = 1 + Math.floor(rand() * (pool.length - 1));
  const out: string[] = first ? [first] : [];
  for (let k = 0; out.length < count; k++) out.push(pool[(start + k * step) % pool.length]);
  return out.join(' ');
}

/** An ILACS report with `paragraphs` numbered paragraphs (60 is a typical full report). */
export function benchReport(paragraphs: number, seed = 2024): string {
  const rand = seeded(seed);
  const parts: string[] = [HEADER];
  const summaries = Math.min(SUMMARY.length, Math.floor(paragraphs / 10));
  for (let s = 0; s < summaries; s++) parts.push(SUMMARY[s]);
  const items = Math.min(IMPROVE.length, Math.floor(paragraphs / 8));
  if (items > 0) parts.push('## What needs to improve?\n\n' + IMPROVE.slice(0, items).map((i) => `- ${i}`).join('\n'));
  let n = 0;
  SECTIONS.forEach((section, index) => {
    const isLast = index === SECTIONS.length - 1;
    const want = isLast ? paragraphs - n : Math.round(paragraphs * section.share);
    parts.push(`## ${section.heading}`);
    for (let k = 0; k < want; k++) {
      n++;
      const first = n === 1 ? 'Contacts about children are received by the multi-agency safeguarding hub (MASH), where staff from the police, health and education work side by side.' : undefined;
      const extra = n > 1 && index === 0 && rand() < 0.15 ? 'Decisions in the MASH are recorded clearly.' : undefined;
      parts.push(listItem(n, paragraph(section.pool, rand, first ?? extra)));
    }
  });
  return parts.join('\n\n') + '\n';
}

export interface SizedReport {
  text: string;
  paragraphs: number;
  bytes: number;
}

/** The smallest generated report of at least `targetBytes` (UTF-8), found by bisection on the paragraph count. */
export function reportOfSize(targetBytes: number, seed = 2024): SizedReport {
  const make = (p: number): SizedReport => {
    const text = benchReport(p, seed);
    return { text, paragraphs: p, bytes: Buffer.byteLength(text, 'utf8') };
  };
  let lo = 0;
  let hi = 1;
  while (make(hi).bytes < targetBytes) hi *= 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (make(mid).bytes < targetBytes) lo = mid + 1;
    else hi = mid;
  }
  return make(lo);
}
