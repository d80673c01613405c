import type { Span } from '../core/types';
import type { Catalog, Era } from '../profiles/types';
import { gradeWords } from '../domain/grades';
import { escapeRegExp } from '../domain/text';
import { normalise } from './text';
import type { JudgementRef } from './types';

/** A softer form for matching names: also 'experience' ~ 'experiences', no verb at the end. */
function loose(s: string): string {
  return normalise(s)
    .replace(/\bexperience\b/g, 'experiences')
    .replace(/\s+(is|are)$/, '')
    .replace(/\b(social work )?practice with children and (their )?families/, 'practice with children and families');
}

export interface NameMatch {
  key: string;
  exact: boolean;
}

/**
 * Which catalog judgement a written name is: exactly, or as a known near miss.
 * With the report's era, its judgements come first (a name printed in two
 * frameworks is the era's), and the headings they are printed under count as exact.
 */
export function matchJudgementName(catalog: Catalog, written: string, era?: Era): NameMatch | undefined {
  const w = written.trim();
  const all = Object.values(catalog.judgements);
  const inEra = era ? new Set([...era.table, ...era.sections]) : undefined;
  const judgements = inEra ? [...all.filter((j) => inEra.has(j.key)), ...all.filter((j) => !inEra.has(j.key))] : all;
  for (const j of judgements) if (j.name === w || (inEra?.has(j.key) && j.headings?.includes(w))) return { key: j.key, exact: true };
  const n = normalise(w);
  for (const j of judgements) {
    if (normalise(j.name) === n) return { key: j.key, exact: false };
    for (const v of j.variants) if (normalise(v) === n) return { key: j.key, exact: false };
  }
  const l = loose(w);
  for (const j of judgements) if (loose(j.name) === l) return { key: j.key, exact: false };
  return undefined;
}

export function looksLikeGrade(catalog: Catalog, text: string): boolean {
  const n = normalise(text);
  return gradeWords(catalog).some((g) => n === g);
}

/**
 * A heading in the sentence form ends with a grade: one pattern a grade word,
 * in the catalogue's order, made once per catalogue. "requires" agrees with a
 * plural subject as "require" ("The experiences and progress of ... require improvement").
 */
const endings = new WeakMap<Catalog, RegExp[]>();
function sentenceEndings(catalog: Catalog): RegExp[] {
  let out = endings.get(catalog);
  if (!out) {
    out = gradeWords(catalog).map((g) => {
      const phrase = escapeRegExp(g).replace(/^requires\b/, 'requires?');
      return new RegExp(`\\s(?:(?:is|are|was|were)\\s+)?(${phrase})\\.?\\s*$`, 'i');
    });
    endings.set(catalog, out);
  }
  return out;
}

/**
 * Reads a heading as a judgement section, if it is one:
 * `<name>: <grade>` or the older sentence form `<name> requires improvement to be good.`
 */
export function parseJudgementHeading(catalog: Catalog, text: string, textSpan: Span, era?: Era): JudgementRef | undefined {
  const colon = text.lastIndexOf(':');
  if (colon > 0) {
    const rawName = text.slice(0, colon);
    const nameText = rawName.trim();
    const match = matchJudgementName(catalog, nameText, era);
    if (match) {
      const after = text.slice(colon + 1);
      const gradeText = after.trim();
      const gradeStart = textSpan.start + colon + 1 + (after.length - after.trimStart().length);
      const nameStart = textSpan.start + (rawName.length - rawName.trimStart().length);
      return {
        nameText,
        nameSpan: { start: nameStart, end: nameStart + nameText.length },
        key: match.key,
        exact: match.exact,
        gradeText,
        gradeSpan: { start: gradeStart, end: gradeStart + gradeText.length },
        form: 'colon',
      };
    }
  }
  // Sentence form: the name, an optional verb, then a grade word and an optional full stop.
  const lower = text.toLowerCase();
  for (const re of sentenceEndings(catalog)) {
    const m = re.exec(lower);
    if (!m) continue;
    // "requires improvement" is itself a verb phrase: "X requires improvement to be good."
    const nameText = text.slice(0, m.index).trim();
    const match = matchJudgementName(catalog, nameText, era);
    if (!match) continue;
    const gradeStart = m.index + m[0].indexOf(m[1]);
    return {
      nameText,
      nameSpan: { start: textSpan.start, end: textSpan.start + nameText.length },
      key: match.key,
      exact: match.exact,
      gradeText: text.slice(gradeStart, gradeStart + m[1].length),
      gradeSpan: { start: textSpan.start + gradeStart, end: textSpan.start + gradeStart + m[1].length },
      form: 'sentence',
    };
  }
  // Only the name: a judgement heading whose grade was left out.
  const bare = matchJudgementName(catalog, text, era);
  if (bare) {
    const nameText = text.trim();
    const nameStart = textSpan.start + (text.length - text.trimStart().length);
    const end = nameStart + nameText.length;
    return {
      nameText, nameSpan: { start: nameStart, end }, key: bare.key, exact: bare.exact,
      gradeText: '', gradeSpan: { start: end, end }, form: 'bare',
    };
  }
  return undefined;
}

/** Word-overlap similarity (0..1), for suggesting the name meant. */
export function similarity(a: string, b: string): number {
  const wa = new Set(normalise(a).split(/[^a-z']+/).filter(Boolean));
  const wb = new Set(normalise(b).split(/[^a-z']+/).filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  return both / (wa.size + wb.size - both);
}
