import { yaml } from '../core/yaml';
import type {
  Catalog, Era, FieldSpec, FieldType, FindingKind, JudgementSpec, NumberingStyle, Profile, ProfileSet, SectionSpec,
} from './types';

/** A problem found while reading profile or catalog data: never thrown. */
export interface DataProblem {
  source: string;
  message: string;
  /** 0-based offset in the source text, where known. */
  offset?: number;
}

const FIELD_TYPES: FieldType[] = ['text', 'date', 'date-range', 'date-list', 'list', 'integer', 'enum'];
const FINDING_KINDS: FindingKind[] = ['para', 'wni', 'finding', 'rec', 'priority'];
const NUMBERING: NumberingStyle[] = ['continuous', 'section', 'none'];

/**
 * Parses YAML safely: aliases are limited (no "billion laughs"), unknown tags are
 * errors, nothing executes. Returns undefined and problems on failure.
 */
export function parseYamlData(text: string, source: string, problems: DataProblem[]): unknown {
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  // One mistake often yields several errors: report the first, once. A tag the
  // yaml package does not know (`!!js/function`) is an error too, not a string.
  const first = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) {
    const tag = first.code === 'TAG_RESOLVE_FAILED' ? ' (custom tags are not read, and nothing in this file is run)' : '';
    problems.push({ source, message: first.message.split('\n')[0] + tag, offset: first.pos[0] });
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    problems.push({ source, message: (e as Error).message });
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string');
}

function isoOf(v: unknown): string | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

