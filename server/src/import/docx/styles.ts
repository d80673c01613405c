/**
 * Paragraph styles from word/styles.xml: which are headings (by the built-in
 * names `heading 1` ... and `Title`, which Word keeps in English whatever the
 * interface language, or by an outline level), and which carry numbering
 * (List Number, a numbered heading style). Styles inherit through `basedOn`.
 */
import { child, dig, kids, val, type XmlElement } from './xml';

export interface NumRef {
  numId: string;
  ilvl: number;
}

interface StyleDef {
  id: string;
  name: string;
  basedOn?: string;
  outline?: number;
  num?: NumRef | 'none';
}

export interface ParagraphStyle {
  /** 0 for a title, 1-9 for headings; undefined for body text. */
  heading?: number;
  /** Numbering the style gives its paragraphs. */
  num?: NumRef;
  name: string;
}

export class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private readonly cache = new Map<string, ParagraphStyle>();
  private defaultId?: string;

  constructor(root: XmlElement | undefined) {
    for (const s of kids(root, 'w:style')) {
      if ((s.attrs['w:type'] ?? 'paragraph') !== 'paragraph') continue;
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      const pPr = child(s, 'w:pPr');
      const outline = val(dig(pPr, 'w:outlineLvl'));
      const numPr = child(pPr, 'w:numPr');
      let num: NumRef | 'none' | undefined;
      if (numPr) {
        const numId = val(child(numPr, 'w:numId'));
        num = numId === '0' ? 'none' : numId ? { numId, ilvl: +(val(child(numPr, 'w:ilvl')) ?? 0) || 0 } : undefined;
      }
      this.defs.set(id, { id, name: val(child(s, 'w:name')) ?? id, basedOn: val(child(s, 'w:basedOn')), outline: outline !== undefined ? +outline : undefined, num });
      if (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true') this.defaultId = id;
    }
  }

  /** The resolved style of a paragraph (its `w:pStyle`, or the default paragraph style). */
  get(styleId: string | undefined): ParagraphStyle {
    const id = styleId ?? this.defaultId ?? '';
    const hit = this.cache.get(id);
    if (hit) return hit;
    const out: ParagraphStyle = { name: this.defs.get(id)?.name ?? id };
    let heading: number | undefined;
    let num: NumRef | 'none' | undefined;
    let outline: number | undefined;
    const seen = new Set<string>();
    for (let d = this.defs.get(id); d && !seen.has(d.id); d = d.basedOn ? this.defs.get(d.basedOn) : undefined) {
      seen.add(d.id);
      if (heading === undefined) heading = headingByName(d.name) ?? headingByName(d.id);
      if (num === undefined) num = d.num;
      if (outline === undefined) outline = d.outline;
    }
    if (heading === undefined && outline !== undefined && outline >= 0 && outline < 9) heading = outline + 1;
    if (heading !== undefined) out.heading = heading;
    if (num && num !== 'none') out.num = num;
    this.cache.set(id, out);
    return out;
  }
}

/** `heading 2` → 2, `Title` → 0 (names and the usual English ids). */
function headingByName(name: string): number | undefined {
  const n = name.trim().toLowerCase();
  const m = /^heading ?([1-9])$/.exec(n);
  if (m) return +m[1];
  if (n === 'title') return 0;
  return undefined;
}
