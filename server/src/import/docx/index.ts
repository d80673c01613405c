/**
 * Imports a Word document (.docx) into the dialect. The document's own parts
 * are read (container.ts, xml.ts): the body as it reads with tracked changes
 * accepted (body.ts), the styles for headings (styles.ts), the numbering
 * definitions for the numbers Word prints (numbering.ts) and the review
 * comments (comments.ts). The paragraphs then go through the same builder
 * and renderer as a published PDF (../build.ts, ../render.ts), and the
 * Markdown is tied back to the Word paragraphs (sourceMap.ts). Never throws.
 */
import { buildReport } from '../build';
import { importGradesFor, NO_CATALOG } from '../grades';
import { TABLE_HEADER } from '../patterns';
import type { Catalog } from '../../profiles/types';
import type { ImportOptions, ImportResult, Para, TableRow } from '../types';
import { readBody, type RawTable, type Revisions } from './body';
import { commentHtml, readComments } from './comments';
import { DEFAULT_LIMITS, openDocx, type DocxLimits, type DocxPackage } from './container';
import { isOle } from './ole';
import { Numbering, numberingStyleLinks } from './numbering';
import { customProperties, knownFrontMatter } from './properties';
import { insertComments, mapLines, type SourceParagraph } from './sourceMap';
import { Styles } from './styles';

export { describeLine } from './position';
export type { SourceParagraph } from './sourceMap';

export interface DocxImportOptions extends ImportOptions {
  limits?: DocxLimits;
}

export interface DocxDetails {
  /** The document's paragraphs with text, in order (`index` is what messages print). */
  paragraphs: SourceParagraph[];
  /** For each line of the Markdown, the index into `paragraphs` it came from, or -1. */
  lineParagraph: number[];
  revisions: Revisions;
  /** How many review comments the document holds (all are kept as HTML comments). */
  comments: number;
  /** What the review left in the document (tracked changes, comments), in sentences; also among the warnings. */
  review: string[];
}

export type DocxImportResult = (Extract<ImportResult, { ok: true }> & { docx: DocxDetails }) | { ok: false; reason: string };

/** A Word file by its name (.docx, .docm, .dotx, .doc) or its first bytes (a zip, or an OLE compound file). */
export function isWordFile(name: string, bytes: Uint8Array): boolean {
  if (/\.(docx|docm|dotx|dotm|doc)$/i.test(name)) return true;
  return (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) || isOle(bytes);
}

