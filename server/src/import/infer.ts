/**
 * What the importer infers when a document's front page does not say it:
 * the authority from a trust's name in the title, or from the authority the
 * text names most (an extract that starts at the judgement table), and the
 * inspection dates from a sentence that states them. Each inference leaves a
 * warning saying what was inferred and from where.
 */
import { authorityMentions, trustInTitle, type AuthorityList } from './authorities';
import { visitDates } from './detect';
import type { ImportedFrontMatter } from './types';

/** Sentences that state an inspection's dates ("The inspection took place between 11 and 22 July 2022"). */
const DATE_STATEMENTS = [
  /\bInspection dates?:?\s+([^\n]{5,90}?\d{4})/i,
  /\b(?:this|the) inspection (?:took place|was carried out|was undertaken|was conducted|ran)\s+((?:on|from|between|during)\s+[^.]{5,80}?\d{4})/i,
  /\binspectors (?:were on site|visited)\s+((?:on|from|between)\s+[^.]{5,80}?\d{4})/i,
];

export interface InferInput {
  title?: string;
  /** The document's text, boilerplate removed, in reading order. */
  text: string;
  authorities?: AuthorityList;
}

/** Fills `fm.authority` and `fm.inspectionDates` where the document left them out; returns warnings. */
export function inferMissing(fm: ImportedFrontMatter, input: InferInput): string[] {
  const warnings: string[] = [];
  const list = input.authorities;
  if (!fm.authority && list && input.title) {
    const trust = trustInTitle(input.title, list);
    if (trust && trust.authorities.length === 1) fm.authority = trust.authorities[0];
    else if (trust) {
      const named = authorityMentions(input.text, list).filter((m) => trust.authorities.includes(m.name));
      if (named.length > 0 && (named.length === 1 || named[0].count > named[1].count)) {
        fm.authority = named[0].name;
        warnings.push(`authority '${fm.authority}' inferred: the title names ${trust.name}, which serves ${trust.authorities.join(', ')}; the text names ${fm.authority} most (${named[0].count} times): check it`);
      }
    }
  }
  if (!fm.authority && list) {
    const [top, next] = authorityMentions(input.text, list);
    if (top && top.count >= 2 && (!next || top.count > next.count)) {
      fm.authority = top.name;
      warnings.push(`authority '${top.name}' inferred from the text, which names it ${top.count} times${next ? ` (next ${next.name}, ${next.count})` : ''}; no front page names it: check it`);
    }
  }
  if (!fm.inspectionDates && (fm.report === 'ilacs' || fm.report === 'sif')) {
    for (const re of DATE_STATEMENTS) {
      const m = re.exec(input.text);
      const dates = m ? visitDates(m[1].replace(/^(?:on|from|between|during)\s+/i, '')) : undefined;
      if (!m || !dates) continue;
      fm.inspectionDates = [{ start: dates[0].start, end: dates[dates.length - 1].end }];
      const range = fm.inspectionDates[0].start === fm.inspectionDates[0].end ? fm.inspectionDates[0].start : `${fm.inspectionDates[0].start} to ${fm.inspectionDates[0].end}`;
      warnings.push(`inspection dates ${range} inferred from the text ('${m[0].trim().slice(0, 90)}'): check them`);
      break;
    }
  }
  return warnings;
}