export function readCatalog(data: unknown, source: string, problems: DataProblem[]): Catalog {
  const catalog: Catalog = { grades: {}, notGrades: {}, judgements: {}, eras: [] };
  if (!isRecord(data)) {
    problems.push({ source, message: 'the judgement catalog must be a mapping' });
    return catalog;
  }
  if (data.notJudged !== undefined) catalog.notJudged = strings(data.notJudged);
  if (isRecord(data.grades)) {
    for (const [k, v] of Object.entries(data.grades)) catalog.grades[k] = strings(v);
  }
  if (isRecord(data.notGrades)) {
    for (const [k, v] of Object.entries(data.notGrades)) catalog.notGrades[k.toLowerCase()] = typeof v === 'string' ? v : null;
  }
  if (isRecord(data.gradeForms)) {
    catalog.gradeForms = {};
    for (const [set, forms] of Object.entries(data.gradeForms)) {
      if (!isRecord(forms)) {
        problems.push({ source, message: `gradeForms '${set}' must map wordings to grades` });
        continue;
      }
      const map: Record<string, string> = {};
      for (const [form, grade] of Object.entries(forms)) {
        if (typeof grade !== 'string' || !(catalog.grades[set] ?? []).includes(grade)) {
          problems.push({ source, message: `gradeForms '${set}': '${form}' must name a grade of the set '${set}'` });
          continue;
        }
        map[form.toLowerCase()] = grade;
      }
      catalog.gradeForms[set] = map;
    }
  }
  if (isRecord(data.judgements)) {
    for (const [key, v] of Object.entries(data.judgements)) {
      if (!isRecord(v) || typeof v.name !== 'string') {
        problems.push({ source, message: `judgement '${key}' needs a name` });
        continue;
      }
      const spec: JudgementSpec = {
        key,
        name: v.name,
        short: typeof v.short === 'string' ? v.short : v.name,
        variants: strings(v.variants),
        headings: strings(v.headings),
      };
      if (v.mentions !== undefined) {
        const list = Array.isArray(v.mentions) ? v.mentions : [v.mentions];
        if (list.some((m) => typeof m !== 'string' || !m.trim())) problems.push({ source, message: `judgement '${key}': mentions must be a list of phrases` });
        spec.mentions = strings(v.mentions).filter((m) => m.trim());
        for (const m of spec.mentions) {
          const other = Object.values(catalog.judgements).find((j) => j.mentions?.some((x) => x.toLowerCase() === m.toLowerCase()));
          if (other) problems.push({ source, message: `judgement '${key}': the mention '${m}' is already judgement '${other.key}''s` });
        }
      }
      if (v.partOf !== undefined) {
        if (typeof v.partOf === 'string' && v.partOf.trim()) spec.partOf = v.partOf.trim();
        else problems.push({ source, message: `judgement '${key}': partOf must name a judgement` });
      }
      catalog.judgements[key] = spec;
    }
    for (const spec of Object.values(catalog.judgements)) {
      if (spec.partOf !== undefined && !catalog.judgements[spec.partOf]) problems.push({ source, message: `judgement '${spec.key}': partOf names '${spec.partOf}', which is no judgement` });
    }
  }
  if (Array.isArray(data.eras)) {
    for (const v of data.eras) {
      if (!isRecord(v) || typeof v.id !== 'string') {
        problems.push({ source, message: 'each era needs an id' });
        continue;
      }
      const from = isoOf(v.from);
      if (!from) {
        problems.push({ source, message: `era '${v.id}' needs a 'from' date (YYYY-MM-DD)` });
        continue;
      }
      const era: Era = {
        id: v.id,
        framework: typeof v.framework === 'string' ? v.framework : 'ilacs',
        from,
        grades: typeof v.grades === 'string' ? v.grades : 'ilacs',
        table: strings(v.table),
        optional: strings(v.optional),
        sections: strings(v.sections),
        practice: strings(v.practice),
        overall: typeof v.overall === 'string' ? v.overall : undefined,
        leaders: typeof v.leaders === 'string' ? v.leaders : undefined,
        tableCase: v.tableCase === 'observed' ? 'observed' : 'strict',
      };
      for (const key of [...era.table, ...era.sections, ...era.practice]) {
        if (!catalog.judgements[key]) problems.push({ source, message: `era '${era.id}' names unknown judgement '${key}'` });
      }
      if (!catalog.grades[era.grades]) problems.push({ source, message: `era '${era.id}' names unknown grade set '${era.grades}'` });
      catalog.eras.push(era);
    }
    catalog.eras.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
  return catalog;
}

function readSection(v: unknown, source: string, problems: DataProblem[]): SectionSpec | undefined {
  if (!isRecord(v) || typeof v.id !== 'string') {
    problems.push({ source, message: 'each section needs an id' });
    return undefined;
  }
  if (v.acceptBefore !== undefined && !isoOf(v.acceptBefore)) {
    problems.push({ source, message: `section '${v.id}': acceptBefore must be a date (YYYY-MM-DD)` });
  }
  if (v.notRequiredWhenAll !== undefined && (typeof v.notRequiredWhenAll !== 'string' || !v.notRequiredWhenAll.trim())) {
    problems.push({ source, message: `section '${v.id}': notRequiredWhenAll must be a grade` });
  }
  let findings: FindingKind | undefined;
  if (v.findings !== undefined) {
    if (typeof v.findings === 'string' && (FINDING_KINDS as string[]).includes(v.findings)) findings = v.findings as FindingKind;
    else problems.push({ source, message: `section '${v.id}': findings must be one of ${FINDING_KINDS.join(', ')}` });
  }
  return {
    id: v.id,
    heading: typeof v.heading === 'string' ? v.heading : undefined,
    accept: strings(v.accept),
    required: v.required === true,
    alternativeTo: typeof v.alternativeTo === 'string' ? v.alternativeTo : undefined,
    findings,
    judgements: v.judgements === true,
    numberedSections: v.numberedSections === true,
    acceptBefore: isoOf(v.acceptBefore),
    notRequiredWhenAll: typeof v.notRequiredWhenAll === 'string' && v.notRequiredWhenAll.trim() ? v.notRequiredWhenAll.trim() : undefined,
    part: v.part === true ? true : undefined,
  };
}

/** Reads one profile; `base` supplies defaults when a workspace file overrides a kind. */
export function readProfile(data: unknown, source: string, problems: DataProblem[], base?: Profile): Profile | undefined {
  if (!isRecord(data)) {
    problems.push({ source, message: 'a profile must be a mapping' });
    return undefined;
  }
  const kind = typeof data.kind === 'string' ? data.kind : base?.kind;
  if (!kind) {
    problems.push({ source, message: "a profile needs a 'kind'" });
    return undefined;
  }
  let numbering: NumberingStyle = base?.numbering ?? 'none';
  if (data.numbering !== undefined) {
    if (typeof data.numbering === 'string' && (NUMBERING as string[]).includes(data.numbering)) numbering = data.numbering as NumberingStyle;
    else problems.push({ source, message: `kind '${kind}': numbering must be one of ${NUMBERING.join(', ')}` });
  }
  const frontMatter: Record<string, FieldSpec> = { ...(base?.frontMatter ?? {}) };
  if (isRecord(data.frontMatter)) {
    for (const [key, spec] of Object.entries(data.frontMatter)) {
      if (!isRecord(spec)) {
        problems.push({ source, message: `kind '${kind}': front matter field '${key}' must be a mapping` });
        continue;
      }
      const type = typeof spec.type === 'string' && (FIELD_TYPES as string[]).includes(spec.type) ? (spec.type as FieldType) : 'text';
      if (spec.type !== undefined && type !== spec.type) problems.push({ source, message: `kind '${kind}': field '${key}' has unknown type '${String(spec.type)}'` });
      frontMatter[key] = { required: spec.required === true, type, values: spec.values === undefined ? undefined : strings(spec.values) };
    }
  }
  let sections = base?.sections ?? [];
  if (data.sections !== undefined) {
    if (Array.isArray(data.sections)) {
      sections = data.sections.map((s) => readSection(s, source, problems)).filter((s): s is SectionSpec => !!s);
    } else problems.push({ source, message: `kind '${kind}': sections must be a list` });
  }
  return {
    kind,
    label: typeof data.label === 'string' ? data.label : base?.label ?? kind,
    framework: typeof data.framework === 'string' ? data.framework : base?.framework,
    graded: typeof data.graded === 'boolean' ? data.graded : base?.graded ?? false,
    letter: typeof data.letter === 'boolean' ? data.letter : base?.letter ?? false,
    closing: data.closing !== undefined ? strings(data.closing) : base?.closing ?? [],
    numbering,
    frontMatter,
    sections,
    source,
  };
}

/** A data file's text; `data` when it was parsed already (at build time), and is then not parsed again. */
export interface DataText {
  source: string;
  text: string;
  data?: unknown;
}

/** Builds a profile set from already-read texts: pure, no file access. */
export function buildProfileSet(catalogText: DataText, profileTexts: DataText[], problems: DataProblem[]): ProfileSet {
  const dataOf = (t: DataText) => (t.data !== undefined ? t.data : parseYamlData(t.text, t.source, problems));
  const catalog = readCatalog(dataOf(catalogText), catalogText.source, problems);
  const profiles = new Map<string, Profile>();
  for (const p of profileTexts) {
    const profile = readProfile(dataOf(p), p.source, problems);
    if (profile) profiles.set(profile.kind, profile);
  }
  return { catalog, profiles };
}

/** The era whose judgement set applies to an inspection starting on `start`. */
export function eraFor(catalog: Catalog, framework: string | undefined, start: string | undefined): Era | undefined {
  if (!framework) return undefined;
  const eras = catalog.eras.filter((e) => e.framework === framework);
  if (eras.length === 0) return undefined;
  if (!start) return undefined;
  let found: Era | undefined;
  for (const e of eras) if (e.from <= start) found = e;
  return found;
}
