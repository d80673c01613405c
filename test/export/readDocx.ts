/**
 * A small reader of .docx files for the export tests: the body's paragraphs
 * and tables in order (style, text, the number Word prints for a numbered
 * paragraph, worked out from numbering.xml), the footer's text and the custom
 * document properties. Independent of the exporter: it reads only the XML.
 */
import JSZip from 'jszip';

export interface DocParagraph {
  type: 'p';
  style: string;
  text: string;
  /** The number Word prints ('13'), for a paragraph with automatic decimal numbering. */
  number?: string;
  /** A bulleted paragraph's level (0 at the top). */
  bulletLevel?: number;
}

export interface DocTable {
  type: 'table';
  rows: string[][];
}

export interface ReadDocx {
  body: (DocParagraph | DocTable)[];
  paragraphs: DocParagraph[];
  tables: DocTable[];
  footer: string;
  /** Whether the footer has a PAGE field. */
  footerPageNumber: boolean;
  properties: Map<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

function attr(xml: string, tag: string, name = 'w:val'): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  return m ? decode(m[1]) : undefined;
}

/** The text of a paragraph's runs: w:t, tabs as '\t', breaks as '\n'. */
export function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br\s[^>]*\/>/g)) {
    if (m[0].startsWith('<w:tab')) out += '\t';
    else if (m[0].startsWith('<w:br')) out += '\n';
    else out += decode(m[1]);
  }
  return out;
}

interface Level { format: string; start: number }

function readNumbering(xml: string): Map<string, Level> {
  const abstract = new Map<string, Level>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const lvl0 = /<w:lvl\b[^>]*w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(m[2])?.[1] ?? '';
    abstract.set(m[1], { format: attr(lvl0, 'w:numFmt') ?? 'decimal', start: Number(attr(lvl0, 'w:start') ?? 1) });
  }
  const nums = new Map<string, Level>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const base = abstract.get(attr(m[2], 'w:abstractNumId') ?? '') ?? { format: 'decimal', start: 1 };
    const override = attr(m[2], 'w:startOverride');
    nums.set(m[1], { format: base.format, start: override !== undefined ? Number(override) : base.start });
  }
  return nums;
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const get = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await get('word/document.xml');
  const nums = readNumbering(await get('word/numbering.xml'));
  const counters = new Map<string, number>();
  const readP = (xml: string): DocParagraph => {
    const p: DocParagraph = { type: 'p', style: attr(xml, 'w:pStyle') ?? '', text: paragraphText(xml) };
    const numId = attr(xml, 'w:numId');
    if (numId !== undefined) {
      const level = Number(attr(xml, 'w:ilvl') ?? 0);
      const def = nums.get(numId);
      if (def?.format === 'bullet') p.bulletLevel = level;
      else if (def && level === 0) {
        const n = counters.has(numId) ? counters.get(numId)! + 1 : def.start;
        counters.set(numId, n);
        p.number = String(n);
      }
    }
    return p;
  };
  const body: (DocParagraph | DocTable)[] = [];
  const inner = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
  for (const m of inner.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/w:p>)/g)) {
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1].matchAll(/<w:tc\b[^>]*>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphText(c[1]).trim()));
      body.push({ type: 'table', rows });
    } else body.push(readP(m[0]));
  }
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(get));
  const properties = new Map<string, string>();
  for (const m of (await get('docProps/custom.xml')).matchAll(/<property\b[^>]*\sname="([^"]*)"[^>]*>\s*<vt:\w+>([\s\S]*?)<\/vt:\w+>/g)) {
    properties.set(decode(m[1]), decode(m[2]));
  }
  return {
    body,
    paragraphs: body.filter((b): b is DocParagraph => b.type === 'p'),
    tables: body.filter((b): b is DocTable => b.type === 'table'),
    footer: footers.map(paragraphText).join('\n'),
    footerPageNumber: footers.some((f) => /PAGE/.test(f)),
    properties,
  };
}
