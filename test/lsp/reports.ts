// Reports for the protocol tests and the benchmark, written for this project
// (made-up authority, made-up findings).

export interface IlacsOptions {
  /** The grade written in the table for leaders. */
  leadersGrade?: string;
  /** The grade in the help-and-protection heading. */
  helpHeadingGrade?: string;
  /** Numbered paragraphs per judgement section. */
  paragraphsPerSection?: number;
  /** Words in each numbered paragraph (roughly). */
  wordsPerParagraph?: number;
  /** Leave the judgement table out. */
  noTable?: boolean;
  /** Extra text after the summary paragraph. */
  summaryExtra?: string;
}

const SENTENCES = [
  'Social workers visit children regularly and know them well.',
  'Managers review plans at set intervals, although the reviews do not always change what happens next.',
  'Children are helped to understand why decisions about their lives were made.',
  'Partner agencies share information quickly when a child may be at risk of harm.',
  'Some assessments take too long to complete, which delays the help that families need.',
  'Leaders have invested in training, and staff say that they feel supported.',
  'Young people leaving care are offered suitable homes and help with money.',
  'Records do not always show the child’s wishes and feelings clearly.',
];

function paragraph(n: number, words: number): string {
  let text = '';
  let i = n;
  while (text.split(' ').length < words) text += (text ? ' ' : '') + SENTENCES[i++ % SENTENCES.length];
  return text;
}

/**
 * An ILACS report from July 2022 (the 2018 judgement set). With the default
 * options it has three grade-wording problems, each with a fix: the table's
 * 'Requires improvement' (line 17, 1-based), 'judged Good' in running text
 * (line 22) and the heading's 'Inadequate' (line 29).
 */
export function ilacsReport(o: IlacsOptions = {}): string {
  const per = o.paragraphsPerSection ?? 2;
  const words = o.wordsPerParagraph ?? 30;
  let n = 0;
  const paras = () => {
    const out: string[] = [];
    for (let i = 0; i < per; i++) {
      n++;
      out.push(`${n}. ${paragraph(n, words)}`);
    }
    return out.join('\n\n');
  };
  const table = o.noTable ? '' : `| Judgement | Grade |
| --- | --- |
| The impact of leaders on social work practice with children and families | ${o.leadersGrade ?? 'Requires improvement'} |
| The experiences and progress of children who need help and protection | Inadequate |
| The experiences and progress of children in care and care leavers | Requires improvement to be good |
| Overall effectiveness | Inadequate |
`;
  return `---
report: ilacs
authority: Exampleton City Council
inspection-dates: 2022-07-11 to 2022-07-22
published: 2022-09-06
lead-inspector: Jane Example
---

# Inspection of Exampleton City local authority children's services

Inspection dates: 11 to 22 July 2022

Lead inspector: Jane Example, Her Majesty's Inspector
${table ? `\n${table}` : ''}
Services for children were judged Good at the last inspection, but they have declined since.${o.summaryExtra ? ` ${o.summaryExtra}` : ''}

## What needs to improve?

- The timeliness of assessments for children in need.
- The quality of supervision for social workers.

## The experiences and progress of children who need help and protection: ${o.helpHeadingGrade ?? 'Inadequate'}

${paras()}

## The experiences and progress of children in care and care leavers: requires improvement to be good

${paras()}

## The impact of leaders on social work practice with children and families: requires improvement to be good

${paras()}
`;
}

/** A Markdown file that is not a report (no `report:` key). */
export const NOT_A_REPORT = `---
title: Meeting notes
---

# Notes

The grade was Requires improvement, someone said.
`;

/** A focused visit letter (ungraded). */
export function focusedVisit(): string {
  return `---
report: focused-visit
authority: Exampleshire County Council
inspection-dates: 2019-01-09
published: 2019-02-12
---

# Focused visit to Exampleshire County Council children's services

Dear Colin Example,

This letter summarises the findings of a focused visit to Exampleshire County Council children's services on 9 January 2019.

## Overview

Children in need of help are seen quickly.

## What needs to improve in this area of social work practice

- The recording of management decisions.

## Findings

- Thresholds are understood by partner agencies.

Yours sincerely,

Julie Example
Her Majesty's Inspector
`;
}

/** Lines (0-based) of interest in ilacsReport() with the default options. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in the text: ${needle}`);
  return text.slice(0, i).split('\n').length - 1;
}
