/**
 * Works out what a document is and reads its front matter from the text:
 * kind, authority, inspection dates, published date, inspectors.
 */
import { MONTHS, iso, isValidIso, monthNumber, parseBodyDates, type DateRange } from '../core/dates';
import { phraseAlternation } from '../domain/grades';
import type { Catalog } from '../profiles/types';
import { importNamesFor } from './names';
import { ORDINALS } from './patterns';
import type { ImportKind, ImportedFrontMatter } from './types';

export interface TextPara {
  text: string;
  index: number;
}

/** The kind of document, or undefined when nothing in it is recognisable. */
export function detectKind(paras: TextPara[], hasTable: boolean, tableNames: string[], catalog: Catalog): ImportKind | undefined {
  const head = paras.slice(0, 60).map((p) => p.text).join('\n');
  if (/(summarises|summarise) the findings of (a|the) focused visit|^Focused visit to\b/im.test(head)) return 'focused-visit';
  if (/(summarises|summarise) the findings of (a|the) monitoring visit|^Monitoring visit (to|of)\b/im.test(head)) return 'monitoring-visit';
  // A table naming a judgement only the SIF has (judgements.yaml: 'Adoption performance', ...).
  const sifName = importNamesFor(catalog).onlyIn.get('sif');
  const sifNames = sifName !== undefined && tableNames.some((n) => sifName.test(n));
  if (sifNames || /Inspection of services for children in need of help and\s+protection, children looked after/i.test(head)) return 'sif';
  // The inspections before the SIF (to 2013) sit with it as the earlier framework.
  if (/^Inspection of (safeguarding and )?looked after children\s+services|^Inspection of safeguarding (and looked after children )?services/im.test(head)) return 'sif';
  if (hasTable) return 'ilacs';
  if (/^(Meeting Title|Report Title|Summary of issues)\b/im.test(head)) return 'scrutiny';
  if (/^Inspection of .{0,80}children.s (social care )?services/im.test(head)) return 'ilacs';
  if (ilacsHeading(catalog).test(head)) return 'ilacs';
  return undefined;
}

const ilacsHeadings = new WeakMap<Catalog, RegExp>();

/**
 * An ILACS judgement heading in the text: a name of an ILACS judgement (its
 * opening, judgements.yaml), then on the same line a grade only ILACS prints
 * ('requires improvement to be good') or, after a colon, any ILACS grade.
 * Once per catalogue.
 */
export function ilacsHeading(catalog: Catalog): RegExp {
  let re = ilacsHeadings.get(catalog);
  if (!re) {
    const sets = (f: (fw: string) => boolean) => new Set(catalog.eras.filter((e) => f(e.framework)).flatMap((e) => catalog.grades[e.grades] ?? []).map((g) => g.toLowerCase()));
    const own = sets((f) => f === 'ilacs');
    const others = sets((f) => f !== 'ilacs');
    const only = [...own].filter((g) => !others.has(g));
    const openings = importNamesFor(catalog).openingsIn.get('ilacs') ?? [];
    re = openings.length === 0 || own.size === 0 ? /(?!)/ : new RegExp(
      `The (?:${phraseAlternation(openings)})\\b[^\\n]{0,120}(?:${only.length > 0 ? `${phraseAlternation(only)}|` : ''}: ?(?:${phraseAlternation([...own])}))`, 'i');
    ilacsHeadings.set(catalog, re);
  }
  return re;
}

