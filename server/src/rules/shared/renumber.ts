import { markerWidthEdits } from './markerWidth';
import type { Span, TextEdit } from '../../core/types';
import type { Link, NumberedParagraph, ReportModel, Section } from '../../model/types';
import type { SectionSpec } from '../../profiles/types';

/**
 * Paragraph numbering as data: which numbers form a sequence, where a sequence
 * goes wrong, and the edits (and finding id changes) that renumber the whole
 * document. Pure functions of the model, so that the rule, the CLI and the
 * language server can all ask "which links from other reports would change?".
 * Source: ../shared/dialect.md ("ILACS inspection report", "Council scrutiny
 * report", "Findings and their ids") and ../shared/domain.md ("Report layout",
 * "Council scrutiny reports").
 */

export type SequenceKind = 'paragraph' | 'section' | 'section-paragraph' | 'recommendation';

/** One printed number in a sequence. */
export interface NumberedItem {
  /** The number as printed: '13', '2.1', '3' (for `## 3. Title`). */
  printed: string;
  /** The number that counts in the sequence (the M of N.M). */
  value: number;
  /** Span of the printed digits (N.M for scrutiny paragraphs), without any full stop. */
  digits: Span;
  /** Where to report. */
  span: Span;
  line: number;
  /** The number it should have: its place in the sequence, N'.M' for scrutiny paragraphs. */
  target: string;
  /** A continuous paragraph written `14 Text` (its list full stop lost). */
  lostStop?: boolean;
  /** For scrutiny paragraphs: the printed N, and the printed and target numbers of the section it sits in. */
  section?: { printedN: number; sectionPrinted: number; sectionTarget: number };
  paragraph?: NumberedParagraph;
}

export interface Sequence {
  kind: SequenceKind;
  /** For section paragraphs: the section's printed number. */
  sectionNumber?: number;
  items: NumberedItem[];
}

export type AnomalyKind = 'start' | 'gap' | 'repeat' | 'restart' | 'order' | 'wrong-section';

export interface Anomaly {
  kind: AnomalyKind;
  sequence: Sequence;
  item: NumberedItem;
  /** The item before it in the sequence, if any. */
  previous?: NumberedItem;
}

export interface IdChange {
  from: string;
  to: string;
}

export interface NumberingPlan {
  sequences: Sequence[];
  anomalies: Anomaly[];
  /** Continuous paragraphs that lost the full stop after their number. */
  lostStops: NumberedItem[];
  /** Edits that give every number its place (and restore lost full stops); empty when nothing changes. */
  edits: TextEdit[];
  /** Finding ids that the edits change (applied all at once, not one after another). */
  idChanges: IdChange[];
}

/** The nearest section (itself or an ancestor) with a profile spec. */
function ownerSpec(model: ReportModel, sectionIndex: number): SectionSpec | undefined {
  for (let s: number | undefined = sectionIndex; s !== undefined && s >= 0; s = model.sections[s]?.parent) {
    const spec = model.sections[s]?.spec;
    if (spec) return spec;
  }
  return undefined;
}

/** The nearest `## N. Title` section (itself or an ancestor). */
function numberedSection(model: ReportModel, sectionIndex: number): Section | undefined {
  for (let s: number | undefined = sectionIndex; s !== undefined && s >= 0; s = model.sections[s]?.parent) {
    const sec = model.sections[s];
    if (sec?.number && sec.heading.level === 2) return sec;
  }
  return undefined;
}

/** Items of a list whose section holds findings of another kind (wni, finding, rec ...) are not paragraphs. */
function isParagraphPlace(model: ReportModel, sectionIndex: number): boolean {
  const f = ownerSpec(model, sectionIndex)?.findings;
  return !f || f === 'para';
}

function listDigits(p: NumberedParagraph): Span {
  // numberSpan covers the digits and the delimiter ('14.'); a lost stop has none.
  const len = String(p.printed).length;
  return { start: p.numberSpan.start, end: Math.min(p.numberSpan.end, p.numberSpan.start + len) };
}

/** Walks a sequence of values meant to be 1..n; calls back at each place it goes wrong. */
function walk(values: number[], onWrong: (i: number, kind: Exclude<AnomalyKind, 'wrong-section'>) => void): void {
  let expected = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === expected) {
      expected++;
      continue;
    }
    const kind = i === 0 ? 'start' : v === values[i - 1] ? 'repeat' : v === 1 ? 'restart' : v > expected ? 'gap' : 'order';
    onWrong(i, kind);
    // A slip of one number (the next one is where the count should be) keeps the count;
    // otherwise carry on from what is printed, so one gap or restart is one finding.
    expected = values[i + 1] === expected + 1 ? expected + 1 : v + 1;
  }
}

