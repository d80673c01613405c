/**
 * The front matter a document exported by this tool carries (docs/word.md,
 * "Word out"): two custom document properties in docProps/custom.xml, the
 * report's kind and its front matter's YAML exactly as written. When both are
 * there and the YAML reads as a report's front matter, the importer gives it
 * back as it was instead of inferring it from the title page. Never throws.
 */
import { LineIndex } from '../../core/lineIndex';
import { parseIsoDates, toIso } from '../../core/dates';
import { FRONT_MATTER_PROPERTY, KIND_PROPERTY } from '../../export/properties';
import { readFrontMatter } from '../../model/frontMatter';
import type { ParseProblem } from '../../model/types';
import type { ImportedFrontMatter, ImportKind, KnownFrontMatter } from '../types';
import { kids, type XmlElement } from './xml';


const KINDS: readonly ImportKind[] = ['ilacs', 'sif', 'focused-visit', 'monitoring-visit', 'scrutiny'];

/** Custom document properties by name (their text values). */
export function customProperties(root: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of kids(root)) {
    const name = p.attrs.name;
    const value = kids(p)[0];
    if (!name || !value || out.has(name)) continue;
    out.set(name, value.children.filter((c): c is string => typeof c === 'string').join(''));
  }
  return out;
}

/**
 * The front matter the properties give, or a reason it cannot be used
 * (undefined when the document has neither property: written in Word).
 */
export function knownFrontMatter(props: Map<string, string>): { ok: true; known: KnownFrontMatter } | { ok: false; reason: string } | undefined {
  const kind = props.get(KIND_PROPERTY)?.trim();
  const yaml = props.get(FRONT_MATTER_PROPERTY)?.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  if (kind === undefined && yaml === undefined) return undefined;
  const unusable = (why: string) => ({ ok: false as const, reason: `the document's ${FRONT_MATTER_PROPERTY} property ${why}; the front matter is read from the title page instead` });
  if (!kind || !(KINDS as readonly string[]).includes(kind)) return unusable(`comes with the kind '${kind ?? ''}', which the importer does not know`);
  if (!yaml) return unusable('is missing or empty');
  // A fence inside it would end the front matter early.
  if (yaml.split('\n').some((l) => /^(---|\.\.\.)\s*$/.test(l))) return unusable("holds a '---' line");
  const problems: ParseProblem[] = [];
  const fm = readFrontMatter(new LineIndex(`---\n${yaml}\n---\n`), problems);
  if (!fm || !fm.valid || problems.length > 0) return unusable('is not valid YAML');
  const get = (key: string) => fm.entries.get(key)?.value;
  if (get('report') !== kind) return unusable(`names the kind '${String(get('report'))}', not '${kind}' as the kind property does`);
  const text = (key: string) => {
    const v = get(key);
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  };
  const values: ImportedFrontMatter = { report: kind as ImportKind };
  values.authority = text('authority');
  values.inspectionDates = parseIsoDates(get('inspection-dates'));
  values.published = toIso(get('published'));
  values.leadInspector = text('lead-inspector');
  const inspectors = get('inspectors');
  if (Array.isArray(inspectors)) values.inspectors = inspectors.filter((x): x is string => typeof x === 'string');
  const type = get('inspection-type');
  if (type === 'standard' || type === 'short') values.inspectionType = type;
  const visit = get('visit-number');
  if (typeof visit === 'number' && Number.isInteger(visit)) values.visitNumber = visit;
  values.meeting = text('meeting');
  values.meetingDate = toIso(get('meeting-date'));
  for (const k of Object.keys(values) as (keyof ImportedFrontMatter)[]) if (values[k] === undefined) delete values[k];
  return { ok: true, known: { kind: kind as ImportKind, frontMatter: values, yaml } };
}