/** Date ranges in running text, the Ofsted way and near misses ("11 th September 2024"). */
export function datesIn(text: string): DateRange | undefined {
  const t = text.replace(/(\d)\s+(st|nd|rd|th)\b/g, '$1$2').replace(/\s+/g, ' ');
  const months = MONTHS.join('|') + '|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
  const re = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:to|and|–|—|-)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:${months})\\b`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const found = parseBodyDates(t.slice(m.index));
    if (found) return found.dates;
  }
  return undefined;
}

/** All the visit dates in a letter's opening ("on 4 and 5 March and 10 March 2020"). */
export function visitDates(text: string): DateRange[] | undefined {
  const first = datesIn(text);
  if (!first) return undefined;
  // Split visits: "... on 4 and 5 March 2020 and 10 March 2020": a second range after the first.
  const t = text.replace(/\s+/g, ' ');
  const year = first.end.slice(0, 4);
  const idx = t.indexOf(year);
  const rest = idx >= 0 ? t.slice(idx + 4) : '';
  const more = /^\s*(?:and|,)\s+(\d{1,2}[^.]*?\d{4})/.exec(rest);
  if (more) {
    const second = datesIn(more[1]);
    if (second && second.start > first.end) return [first, second];
  }
  return [first];
}

/** A date on its own ("22 February 2018"), as ISO. */
export function singleDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})(?:\s*(?:st|nd|rd|th))?\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[2]);
  if (!month) return undefined;
  const d = iso(+m[3], month, +m[1]);
  return isValidIso(d) ? d : undefined;
}

const TITLE_TAIL = /,?\s*(?:(?:Her|His) Majesty.s (?:Chief )?Inspectors?|HMI|Ofsted Inspectors?|Social Care Regulatory Inspectors?|Senior HMI|Regulatory Inspectors?)\b\.?/gi;

/** The lead inspector from "Lead inspector: Jane Example, His Majesty's Inspector". */
export function leadInspector(text: string): string | undefined {
  const m = /Lead inspectors?:?\s*(.+)$/i.exec(text);
  if (!m) return undefined;
  const name = m[1].replace(TITLE_TAIL, ',').split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()).filter(Boolean).join(' and ');
  return /^[A-Z][\w’'.-]*(\s+[A-Z][\w’'.-]*){0,4}$/.test(name) ? name : name || undefined;
}

/** Inspectors named in a letter's opening: "The inspectors were A HMI and B HMI." */
export function inspectorsIn(text: string): string[] | undefined {
  const m = /\b(?:inspectors were|inspector was|visit was carried out by|visit was undertaken by|inspectors are|lead inspector was)\s+(.+?)(?:\.(?:\s|$)|$)/i.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const names = m[1]
    .replace(TITLE_TAIL, ',')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Z][\w’'-]*(\s+[A-Z][\w’'-]*){1,3}$/.test(s));
  return names.length > 0 ? names : undefined;
}

/** "This was the fifth monitoring visit ..." as 5. */
export function visitNumber(text: string): number | undefined {
  const m = /\bthe (\w+) monitoring visit\b/i.exec(text);
  if (!m) return undefined;
  const i = ORDINALS.indexOf(m[1].toLowerCase());
  if (i >= 0) return i + 1;
  const n = /^(\d+)(st|nd|rd|th)$/.exec(m[1]);
  return n ? +n[1] : undefined;
}

/** The authority named in a title or a letter's subject line. */
export function authorityFromTitle(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const patterns = [
    /^Inspection of (.+?) local authority children.s services$/i,
    /^(?:Focused|Monitoring) visit (?:to|of) (.+?)(?:’s|'s)? children.s services\b/i,
    /^(?:Focused|Monitoring) visit (?:to|of) (.+?) children.s services\b/i,
    /^Inspection of (.+?) children.s services$/i,
    // A trust named after its authority: "Inspection of Bradford Children and Families Trust".
    /^Inspection of (.+?)(?:’s|'s)? Children(?:’s|'s)? (?:and Families |Services )?Trust$/i,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m && m[1].length <= 80) return m[1].trim();
  }
  return undefined;
}

/** A council named in running text ("Nottingham City Children's Services", "Barnet Council"). */
export function authorityInText(text: string): string | undefined {
  const m = /\b((?:[A-Z][a-z]+ ){0,3}(?:City|County|Borough)) (?:Council|Children.s Services)\b/.exec(text);
  if (m) return `${m[1]} Council`;
  return undefined;
}

/** A date in a file name: "...-19-november-2021.pdf". */
export function dateInFileName(name: string): string | undefined {
  const m = /(\d{1,2})[-_ ]([a-z]+)[-_ ](\d{4})(?=\D*$)/i.exec(name);
  if (!m) return undefined;
  const month = monthNumber(m[2]);
  if (!month) return undefined;
  const d = iso(+m[3], month, +m[1]);
  return isValidIso(d) ? d : undefined;
}

/** Applies `--set key=value` overrides; returns problems for values that cannot be used. */
export function applyOverrides(fm: ImportedFrontMatter, overrides: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const v = value.trim();
    switch (key) {
      case 'authority': fm.authority = v; break;
      case 'lead-inspector': fm.leadInspector = v; break;
      case 'meeting': fm.meeting = v; break;
      case 'inspectors': fm.inspectors = v.split(/\s*,\s*/).filter(Boolean); break;
      case 'inspection-type':
        if (v === 'standard' || v === 'short') fm.inspectionType = v;
        else problems.push(`inspection-type must be 'standard' or 'short', not '${v}'`);
        break;
      case 'visit-number':
        if (/^\d+$/.test(v)) fm.visitNumber = +v;
        else problems.push(`visit-number must be a whole number, not '${v}'`);
        break;
      case 'published':
      case 'meeting-date': {
        if (!isValidIso(v)) { problems.push(`${key} must be a date as YYYY-MM-DD, not '${v}'`); break; }
        if (key === 'published') { fm.published = v; fm.publishedSource = undefined; } else fm.meetingDate = v;
        break;
      }
      case 'inspection-dates': {
        const m = /^(\d{4}-\d{2}-\d{2})(?:\s+to\s+(\d{4}-\d{2}-\d{2}))?$/.exec(v);
        if (!m || !isValidIso(m[1]) || (m[2] && !isValidIso(m[2]))) { problems.push(`inspection-dates must be YYYY-MM-DD or 'YYYY-MM-DD to YYYY-MM-DD', not '${v}'`); break; }
        fm.inspectionDates = [{ start: m[1], end: m[2] ?? m[1] }];
        break;
      }
      default:
        problems.push(`unknown front matter key '${key}' in --set`);
    }
  }
  return problems;
}
