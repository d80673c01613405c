/**
 * A small, strict-enough XML reader for the parts of a Word document. It
 * builds a tree of elements with their attributes and text, resolves
 * namespace prefixes so that WordprocessingML elements are always named
 * `w:...` whatever prefix the writer chose (transitional or strict), and
 * never expands entities beyond the five predefined ones and character
 * references (no DTDs, so no "billion laughs"). Never throws: a document that
 * is not well formed gives `{ ok: false, reason }`.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Namespace URIs mapped to the prefixes the reader uses. */
const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
};

const MAX_DEPTH = 256;
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (all, dec: string, hex: string, named: string) => {
    if (named) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named];
    const code = dec ? parseInt(dec, 10) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

interface Frame {
  el: XmlElement;
  /** Prefix → namespace URI declared on this element. */
  ns?: Map<string, string>;
}

function lookup(stack: Frame[], prefix: string): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const uri = stack[i].ns?.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

function canonical(stack: Frame[], qname: string, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  if (colon < 0) {
    if (isAttr) return qname;
    const uri = lookup(stack, '');
    const p = uri ? CANONICAL[uri] : undefined;
    return p ? `${p}:${qname}` : qname;
  }
  const prefix = qname.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml') return qname;
  const uri = lookup(stack, prefix);
  const p = uri ? CANONICAL[uri] : undefined;
  return p ? `${p}:${qname.slice(colon + 1)}` : qname;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

/** Parses an XML document. `part` names it in messages. */
export function parseXml(text: string, part: string): XmlResult {
  const doc: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: Frame[] = [{ el: doc }];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return { ok: false, reason: `${part} is not well-formed XML (at character ${pos})` };
    pos = TOKEN.lastIndex;
    const tok = m[0];
    const top = stack[stack.length - 1].el;
    if (tok.charCodeAt(0) !== 60 /* < */) {
      if (stack.length > 1) top.children.push(decodeEntities(tok));
      continue;
    }
    if (tok === '<!DOCTYPE') return { ok: false, reason: `${part} has a DOCTYPE, which a Word document never has` };
    if (m[1] !== undefined) {
      if (stack.length > 1) top.children.push(m[1]);
      continue;
    }
    if (!m[3]) continue; // comment or processing instruction
    const [, , closing, qname, attrText, selfClosing] = m;
    if (closing) {
      if (stack.length <= 1) return { ok: false, reason: `${part} is not well-formed XML (unexpected </${qname}>)` };
      stack.pop();
      continue;
    }
    if (stack.length > MAX_DEPTH) return { ok: false, reason: `${part} is nested more than ${MAX_DEPTH} deep` };
    const raw: [string, string][] = [];
    let ns: Map<string, string> | undefined;
    ATTR.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR.exec(attrText))) {
      const value = decodeEntities(a[2] ?? a[3] ?? '');
      if (a[1] === 'xmlns' || a[1].startsWith('xmlns:')) (ns ??= new Map()).set(a[1] === 'xmlns' ? '' : a[1].slice(6), value);
      else raw.push([a[1], value]);
    }
    const frame: Frame = { el: { name: '', attrs: {}, children: [] }, ns };
    stack.push(frame);
    frame.el.name = canonical(stack, qname, false);
    for (const [k, v] of raw) frame.el.attrs[canonical(stack, k, true)] = v;
    top.children.push(frame.el);
    if (selfClosing) stack.pop();
  }
  if (stack.length > 1) return { ok: false, reason: `${part} is not well-formed XML (it ends inside <${stack[stack.length - 1].el.name}>)` };
  const root = doc.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) return { ok: false, reason: `${part} has no content` };
  return { ok: true, root };
}

/** The element children of a node, optionally only those with this name. */
export function kids(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (!name || c.name === name)) out.push(c);
  return out;
}

/** The first child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names: `dig(pPr, 'w:numPr', 'w:numId')`. */
export function dig(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** `w:val` of an element (the usual carrier of a property's value). */
export function val(el: XmlElement | undefined): string | undefined {
  return el?.attrs['w:val'];
}

/** All descendant elements with this name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The text of every `w:t` below a node (used for comments and simple cells). */
export function plainText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:t') s += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab') s += '\t';
    else if (c.name === 'w:del' || c.name === 'w:moveFrom') continue;
    else s += plainText(c);
  }
  return s;
}
