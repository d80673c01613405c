/**
 * Reads word/document.xml into paragraphs and tables in reading order, as
 * the document reads with every tracked change accepted: insertions
 * (`w:ins`) and moved-to text (`w:moveTo`) kept, deletions (`w:del`) and
 * moved-from text (`w:moveFrom`) dropped, a deleted paragraph mark joining
 * its paragraph to the next. Field codes are skipped and their results kept;
 * hidden text and pictures are skipped, and text boxes read as paragraphs
 * before the paragraph they are anchored to. Each paragraph keeps its
 * style, its numbering reference and the comments anchored in it.
 */
import type { NumRef } from './styles';
import { child, descendants, dig, kids, val, type XmlElement } from './xml';

export interface RawParagraph {
  text: string;
  styleId?: string;
  /** Direct numbering (`w:numPr`); `'none'` when numId is 0 (numbering switched off). */
  num?: NumRef | 'none';
  /** Comment ids anchored in this paragraph. */
  comments: string[];
  /** The table this paragraph sits in (index into the tables), if any. */
  table?: number;
}

export interface RawTable {
  /** Cells' text, row by row. */
  rows: string[][];
  /** Some cell holds more than one paragraph with text (or a table). */
  multiParagraph: boolean;
}

export interface Revisions {
  insertions: number;
  deletions: number;
  moves: number;
  formatting: number;
}

export interface RawBody {
  paragraphs: RawParagraph[];
  tables: RawTable[];
  revisions: Revisions;
}

const SKIP = new Set(['w:sdtPr', 'w:sdtEndPr', 'w:delText', 'w:delInstrText', 'w:footnoteReference', 'w:endnoteReference', 'w:rPr', 'w:pPr', 'w:sectPr', 'w:fldData']);
const TOC = /^\s*TOC\b/;
const FORMAT_CHANGES = new Set(['w:rPrChange', 'w:pPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:tblGridChange', 'w:numberingChange']);

interface State {
  body: RawBody;
  /** Open fields: shown once past `separate`, unless the field is a table of contents. */
  fields: { shown: boolean; instr: string }[];
  /** A paragraph whose mark was deleted, waiting to join the next one. */
  pending?: RawParagraph;
  table?: number;
  moveNames: Set<string>;
  revisionIds: Set<string>;
  /** Text boxes met in the paragraph being read, read as paragraphs before it. */
  boxes: XmlElement[];
}

function countRevision(st: State, el: XmlElement, kind: keyof Revisions): void {
  const id = el.attrs['w:id'];
  const key = `${kind}:${id ?? st.revisionIds.size}`;
  if (id !== undefined && st.revisionIds.has(key)) return;
  st.revisionIds.add(key);
  st.body.revisions[kind]++;
}

/** Counts formatting changes anywhere below a node (they are accepted by reading the current properties). */
function countFormatting(st: State, el: XmlElement): void {
  for (const c of kids(el)) {
    if (FORMAT_CHANGES.has(c.name)) countRevision(st, c, 'formatting');
    else countFormatting(st, c);
  }
}

function visible(st: State): boolean {
  return st.fields.every((f) => f.shown);
}

function hidden(run: XmlElement): boolean {
  const v = dig(run, 'w:rPr', 'w:vanish');
  return v !== undefined && val(v) !== '0' && val(v) !== 'false';
}

/** Appends the visible text of inline content to `out`, collecting comment anchors. */
function inline(st: State, el: XmlElement, p: RawParagraph, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:r':
        countFormatting(st, c);
        if (!hidden(c)) inline(st, c, p, out);
        break;
      case 'w:t':
        if (visible(st)) out.push(c.children.filter((x): x is string => typeof x === 'string').join(''));
        break;
      case 'w:tab':
      case 'w:ptab':
        if (visible(st)) out.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        // A line break (a letter's signature: name, then title) is kept as '\n'; a page or column break reads as a space.
        if (visible(st)) out.push(c.name === 'w:br' && c.attrs['w:type'] && c.attrs['w:type'] !== 'textWrapping' ? ' ' : '\n');
        break;
      case 'w:noBreakHyphen': out.push('-'); break;
      case 'w:softHyphen': break;
      case 'w:fldChar': {
        const type = c.attrs['w:fldCharType'];
        const top = st.fields[st.fields.length - 1];
        if (type === 'begin') st.fields.push({ shown: false, instr: '' });
        else if (type === 'separate' && top) top.shown = !TOC.test(top.instr);
        else if (type === 'end') st.fields.pop();
        break;
      }
      case 'w:instrText': {
        const top = st.fields[st.fields.length - 1];
        if (top && !top.shown) top.instr += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      }
      case 'w:fldSimple':
        if (!TOC.test(c.attrs['w:instr'] ?? '')) inline(st, c, p, out);
        break;
      case 'w:ins':
        countRevision(st, c, 'insertions');
        inline(st, c, p, out);
        break;
      case 'w:moveTo':
        if (!st.moveNames.size) countRevision(st, c, 'moves');
        inline(st, c, p, out);
        break;
      case 'w:del':
        countRevision(st, c, 'deletions');
        collectAnchors(c, p); // a comment on deleted text is still a comment
        break;
      case 'w:moveFrom':
        collectAnchors(c, p);
        break;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        st.boxes.push(...textBoxes(c));
        break;
      case 'mc:AlternateContent': {
        // The same drawing twice (a modern form and a fallback): the first that holds text boxes.
        const branches = kids(c).filter((b) => b.name === 'mc:Choice' || b.name === 'mc:Fallback');
        const withBoxes = branches.map((b) => textBoxes(b)).find((b) => b.length > 0);
        if (withBoxes) st.boxes.push(...withBoxes);
        break;
      }
      case 'w:commentRangeStart':
      case 'w:commentReference': {
        const id = c.attrs['w:id'];
        if (id !== undefined && !p.comments.includes(id)) p.comments.push(id);
        break;
      }
      default:
        if (!SKIP.has(c.name)) inline(st, c, p, out); // hyperlinks, fields, content controls, smart tags
    }
  }
}