const clean = (s: string) => s.replace(/[\t\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** A two-column table whose second column is made of grades is the judgement table. */
function judgementRows(t: RawTable, catalog: Catalog): TableRow[] | undefined {
  const rows = t.rows.map((r) => r.map(clean).filter(Boolean));
  const first = rows[0] ?? [];
  const GRADE_RE = importGradesFor(catalog).any;
  const header = TABLE_HEADER.test(first.join(' ')) || (/\b(judgements?|grades?)\b/i.test(first.join(' ')) && !GRADE_RE.test(first[first.length - 1] ?? ''));
  const body = header ? rows.slice(1) : rows;
  const graded = body.filter((r) => r.length === 2 && GRADE_RE.test(r[1]) && r[1].replace(GRADE_RE, '').replace(/[\s.]/g, '') === '');
  if (graded.length === 0 || (!header && graded.length < 2) || graded.length < body.filter((r) => r.length > 0).length) return undefined;
  return graded.map((r) => ({ name: r[0], grade: r[1] }));
}

/** The front matter an exported document records in its custom properties (properties.ts), if any. */
async function recordedFrontMatter(pkg: DocxPackage): Promise<ReturnType<typeof knownFrontMatter>> {
  const part = pkg.packageRelated('custom-properties');
  const xml = part ? await pkg.readXml(part) : undefined;
  if (!xml) return undefined;
  if (!xml.ok) return { ok: false, reason: `the document's custom properties cannot be read (${xml.reason}); the front matter is read from the title page` };
  return knownFrontMatter(customProperties(xml.root));
}

/**
 * Markdown heading levels for Word's heading styles, by the outline they make:
 * a heading is `##` unless it sits under a heading of a higher level, and one
 * `#` more for each heading it sits under (Heading 1 then Heading 2 are `##`
 * and `###`, as the exporter writes them; Heading 2s with no Heading 1 above
 * them are `##`). `Title` (0) is the title, and so is the first Heading 1 of
 * a document with no Title paragraph. Call it for each paragraph with text, in order.
 */
function headingLevels(hasTitle: boolean): (heading: number | undefined) => number | undefined {
  const open: number[] = [];
  let titleSeen = hasTitle;
  return (heading) => {
    if (heading === undefined || heading < 1) return undefined;
    if (!titleSeen && heading === 1) {
      titleSeen = true;
      return undefined;
    }
    while (open.length > 0 && open[open.length - 1] >= heading) open.pop();
    open.push(heading);
    return Math.min(6, 1 + open.length);
  };
}

/**
 * Any other table with the same number of cells in every row (two or more rows
 * and columns) and one paragraph at most in each cell: kept as a table (a
 * scrutiny report's header). Other tables (a page laid out with a table,
 * merged cells) are read as paragraphs, cell by cell.
 */
function gridRows(t: RawTable): string[][] | undefined {
  const rows = t.rows.map((r) => r.map(clean));
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 2 || t.multiParagraph || rows.some((r) => r.length !== width)) return undefined;
  return rows;
}

export async function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): Promise<DocxImportResult> {
  try {
    const { catalog } = options;
    if (!catalog) return { ok: false, reason: NO_CATALOG };
    const open = await openDocx(bytes, options.limits ?? DEFAULT_LIMITS);
    if (!open.ok) return open;
    const { pkg } = open;
    const doc = await pkg.readXml(pkg.mainPart);
    if (!doc) return { ok: false, reason: `${pkg.mainPart} is missing` };
    if (!doc.ok) return doc;
    const part = async (type: string) => {
      const p = pkg.related(type);
      return p ? pkg.readXml(p) : undefined;
    };
    const [stylesXml, numberingXml, commentsXml] = [await part('styles'), await part('numbering'), await part('comments')];
    for (const x of [stylesXml, numberingXml, commentsXml]) if (x && !x.ok) return x;
    const stylesRoot = stylesXml?.ok ? stylesXml.root : undefined;
    const styles = new Styles(stylesRoot);
    const numbering = new Numbering(numberingXml?.ok ? numberingXml.root : undefined, numberingStyleLinks(stylesRoot));
    const comments = readComments(commentsXml?.ok ? commentsXml.root : undefined);
    const body = readBody(doc.root);
    const recorded = await recordedFrontMatter(pkg);
    const levels = headingLevels(body.paragraphs.some((p) => clean(p.text) && styles.get(p.styleId).heading === 0));

    const sources: SourceParagraph[] = [];
    const paras: Para[] = [];
    const tablesDone = new Set<number>();
    const otherTables = new Set<number>();
    let orphanComments: string[] = [];
    for (const raw of body.paragraphs) {
      const style = styles.get(raw.styleId);
      const ref = raw.num === 'none' ? undefined : raw.num ?? style.num;
      const label = ref ? numbering.next(ref.numId, ref.ilvl) : undefined;
      // Line breaks inside a paragraph (a signature's name and title) stay lines of the paragraph.
      const lines = raw.text.split('\n').map(clean).filter(Boolean);
      const text = lines.join(' ');
      if (!text) {
        orphanComments.push(...raw.comments);
        continue;
      }
      const prefix = label?.fmt === 'bullet' ? '• ' : label && label.text ? `${clean(label.text)} ` : '';
      const shown = prefix + text;
      const source: SourceParagraph = { index: sources.length + 1, text: shown, comments: [...orphanComments, ...raw.comments] };
      orphanComments = [];
      sources.push(source);
      if (raw.table !== undefined) {
        if (tablesDone.has(raw.table)) continue;
        const rows = judgementRows(body.tables[raw.table], catalog);
        if (rows) {
          tablesDone.add(raw.table);
          paras.push({ lines: ['Judgement Grade'], table: rows });
          continue;
        }
        const cells = gridRows(body.tables[raw.table]);
        if (cells) {
          tablesDone.add(raw.table);
          paras.push({ lines: cells.flat().filter(Boolean), grid: cells });
          continue;
        }
        otherTables.add(raw.table);
      }
      const heading = style.heading === undefined ? undefined : style.heading <= 1 ? 1 : 2;
      paras.push({ lines: [prefix + lines[0], ...lines.slice(1)], heading, level: levels(style.heading) });
    }
    if (orphanComments.length > 0 && sources.length > 0) sources[sources.length - 1].comments.push(...orphanComments);
    if (paras.length === 0) return { ok: false, reason: 'the Word document has no text' };

    const built = buildReport(paras, catalog, recorded?.ok ? { ...options, known: recorded.known } : options);
    if (!built.ok) return built;
    if (recorded && !recorded.ok) built.warnings.unshift(recorded.reason);
    const placed = insertComments(built.markdown, mapLines(built.markdown, sources), sources, (id) => {
      const c = comments.get(id);
      return c ? commentHtml(c) : undefined;
    });
    const review: string[] = [];
    const flattened = otherTables.size === 1 ? 'a table that is not the judgement table was' : `${otherTables.size} tables that are not the judgement table were`;
    if (otherTables.size > 0) built.warnings.push(`${flattened} imported as paragraphs, cell by cell (merged cells, or cells of several paragraphs)`);
    const r = body.revisions;
    const changes = r.insertions + r.deletions + r.moves;
    if (changes + r.formatting > 0) {
      const parts = [[r.insertions, 'insertion'], [r.deletions, 'deletion'], [r.moves, 'move'], [r.formatting, 'formatting change']]
        .filter(([n]) => (n as number) > 0).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
      review.push(`the document has tracked changes (${parts.join(', ')}): imported as it reads with all of them accepted`);
    }
    if (comments.size > 0) review.push(`the document has ${comments.size} comment${comments.size === 1 ? '' : 's'}: kept as HTML comments (<!-- Word comment ... -->) after the paragraphs they were made on`);
    return {
      ...built,
      markdown: placed.text,
      warnings: [...built.warnings, ...review],
      docx: { paragraphs: sources, lineParagraph: placed.map, revisions: r, comments: comments.size, review },
    };
  } catch (e) {
    return { ok: false, reason: `the importer failed on this Word document: ${(e as Error).message}` };
  }
}