function continuousSequence(model: ReportModel, lostStops: NumberedItem[], isJudgement: (s: Section) => boolean): Sequence {
  const firstJudgement = model.sections.find(isJudgement);
  const from = firstJudgement ? firstJudgement.startLine : -1;
  const candidates = model.numbered.filter((n) =>
    (n.style === 'list' || n.style === 'no-stop') && n.line >= from && isParagraphPlace(model, n.sectionIndex));
  const seq: Sequence = { kind: 'paragraph', items: [] };
  // The next list paragraph after each candidate (computed once: reports can be long).
  const nextListOf: (NumberedParagraph | undefined)[] = new Array(candidates.length);
  for (let i = candidates.length - 1, next: NumberedParagraph | undefined; i >= 0; i--) {
    nextListOf[i] = next;
    if (candidates[i].style === 'list') next = candidates[i];
  }
  let expected = 1;
  for (let i = 0; i < candidates.length; i++) {
    const n = candidates[i];
    const v = n.parts[0];
    const nextList = nextListOf[i];
    if (n.style === 'no-stop') {
      // Prose that happens to begin with a number ('16 young people ...') does not fit the count.
      if (v !== expected || nextList?.parts[0] === v) continue;
    }
    const item: NumberedItem = {
      printed: n.printed, value: v, digits: listDigits(n), span: n.numberSpan, line: n.line,
      target: '', lostStop: n.style === 'no-stop', paragraph: n,
    };
    seq.items.push(item);
    if (item.lostStop) lostStops.push(item);
    if (v === expected) expected++;
    else expected = nextList?.parts[0] === expected + 1 ? expected + 1 : v + 1;
  }
  seq.items.forEach((it, k) => { it.target = String(k + 1); });
  return seq;
}

function sectionSequences(model: ReportModel): Sequence[] {
  const out: Sequence[] = [];
  // `## N. Title` only, as required-sections counts them: a numbered h3 is not in the sequence.
  const sections = model.sections.filter((s) => s.number && !s.spec && s.heading.level === 2);
  const secSeq: Sequence = { kind: 'section', items: [] };
  const targetOf = new Map<number, number>();
  sections.forEach((s, k) => {
    const num = s.number!;
    // The digits as printed ('00' in '## 00.'), so that the edit replaces all of them.
    const digits = /\d+/.exec(num.printed)?.[0] ?? String(num.value);
    const at = num.span.start + num.printed.indexOf(digits);
    secSeq.items.push({
      printed: digits, value: num.value, digits: { start: at, end: at + digits.length }, span: num.span,
      line: s.heading.line, target: String(k + 1),
    });
    targetOf.set(s.index, k + 1);
  });
  if (secSeq.items.length > 0) out.push(secSeq);
  // Plain 'N.M' paragraphs, grouped by the numbered section they sit in.
  const bySection = new Map<number, Sequence>();
  for (const p of model.numbered) {
    if (p.style !== 'plain' || p.parts.length !== 2) continue;
    const sec = numberedSection(model, p.sectionIndex);
    if (!sec || !sec.number) continue;
    let seq = bySection.get(sec.index);
    if (!seq) {
      seq = { kind: 'section-paragraph', sectionNumber: sec.number.value, items: [] };
      bySection.set(sec.index, seq);
      out.push(seq);
    }
    const sectionTarget = targetOf.get(sec.index) ?? sec.number.value;
    seq.items.push({
      printed: p.printed, value: p.parts[1],
      digits: { start: p.numberSpan.start, end: p.numberSpan.start + p.printed.length },
      span: p.numberSpan, line: p.line, target: '', paragraph: p,
      section: { printedN: p.parts[0], sectionPrinted: sec.number.value, sectionTarget },
    });
  }
  for (const seq of bySection.values()) {
    seq.items.forEach((it, k) => { it.target = `${it.section!.sectionTarget}.${k + 1}`; });
  }
  // Recommendations: the ordered list under the section whose findings are 'rec'.
  const recs: Sequence = { kind: 'recommendation', items: [] };
  for (const p of model.numbered) {
    if (p.style !== 'list' || ownerSpec(model, p.sectionIndex)?.findings !== 'rec') continue;
    recs.items.push({ printed: p.printed, value: p.parts[0], digits: listDigits(p), span: p.numberSpan, line: p.line, target: '', paragraph: p });
  }
  recs.items.forEach((it, k) => { it.target = String(k + 1); });
  if (recs.items.length > 0) out.push(recs);
  return out;
}

/**
 * Everything about the document's numbering. Empty for kinds whose profile says `numbering: none`.
 * `isJudgement` says which sections are judgement sections (numbering starts at the first): those
 * the parser recognised by default; the rule also counts a heading one word off a judgement's name.
 */
