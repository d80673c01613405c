/**
 * What the published documents print, as patterns: judgement tables, headings,
 * list markers and the page furniture and boilerplate to drop. Grades and
 * judgement names come from the catalogue (./grades.ts, ./names.ts).
 * Sources: ../shared/domain.md and the corpus in ../shared/corpus.
 */

import type { Catalog } from '../profiles/types';
import { importGradesFor } from './grades';
import { importNamesFor } from './names';

/** A line made only of judgement names' words and grades (and a header's words): part of a judgement table in plain text. */
export function isTableLine(line: string, catalog: Catalog): boolean {
  const words = line.toLowerCase().replace(/[,:|\t]/g, ' ').replace(/\.(?=\s|$)/g, ' ').split(/\s+/).filter((w) => w && !/^\d+(\.\d+)?\.?$/.test(w));
  const grades = importGradesFor(catalog).words;
  const names = importNamesFor(catalog).tableWords;
  return words.length > 0 && words.every((w) => names.has(w) || grades.has(w));
}

/** A judgement table header line: "Judgement Grade" (tab or spaces between). */
export const TABLE_HEADER = /^\s*Judgements?\s*[\t|]?\s*Grades?\s*$/i;

/** Splits a run of table text into rows: each name is followed by its grade. */
export function splitTableText(text: string, catalog: Catalog): { name: string; grade: string }[] {
  const rows: { name: string; grade: string }[] = [];
  const re = new RegExp(`([^\\t]*?)\\s*\\b(${importGradesFor(catalog).alternation})\\b`, 'gi');
  const flat = text.replace(/\s+/g, ' ').trim();
  let m: RegExpExecArray | null;
  while ((m = re.exec(flat))) {
    const name = m[1].trim();
    if (!name) continue;
    rows.push({ name: name.replace(/^\d(?:\.\d)?\.?\s+/, ''), grade: m[2] });
  }
  return rows;
}

/** Numbered paragraph markers: "12." or "12)" (and "34 " with no full stop, judged by the caller). */
export const NUMBERED = /^(\d{1,3})([.)])\s+(?=\S)/;
export const NUMBERED_NO_STOP = /^(\d{1,3})\s+(?=[A-Z‘'“"])/;
/** Scrutiny paragraphs: "1.1 Committee will be aware ...". */
export const SUB_NUMBERED = /^(\d{1,2}\.\d{1,2})\.?\s+(?=\S)/;
/** Bullet glyphs seen in the extracted text: ◼ • ▪ ● ■ - – * o and private-use symbols. */
export const BULLET = /^(?:[◼•▪●■▫◦‣⁃∙·*\u2013\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf06e]|-(?=\s)|o(?=\s{1,3}[A-Z]))\s*/;

/** Headings known by their wording (any kind), compared without case and trailing ':' or '?'. */
const KNOWN_HEADINGS = [
  'what needs to improve', 'what needs to improve in this area of social work practice', 'overview', 'findings',
  'areas of strength', 'areas for improvement', 'areas for priority action', 'areas covered by the visit',
  'headline findings', 'findings and progress', 'summary of issues', 'recommendation', 'recommendations',
  'recommendation(s)', 'what does the local authority need to improve', 'summary of findings',
  'information about this inspection', 'information about this local authority area',
];

export function headingKey(text: string): string {
  return text.toLowerCase().replace(/\*+/g, '').replace(/^[-\s]+/, '').replace(/[\s:?.]+$/, '').replace(/\s+/g, ' ').trim();
}

export function isKnownHeading(text: string): boolean {
  return KNOWN_HEADINGS.includes(headingKey(text));
}

/** Closing boilerplate and Ofsted's address block: a block starting like this is dropped. */
const BOILERPLATE = [
  /^The Office for Standards in Education, Children.s Services and Skills \(Ofsted\) regulates/i,
  /^If you would like a copy of this document in a different format/i,
  /^You may reuse this information \(not including logos\)/i,
  /^This (report|publication|letter) is available at\b/i,
  /^Interested in our work\?/i,
  /^©\s*Crown copyright/i,
  /^(Ofsted\s+)?Piccadilly Gate\b/i,
  /^Store Street$/i,
  /^Manchester$/i,
  /^M1 2WD$/i,
  /^(T|E|W):?\s+(0300|enquiries|www)/i,
  /^Textphone:?\s/i,
  /^www\.(gov|qov)\.uk\/ofsted$/i,
  /enquiries@ofsted\.gov\.uk\s*(www\.\S+)?$/i,
  /^Ofsted produces this report under its power to combine reports/i,
  /^Reference no:?\s/i,
];

export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  return BOILERPLATE.some((re) => re.test(t));
}

/** The first block of the closing boilerplate: everything from here on is dropped. */
export const CLOSING_START = /^The Office for Standards in Education, Children.s Services and Skills \(Ofsted\) regulates/i;

/** Page furniture as whole lines: page numbers and "Page 3 of 12". */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return /^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$/i.test(t) || /^-\s*\d{1,3}\s*-$/.test(t);
}

/** English ordinals for monitoring visits: "the fifth monitoring visit". */
export const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