/** The outermost text boxes below a drawing (a text box inside a text box is read with it). */
function textBoxes(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of kids(el)) {
    if (c.name === 'w:txbxContent') out.push(c);
    else textBoxes(c, out);
  }
  return out;
}

function collectAnchors(el: XmlElement, p: RawParagraph): void {
  for (const c of kids(el)) {
    if (c.name === 'w:commentReference' || c.name === 'w:commentRangeStart') {
      const id = c.attrs['w:id'];
      if (id !== undefined && !p.comments.includes(id)) p.comments.push(id);
    } else collectAnchors(c, p);
  }
}

function numPr(pPr: XmlElement | undefined): NumRef | 'none' | undefined {
  const n = child(pPr, 'w:numPr');
  if (!n) return undefined;
  const numId = val(child(n, 'w:numId'));
  if (numId === undefined) return undefined;
  if (numId === '0') return 'none';
  return { numId, ilvl: +(val(child(n, 'w:ilvl')) ?? 0) || 0 };
}

function paragraph(st: State, el: XmlElement): void {
  const pPr = child(el, 'w:pPr');
  if (pPr) countFormatting(st, pPr);
  const markRPr = child(pPr, 'w:rPr');
  const markInserted = child(markRPr, 'w:ins');
  if (markInserted) countRevision(st, markInserted, 'insertions');
  const markDeleted = child(markRPr, 'w:del') ?? child(markRPr, 'w:moveFrom');
  const p: RawParagraph = { text: '', styleId: val(child(pPr, 'w:pStyle')), num: numPr(pPr), comments: [], table: st.table };
  const out: string[] = [];
  const outerBoxes = st.boxes;
  st.boxes = [];
  inline(st, el, p, out);
  p.text = out.join('');
  const boxes = st.boxes;
  st.boxes = outerBoxes;
  if (boxes.length > 0) {
    // A text box (a cover page's title, say) reads before the paragraph it is anchored to.
    const waiting = st.pending;
    st.pending = undefined;
    for (const b of boxes) blocks(st, b);
    if (st.pending) st.body.paragraphs.push(st.pending);
    st.pending = waiting;
  }
  const before = st.pending;
  st.pending = undefined;
  let merged = p;
  if (before) {
    // Accepting a deleted paragraph mark joins the two paragraphs; the first keeps its properties when it has text.
    const keepFirst = before.text.trim() !== '';
    merged = { ...(keepFirst ? before : p), text: before.text + p.text, comments: [...before.comments, ...p.comments] };
  }
  if (markDeleted) {
    if (markDeleted.name === 'w:del') countRevision(st, markDeleted, 'deletions');
    st.pending = merged;
    return;
  }
  st.body.paragraphs.push(merged);
}

function table(st: State, el: XmlElement): void {
  countFormatting(st, child(el, 'w:tblPr') ?? { name: '', attrs: {}, children: [] });
  const index = st.body.tables.length;
  const t: RawTable = { rows: [], multiParagraph: false };
  st.body.tables.push(t);
  const outer = st.table;
  st.table = index;
  for (const tr of within(el, 'w:tr')) {
    if (dig(tr, 'w:trPr', 'w:del')) { countRevision(st, dig(tr, 'w:trPr', 'w:del')!, 'deletions'); continue; }
    const cells: string[] = [];
    for (const tc of within(tr, 'w:tc')) {
      const first = st.body.paragraphs.length;
      blocks(st, tc);
      const texts = st.body.paragraphs.slice(first).map((p) => p.text.trim()).filter(Boolean);
      if (texts.length > 1 || descendants(tc, 'w:tbl').length > 0) t.multiParagraph = true;
      cells.push(texts.join(' '));
    }
    t.rows.push(cells);
  }
  st.table = outer;
}

/** Children named `name` (rows of a table, cells of a row), looking through content controls and custom XML around them. */
function within(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of kids(el)) {
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') out.push(...within(child(c, 'w:sdtContent') ?? c, name));
  }
  return out;
}

/** Block-level content: paragraphs, tables, and the containers around them. */
function blocks(st: State, el: XmlElement): void {
  for (const c of kids(el)) {
    if (c.name === 'w:p') paragraph(st, c);
    else if (c.name === 'w:tbl') table(st, c);
    else if (c.name === 'w:sdt') blocks(st, child(c, 'w:sdtContent') ?? c);
    else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') blocks(st, c);
  }
}

/** Reads the body of word/document.xml. */
export function readBody(document: XmlElement): RawBody {
  const st: State = { body: { paragraphs: [], tables: [], revisions: { insertions: 0, deletions: 0, moves: 0, formatting: 0 } }, fields: [], moveNames: new Set(), revisionIds: new Set(), boxes: [] };
  const body = child(document, 'w:body') ?? document;
  // Move ranges are named; count moves by name when the writer names them.
  for (const c of descendants(body, 'w:moveFromRangeStart')) if (c.attrs['w:name']) st.moveNames.add(c.attrs['w:name']);
  st.body.revisions.moves = st.moveNames.size;
  blocks(st, body);
  if (st.pending) st.body.paragraphs.push(st.pending);
  return st.body;
}
