/**
 * What the history keeps of one parsed report. The model itself (with its
 * per-character offset maps) is dropped once this is taken from it.
 */
import { toIso } from '../core/dates';
import type { ReportModel } from '../model/types';
import type { Catalog } from '../profiles/types';
import { findAbbreviations } from './abbreviations';
import { authorityFromTitle, authorityKey } from './authority';
import { findGradeQuotes, findMentions } from './mentions';
import { familyOf } from './prior';
import type { HistoryLink, HistoryReport, ReportGrade } from './types';
import { uriKey } from './uris';

/** A finding before its terms are counted. */
export type DraftFinding = Omit<HistoryReport['findings'][number], 'vector'>;
export type ExtractedReport = Omit<HistoryReport, 'findings' | 'version'> & { findings: DraftFinding[] };

/**
 * A letter's closing lines sit after its last findings section, so the model
 * counts them as findings; they are not concerns and are not indexed.
 */
const CLOSING = [
  /^Ofsted will take the findings from this/i,
  /^This letter will be (shared|published)/i,
  /^Yours (sincerely|faithfully)/i,
];

export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  if (CLOSING.some((re) => re.test(t))) return true;
  // A signature: a name and "His/Her Majesty's Inspector" on a line or two.
  return t.length < 120 && /(?:Her|His) Majesty[’']s (?:Chief )?Inspector\s*$/i.test(t);
}

export function extractReport(model: ReportModel, aliases: ReadonlyMap<string, string> | undefined, catalog: Catalog): ExtractedReport | undefined {
  if (!model.isReport || !model.kind) return undefined;
  const fm = model.frontMatter?.entries;
  const rawAuthority = fm?.get('authority')?.value;
  const authority = typeof rawAuthority === 'string' && rawAuthority.trim()
    ? rawAuthority.trim()
    : model.title ? authorityFromTitle(model.title.text) : undefined;
  const published = toIso(fm?.get('published')?.value);
  const meetingDate = toIso(fm?.get('meeting-date')?.value);
  const visit = fm?.get('visit-number')?.value;
  const visitNumber = typeof visit === 'number' && Number.isInteger(visit) && visit > 0
    ? visit
    : typeof visit === 'string' && /^\d{1,2}$/.test(visit.trim()) ? Number(visit) : undefined;

  const judgementOf = (sectionIndex: number): { key?: string; heading?: string } => {
    let heading: string | undefined;
    for (let s: number | undefined = sectionIndex; s !== undefined && s >= 0; s = model.sections[s]?.parent) {
      const sec = model.sections[s];
      if (!sec) break;
      heading ??= sec.heading.text;
      if (sec.judgement?.key) return { key: sec.judgement.key, heading };
    }
    return { heading };
  };

  const grades: ReportGrade[] = [];
  for (const row of model.table?.rows ?? []) {
    const j = row.judgement;
    if (j && j.gradeText) grades.push({ judgement: j.key, name: j.nameText, grade: j.gradeText });
  }
  if (grades.length === 0) {
    for (const s of model.sections) {
      const j = s.judgement;
      if (j && j.gradeText && j.key) grades.push({ judgement: j.key, name: j.nameText, grade: j.gradeText });
    }
  }

  const kept = model.findings.filter((f) => !isBoilerplate(f.text));
  const perSection = new Map<number, number>();
  for (const f of kept) perSection.set(f.sectionIndex, (perSection.get(f.sectionIndex) ?? 0) + 1);
  const seen = new Map<number, number>();
  const findings: DraftFinding[] = kept.map((f) => {
    const where = judgementOf(f.sectionIndex);
    const n = perSection.get(f.sectionIndex) ?? 1;
    const k = seen.get(f.sectionIndex) ?? 0;
    seen.set(f.sectionIndex, k + 1);
    return {
      id: f.id, kind: f.kind, line: f.line, span: f.span, range: model.lines.range(f.span), text: f.text, judgement: where.key, section: where.heading,
      family: familyOf(catalog, { judgement: where.key, section: where.heading }),
      // A place among one or two findings says nothing about the topic.
      position: n >= 3 ? k / (n - 1) : undefined,
    };
  });

  const bodyStart = model.frontMatter?.span.end ?? 0;
  const lineOf = (o: number) => model.lines.lineOf(o);
  const mentions = findMentions(model.text, bodyStart, lineOf, catalog);
  for (const m of mentions) {
    const f = findings.find((x) => x.span.start <= m.span.start && m.span.end <= x.span.end);
    if (f) m.findingId = f.id;
  }
  const links: HistoryLink[] = model.links.map((l) => ({
    href: l.href, path: l.path, fragment: l.fragment, text: l.text, span: l.span, line: l.line, range: model.lines.range(l.span),
  }));

  return {
    uri: model.uri,
    key: uriKey(model.uri),
    kind: model.kind,
    kindLabel: model.profile?.label ?? model.kind,
    graded: model.profile?.graded ?? false,
    letter: model.profile?.letter ?? false,
    authority,
    authorityKey: authorityKey(authority, aliases),
    inspection: model.inspection,
    published,
    meetingDate,
    date: published ?? meetingDate ?? model.inspection?.start,
    visitNumber,
    title: model.title?.text,
    grades,
    findings,
    abbreviations: findAbbreviations(model.text.slice(bodyStart)).map((a) => ({
      ...a, span: { start: a.span.start + bodyStart, end: a.span.end + bodyStart },
    })),
    mentions,
    quotes: findGradeQuotes(model.text, bodyStart, lineOf, catalog),
    links,
  };
}
