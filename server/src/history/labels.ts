/**
 * How an earlier report and its findings are named to the reader, and in the
 * text of a dialect link: "2018 inspection, paragraph 13",
 * "focused visit, February 2020, finding 4".
 */
import { formatMonth, formatOfsted } from '../core/dates';
import type { HistoryReport } from './types';

const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
];

export function ordinalWord(n: number): string {
  return ORDINALS[n - 1] ?? `${n}th`;
}

/** The month a report is known by: its visit or inspection, else its date. */
function whenOf(r: Pick<HistoryReport, 'inspection' | 'date' | 'meetingDate'>): string | undefined {
  return r.meetingDate ?? r.inspection?.start ?? r.date;
}

export function reportLabel(r: Pick<HistoryReport, 'kind' | 'kindLabel' | 'graded' | 'inspection' | 'date' | 'meetingDate' | 'visitNumber'>): string {
  const when = whenOf(r);
  const month = when ? formatMonth(when) : undefined;
  if (r.graded) return when ? `${when.slice(0, 4)} inspection` : 'inspection';
  switch (r.kind) {
    case 'focused-visit':
      return month ? `focused visit, ${month}` : 'focused visit';
    case 'monitoring-visit': {
      const name = r.visitNumber ? `${ordinalWord(r.visitNumber)} monitoring visit` : 'monitoring visit';
      return month ? `${name}, ${month}` : name;
    }
    case 'scrutiny':
      return month ? `scrutiny report, ${month}` : 'scrutiny report';
    default:
      return month ? `${r.kindLabel}, ${month}` : r.kindLabel;
  }
}

const FINDING_WORDS: Record<string, string> = {
  para: 'paragraph',
  wni: 'improvement item',
  finding: 'finding',
  rec: 'recommendation',
  priority: 'priority action',
};

/** 'para-13' -> 'paragraph 13'; 'wni-2' -> 'improvement item 2'. */
export function findingLabel(id: string): string {
  const m = /^([a-z]+)-(.+)$/.exec(id);
  if (!m) return id;
  const word = FINDING_WORDS[m[1]];
  return word ? `${word} ${m[2]}` : id;
}

export function linkText(r: Parameters<typeof reportLabel>[0], findingId: string): string {
  return `${reportLabel(r)}, ${findingLabel(findingId)}`;
}

/** '22 January 2019' or '' when unknown. */
export function displayDate(iso: string | undefined): string {
  return iso ? formatOfsted(iso) : '';
}

/** A finding's text on one line, cut near `max` characters: domain/markdown.ts. */
export { excerpt } from '../domain/markdown';
