/**
 * One defect, one diagnostic (issue 13, class 4): a judgement name one word off
 * the name of a judgement of the report's era ("... of children care leavers",
 * "Experiences and progress of ..." without "The") is read as the judgement it
 * nearly is, so that the judgement rules check the table and the sections with
 * it. judgement-names reports the name once, with its fix; judgement-consistency
 * and required-sections then see the row or the section they would otherwise
 * call missing. Names and eras come from server/profiles/judgements.yaml.
 */
import type { Span } from '../../core/types';
import { looksLikeGrade } from '../../model/judgements';
import { normalise } from '../../model/text';
import type { JudgementRef, ReportModel, Section, TableRow } from '../../model/types';
import type { Catalog, Era } from '../../profiles/types';
import { eraKeys, nameOf, refKey } from '../judgement-sets';
import type { RuleContext } from '../types';

export type Place = 'table' | 'heading';

/** A row's or section's judgement as the consistency checks read it. */
export interface EffectiveJudgement {
  ref: JudgementRef;
  /** The era's key. */
  key: string;
  /** The written name is one word off the key's name (judgement-names reports it). */
  near: boolean;
}

function words(s: string): string[] {
  return normalise(s).split(/[^a-z0-9']+/).filter(Boolean);
}

/** Word-level edit distance, stopping early above `max`. */
export function wordDistance(a: string[], b: string[], max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The era's judgement (for this place) whose name, or a known variant, is one
 * word away from `written` (two for names of six words or more); when several
 * are within reach, the nearest ("... of children care leavers" is one word off
 * care leavers, two off children in care); undefined when none is, or when two
 * are equally near.
 */
export function nearKey(catalog: Catalog, era: Era | undefined, written: string, place: Place): string | undefined {
  if (!era) return undefined;
  const w = words(written);
  if (w.length < 2) return undefined;
  let best: string[] = [];
  let bestD = Infinity;
  for (const key of place === 'table' ? era.table : era.sections) {
    const j = catalog.judgements[key];
    if (!j) continue;
    // One word off; two for the long names (six words or more), where two words left out still leave the name plain.
    for (const n of [j.name, ...j.variants]) {
      const nw = words(n);
      const max = nw.length >= 6 ? 2 : 1;
      const d = wordDistance(w, nw, max);
      if (d > max) continue;
      if (d < bestD) { bestD = d; best = [key]; } else if (d === bestD && !best.includes(key)) best.push(key);
    }
  }
  return best.length === 1 ? best[0] : undefined;
}

/** What differs between a near-miss name and the exact one, in a few words. */
export function nearDifference(written: string, exact: string): string {
  const a = words(written);
  const b = words(exact);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length;
  let eb = b.length;
  while (ea > i && eb > i && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  const extra = a.slice(i, ea).join(' ');
  const missing = b.slice(i, eb).join(' ');
  if (extra && missing) return `'${extra}' for '${missing}'`;
  if (extra) return `'${extra}' ${extra.includes(' ') ? 'are' : 'is'} too many`;
  if (missing) return `'${missing}' ${missing.includes(' ') ? 'are' : 'is'} left out`;
  return 'capitals or punctuation differ';
}

const cache = new WeakMap<ReportModel, { rows: Map<TableRow, EffectiveJudgement | undefined>; sections: Map<Section, EffectiveJudgement | undefined> }>();

function memo(model: ReportModel) {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = { rows: new Map(), sections: new Map() }));
  return m;
}

function effective(catalog: Catalog, era: Era | undefined, ref: JudgementRef, place: Place): EffectiveJudgement | undefined {
  const key = refKey(catalog, era, ref);
  if (key && (!era || eraKeys(era).has(key))) return { ref, key, near: false };
  // Unknown, or another era's name: one word off a judgement of this era is that judgement.
  const near = nearKey(catalog, era, ref.nameText, place) ?? (place === 'heading' ? nearSectionName(catalog, era, ref.nameText) : undefined);
  if (near) return { ref, key: near, near: true };
  return key ? { ref, key, near: false } : undefined;
}

/** A table row's judgement for the consistency checks. */
export function rowJudgement(ctx: RuleContext, row: TableRow): EffectiveJudgement | undefined {
  const m = memo(ctx.model).rows;
  if (!m.has(row)) m.set(row, row.judgement ? effective(ctx.catalog, ctx.model.era, row.judgement, 'table') : undefined);
  return m.get(row);
}

/**
 * A section's judgement for the consistency checks: the parsed one, or, for a
 * `## <name>: <grade>` heading the parser did not know, the era's judgement its
 * name is one word away from.
 */
export function sectionJudgement(ctx: RuleContext, s: Section): EffectiveJudgement | undefined {
  const m = memo(ctx.model).sections;
  if (!m.has(s)) {
    let value: EffectiveJudgement | undefined;
    if (s.judgement) value = effective(ctx.catalog, ctx.model.era, s.judgement, 'heading');
    else if (!s.spec && s.heading.level === 2) value = nearHeading(ctx, s);
    m.set(s, value);
  }
  return m.get(s);
}

function nearHeading(ctx: RuleContext, s: Section): EffectiveJudgement | undefined {
  const text = s.heading.text;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const after = text.slice(colon + 1);
  const gradeText = after.trim();
  if (gradeText && !looksLikeGrade(ctx.catalog, gradeText)) return undefined;
  const raw = text.slice(0, colon);
  const nameText = raw.trim();
  const key = nearKey(ctx.catalog, ctx.model.era, nameText, 'heading') ?? nearSectionName(ctx.catalog, ctx.model.era, nameText);
  if (!key) return undefined;
  const nameStart = s.heading.textSpan.start + (raw.length - raw.trimStart().length);
  const gradeStart = s.heading.textSpan.start + colon + 1 + (after.length - after.trimStart().length);
  const nameSpan: Span = { start: nameStart, end: nameStart + nameText.length };
  const ref: JudgementRef = {
    nameText, nameSpan, key, exact: false, gradeText,
    gradeSpan: { start: gradeStart, end: gradeStart + gradeText.length }, form: 'colon',
  };
  return { ref, key, near: true };
}

/** The one finding for a near-miss name, with its fix. */
export function reportNearName(ctx: RuleContext, e: EffectiveJudgement): void {
  // The name, or the heading its sections are printed under (SIF), nearer the written one.
  const w = words(e.ref.nameText);
  const exact = [nameOf(ctx.catalog, e.key), ...(ctx.catalog.judgements[e.key]?.headings ?? [])]
    .map((n) => ({ n, d: wordDistance(w, words(n), 99) }))
    .reduce((a, b) => (b.d < a.d ? b : a)).n;
  ctx.report({
    span: e.ref.nameSpan,
    message: `'${e.ref.nameText}' is nearly the judgement name '${exact}' (${nearDifference(e.ref.nameText, exact)}); it is read as that judgement.`,
    fix: { title: `Replace with '${exact}'`, edits: [{ ...e.ref.nameSpan, newText: exact }] },
  });
}

/**
 * The era's judgement whose section heading name (SIF: "The experiences and
 * progress of children looked after and achieving permanence", judgements.yaml
 * `headings`) is one word away from `written` (two for six words or more);
 * undefined when none is, or when two are.
 */
export function nearSectionName(catalog: Catalog, era: Era | undefined, written: string): string | undefined {
  if (!era) return undefined;
  const w = words(written);
  const found = new Set<string>();
  for (const key of era.sections) {
    for (const h of catalog.judgements[key]?.headings ?? []) {
      const hw = words(h);
      const max = hw.length >= 6 ? 2 : 1;
      if (wordDistance(w, hw, max) <= max) found.add(key);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
