import type { Span } from '../core/types';
import type { FindingKind, SectionSpec } from '../profiles/types';
import type { Finding, NumberedParagraph, ReportModel } from './types';

/** The first paragraph after the title that starts a letter's closing lines. */
export function findClosing(model: ReportModel): number | undefined {
  const prefixes = (model.profile?.closing ?? []).map((c) => c.toLowerCase());
  if (prefixes.length === 0) return undefined;
  const after = model.title?.line ?? -1;
  for (const b of model.blocks) {
    if (b.kind !== 'paragraph' || b.line <= after) continue;
    const t = b.text.trimStart().toLowerCase();
    if (prefixes.some((p) => t.startsWith(p))) return b.line;
  }
  return undefined;
}

/** Gives findings their ids (dialect.md, "Findings and their ids"). */
export function assignFindings(model: ReportModel): void {
  const profile = model.profile;
  const counters: Record<FindingKind, number> = { para: 0, wni: 0, finding: 0, rec: 0, priority: 0 };
  const used = new Set<string>();
  const ownerSpec = (sectionIndex: number): SectionSpec | undefined => {
    for (let s: number | undefined = sectionIndex; s !== undefined && s >= 0; s = model.sections[s].parent) {
      const spec = model.sections[s].spec;
      if (spec) return spec;
    }
    return undefined;
  };
  const add = (f: Finding) => {
    if (used.has(f.id)) return;
    used.add(f.id);
    model.findings.push(f);
  };
  // Items in document order: numbered paragraphs, bullets and (for visit findings) plain paragraphs.
  type Item = { line: number; span: Span; text: string; sectionIndex: number; numbered?: NumberedParagraph; bullet?: boolean; plain?: boolean };
  const items: Item[] = [];
  for (const n of model.numbered) items.push({ line: n.line, span: n.span, text: n.text, sectionIndex: n.sectionIndex, numbered: n });
  for (const b of model.bullets) if (!b.ordered) items.push({ line: b.line, span: b.span, text: b.text, sectionIndex: b.sectionIndex, bullet: true });
  for (const bl of model.blocks) {
    if (bl.kind !== 'paragraph') continue;
    if (model.numbered.some((n) => n.line === bl.line)) continue;
    if (model.closingLine !== undefined && bl.line >= model.closingLine) continue;
    const spec = ownerSpec(bl.sectionIndex);
    if (spec?.findings === 'finding') {
      const end = bl.offsets[bl.offsets.length - 1];
      items.push({ line: bl.line, span: { start: bl.offsets[0], end }, text: bl.text, sectionIndex: bl.sectionIndex, plain: true });
    }
  }
  items.sort((a, b) => a.line - b.line);
  // Continuous numbering starts at the first judgement section: lists before it are not paragraphs.
  const firstJudgement = model.sections.find((s) => s.judgement)?.startLine;
  const numberedFrom = profile?.numbering === 'continuous' && firstJudgement !== undefined ? firstJudgement : -1;
  for (const it of items) {
    const spec = ownerSpec(it.sectionIndex);
    if (spec?.findings) {
      const kind = spec.findings;
      counters[kind]++;
      add({ id: `${kind}-${counters[kind]}`, kind, span: it.span, line: it.line, text: it.text, sectionIndex: it.sectionIndex });
      continue;
    }
    const n = it.numbered;
    if (!n || n.style === 'no-stop') continue;
    if (n.style === 'plain' && profile?.numbering === 'section') {
      add({ id: `para-${n.printed}`, kind: 'para', span: n.span, line: n.line, text: n.text, sectionIndex: n.sectionIndex });
    } else if (n.style === 'list' && profile?.numbering !== 'section' && n.line >= numberedFrom) {
      add({ id: `para-${n.printed}`, kind: 'para', span: n.span, line: n.line, text: n.text, sectionIndex: n.sectionIndex });
    }
  }
}
