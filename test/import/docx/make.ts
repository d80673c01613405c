/**
 * Builds Word documents for the tests from hand-written WordprocessingML,
 * zipped with jszip: exactly the parts Word writes (content types, package
 * relationships, document, styles, numbering, comments), nothing copied
 * from real documents.
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface POptions {
  style?: string;
  numId?: number | string;
  ilvl?: number;
  /** Raw XML put inside <w:pPr> after the style and numbering. */
  pPr?: string;
}

/** A paragraph of plain runs (a string is one run). */
export function p(content: string | string[], o: POptions = {}): string {
  const runs = (Array.isArray(content) ? content : [content]).map((c) => (c.startsWith('<') ? c : run(c))).join('');
  const props = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.numId !== undefined ? `<w:numPr><w:ilvl w:val="${o.ilvl ?? 0}"/><w:numId w:val="${o.numId}"/></w:numPr>` : '',
    o.pPr ?? '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

export const run = (text: string) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export const ins = (text: string, id = 100) => `<w:ins w:id="${id}" w:author="Ann Example" w:date="2024-05-01T10:00:00Z">${run(text)}</w:ins>`;
export const del = (text: string, id = 200) => `<w:del w:id="${id}" w:author="Ann Example" w:date="2024-05-01T10:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;

export function table(rows: string[][]): string {
  const tr = rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${p(c)}</w:tc>`).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>${tr}</w:tbl>`;
}

export interface LevelDef {
  ilvl: number;
  start?: number;
  fmt?: string;
  text: string;
  restart?: number;
  isLgl?: boolean;
  pStyle?: string;
}

export function abstractNum(id: number, levels: LevelDef[], extra = ''): string {
  const lvls = levels.map((l) => `<w:lvl w:ilvl="${l.ilvl}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt ?? 'decimal'}"/>${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : ''}${l.isLgl ? '<w:isLgl/>' : ''}<w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/></w:lvl>`).join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${extra}${lvls}</w:abstractNum>`;
}

export function num(id: number, abstractId: number, overrides: { ilvl: number; start: number }[] = []): string {
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides.map((o) => `<w:lvlOverride w:ilvl="${o.ilvl}"><w:startOverride w:val="${o.start}"/></w:lvlOverride>`).join('')}</w:num>`;
}

const BASE_STYLES = [
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>',
];

export interface DocOptions {
  /** <w:abstractNum> and <w:num> elements for numbering.xml (no numbering part when absent). */
  numbering?: string;
  /** Extra <w:style> elements. */
  styles?: string;
  /** <w:comment> elements for comments.xml. */
  comments?: string;
  /** Extra files to add (path → content). */
  extra?: Record<string, string | Uint8Array>;
  /** Namespace prefix for WordprocessingML (Word writes `w`; other writers choose their own). */
  prefix?: string;
}

/** Zips a document body (the XML inside <w:body>) into .docx bytes. */
export async function makeDocx(body: string, o: DocOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    o.numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '',
    o.comments ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '',
  ].join('');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  const rels = [
    `<Relationship Id="rId1" Type="${OFFICE_REL}/styles" Target="styles.xml"/>`,
    o.numbering ? `<Relationship Id="rId2" Type="${OFFICE_REL}/numbering" Target="numbering.xml"/>` : '',
    o.comments ? `<Relationship Id="rId3" Type="${OFFICE_REL}/comments" Target="comments.xml"/>` : '',
  ].join('');
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL}">${rels}</Relationships>`);
  const w = o.prefix ?? 'w';
  const rename = (xml: string) => (w === 'w' ? xml : xml.replace(/(<\/?)w:/g, `$1${w}:`).replace(/ w:/g, ` ${w}:`));
  zip.file('word/document.xml', rename(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`).replace(`xmlns:w=`, `xmlns:${w}=`));
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${BASE_STYLES.join('')}${o.styles ?? ''}</w:styles>`);
  if (o.numbering) zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${o.numbering}</w:numbering>`);
  if (o.comments) zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${o.comments}</w:comments>`);
  for (const [k, v] of Object.entries(o.extra ?? {})) zip.file(k, v);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** An ILACS title page and judgement table, as a draft in Word would start. */
export function ilacsTitlePage(): string {
  return [
    p('Inspection of Exampleton local authority children’s services', { style: 'Title' }),
    p('Inspection dates: 11 to 22 July 2022'),
    p('Lead inspector: Jane Example, His Majesty’s Inspector'),
    table([
      ['Judgement', 'Grade'],
      ['The impact of leaders on social work practice with children and families', 'Requires improvement to be good'],
      ['The experiences and progress of children who need help and protection', 'Inadequate'],
      ['The experiences and progress of children in care and care leavers', 'Requires improvement to be good'],
      ['Overall effectiveness', 'Inadequate'],
    ]),
  ].join('');
}