export function planNumbering(model: ReportModel, isJudgement: (s: Section) => boolean = (s) => !!s.judgement): NumberingPlan {
  const plan: NumberingPlan = { sequences: [], anomalies: [], lostStops: [], edits: [], idChanges: [] };
  const style = model.profile?.numbering;
  if (style === 'continuous') plan.sequences.push(continuousSequence(model, plan.lostStops, isJudgement));
  else if (style === 'section') plan.sequences.push(...sectionSequences(model));
  else return plan;
  for (const seq of plan.sequences) {
    const values = seq.items.map((it) => it.value);
    walk(values, (i, kind) => plan.anomalies.push({ kind, sequence: seq, item: seq.items[i], previous: seq.items[i - 1] }));
    if (seq.kind === 'section-paragraph') {
      for (const it of seq.items) {
        const s = it.section!;
        if (s.printedN !== s.sectionPrinted && s.printedN !== s.sectionTarget && !plan.anomalies.some((a) => a.item === it)) {
          plan.anomalies.push({ kind: 'wrong-section', sequence: seq, item: it });
        }
      }
    }
  }
  plan.anomalies.sort((a, b) => a.item.span.start - b.item.span.start);
  const idAt = new Map<number, string>();
  for (const f of model.findings) if (f.kind === 'para') idAt.set(f.span.start, f.id);
  for (const seq of plan.sequences) {
    for (const it of seq.items) {
      const newText = it.lostStop ? `${it.target}.` : it.target;
      if (newText !== it.printed || it.lostStop) {
        if (needsBlankLineBefore(model, it, newText)) plan.edits.push({ start: model.lines.lineStart(it.line), end: model.lines.lineStart(it.line), newText: '\n' });
        plan.edits.push({ start: it.digits.start, end: it.digits.end, newText });
        if (it.paragraph && !it.lostStop) plan.edits.push(...markerWidthEdits(model, it.paragraph, it.digits.end - it.digits.start, newText.length));
      }
      const oldId = it.paragraph ? idAt.get(it.paragraph.span.start) : undefined;
      if (oldId && it.target !== it.printed && seq.kind !== 'recommendation') plan.idChanges.push({ from: oldId, to: `para-${it.target}` });
    }
  }
  plan.edits.sort((a, b) => a.start - b.start);
  return plan;
}

/**
 * CommonMark lets only a list starting at 1 interrupt a paragraph: a first item
 * renumbered from 1 right under a line of text would melt into that text, so
 * the fix puts a blank line before it.
 */
function needsBlankLineBefore(model: ReportModel, it: NumberedItem, newText: string): boolean {
  const p = it.paragraph;
  if (!p || p.style !== 'list' || p.list?.item !== 0 || newText === '1' || it.line === 0) return false;
  const prev = model.lines.line(it.line - 1);
  return prev.trim() !== '' && !/^\s{0,3}#{1,6}(\s|$)/.test(prev);
}

/**
 * The finding ids that renumbering this document would change, old to new.
 * Apply the map all at once (para-14 -> para-13 and para-15 -> para-14 together),
 * never one entry after another. Empty when the numbering is right.
 */
export function renumberIdMap(model: ReportModel): Map<string, string> {
  const plan = planNumbering(model);
  if (plan.anomalies.length === 0) return new Map();
  return new Map(plan.idChanges.map((c) => [c.from, c.to]));
}

/** 'renumbering changes 12 finding ids, para-16 to para-27' (old ids, in document order). */
export function idChangeSummary(changes: readonly IdChange[]): string {
  if (changes.length === 0) return '';
  if (changes.length === 1) return `Renumbering changes finding id ${changes[0].from} to ${changes[0].to}.`;
  return `Renumbering changes ${changes.length} finding ids, ${changes[0].from} to ${changes[changes.length - 1].from}.`;
}

export interface LinkChange {
  link: Link;
  /** The link's href with the new fragment. */
  newHref: string;
  from: string;
  to: string;
}

/**
 * Links (from another report's model) into the renumbered document whose
 * fragment would change. `pointsHere` says whether a link's path resolves to
 * the renumbered file (the caller knows both files' locations).
 */
export function linksToRenumber(idMap: ReadonlyMap<string, string>, links: readonly Link[], pointsHere: (link: Link) => boolean): LinkChange[] {
  const out: LinkChange[] = [];
  if (idMap.size === 0) return out;
  for (const link of links) {
    const to = idMap.get(link.fragment);
    if (!to || !pointsHere(link)) continue;
    const hash = link.href.indexOf('#');
    const newHref = `${hash >= 0 ? link.href.slice(0, hash) : link.href}#${to}`;
    out.push({ link, newHref, from: link.fragment, to });
  }
  return out;
}
