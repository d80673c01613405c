/**
 * Writes a laid-out report (layout.ts) as a Word document with the `docx`
 * library: the title, the labelled lines under it, the judgement table as a
 * real table, headings as Heading 1/2, numbered paragraphs with Word's own
 * numbering (restarted wherever the printed numbers jump, so each paragraph
 * prints the number it has in the Markdown), typed N.M numbers for scrutiny
 * reports, square bullets, and a footer with the title, the dates and the
 * page number. The front matter travels in a custom document property, so an
 * importer can give it back exactly. Pure: returns bytes, writes nothing.
 */
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, HeadingLevel, Packer, PageNumber, Paragraph,
  Table, TableCell, TableRow, TabStopType, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import type { Block, PrintedReport, Run } from './layout';
import { BULLETS, FONT, HANG, numberingConfig, numberingReference, PAGE, STYLES, TEXT_WIDTH, TYPED_HANG } from './docxStyles';

import { FRONT_MATTER_PROPERTY, KIND_PROPERTY } from './properties';

export { FRONT_MATTER_PROPERTY, KIND_PROPERTY };

export interface DocxInput {
  printed: PrintedReport;
  /** The front matter's YAML (between the fences), kept in the document's properties. */
  frontMatter?: string;
  /** The kind's label ('ILACS inspection report'), for the document's subject. */
  kindLabel?: string;
}

export async function buildDocx(input: DocxInput): Promise<Uint8Array> {
  const { printed } = input;
  const starts: number[] = [];
  let instance = 0;
  const children: (Paragraph | Table)[] = [];
  for (const b of printed.blocks) {
    if (b.type === 'numbered' && b.numbering === 'list' && /^\d+$/.test(b.printed)) {
      if (!b.continues || instance === 0) {
        instance++;
        starts.push(Number(b.printed));
      }
      children.push(new Paragraph({
        children: runs(b.runs),
        numbering: { reference: numberingReference(starts[starts.length - 1]), level: 0, instance },
      }));
      continue;
    }
    children.push(...blockToWord(b, printed));
  }
  const doc = new Document({
    creator: 'inspection-reports',
    title: printed.title,
    subject: input.kindLabel ?? printed.kind ?? '',
    keywords: printed.kind ?? '',
    description: 'Exported by inspection-reports from a Markdown report.',
    customProperties: [
      ...(printed.kind ? [{ name: KIND_PROPERTY, value: printed.kind }] : []),
      ...(input.frontMatter !== undefined ? [{ name: FRONT_MATTER_PROPERTY, value: input.frontMatter }] : []),
    ],
    styles: STYLES,
    numbering: numberingConfig(starts),
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: 567 } } },
      footers: { default: footer(printed) },
      children,
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function blockToWord(b: Block, printed: PrintedReport): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [new Paragraph({
        heading: HeadingLevel.TITLE,
        children: runs(b.runs, printed.letter ? { bold: true, size: 24 } : {}),
        ...(printed.letter ? { spacing: { before: 240, after: 240 } } : {}),
      })];
    case 'label':
      return [new Paragraph({ children: [new TextRun({ text: b.label, bold: true }), new TextRun(' '), ...runs(b.runs)] })];
    case 'heading':
      // `##` is Heading 1, `###` Heading 2 ... (the importer reads them back the same way).
      return [new Paragraph({ heading: HEADINGS[Math.min(HEADINGS.length, Math.max(1, b.level)) - 1], children: runs(b.runs) })];
    case 'paragraph':
      if (b.subtitle) return [new Paragraph({ children: runs(b.runs, { bold: true, size: 28 }), keepNext: true, spacing: { after: 240 } })];
      return [new Paragraph({ children: runs(b.runs), ...(b.indent ? { indent: { left: HANG * b.indent } } : {}) })];
    case 'numbered':
      // Typed numbers (scrutiny N.M, or a number the model could not read): the number, a tab, the text, hanging.
      return [new Paragraph({
        children: [new TextRun(b.printed), new TextRun({ children: ['\t'] }), ...runs(b.runs)],
        indent: { left: TYPED_HANG, hanging: TYPED_HANG },
        tabStops: [{ type: TabStopType.LEFT, position: TYPED_HANG }],
      })];
    case 'bullet':
      return [new Paragraph({ children: runs(b.runs), numbering: { reference: BULLETS, level: Math.min(b.level, 2) } })];
    case 'table':
      return [table(b), new Paragraph({ children: [], spacing: { after: 120 } })];
    case 'letterhead':
      return [
        ...(b.date ? [new Paragraph({ children: [new TextRun(b.date)], spacing: { after: 240 } })] : []),
        ...b.to.map((line, i) => new Paragraph({ children: [new TextRun(line)], spacing: { after: i === b.to.length - 1 ? 240 : 0 } })),
      ];
    case 'closing': {
      const kids: ParagraphChild[] = [];
      b.lines.forEach((line, i) => {
        if (i > 0) kids.push(new TextRun({ text: '', break: 1 }));
        kids.push(...runs(line));
      });
      const signOff = /^yours\s/i.test(b.lines[0]?.map((r) => r.text).join('') ?? '');
      return [new Paragraph({ children: kids, keepNext: true, keepLines: true, spacing: { after: signOff ? 720 : 160 } })];
    }
  }
}

function runs(list: Run[], extra: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of list) {
    if (r.break) {
      out.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    const run = new TextRun({
      text: r.text,
      bold: r.bold || extra.bold || undefined,
      italics: r.italic || undefined,
      size: extra.size,
      ...(r.code ? { font: 'Consolas' } : {}),
      ...(r.url ? { style: 'Hyperlink' } : {}),
    });
    out.push(r.url ? new ExternalHyperlink({ link: r.url, children: [run] }) : run);
  }
  return out;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(b: Extract<Block, { type: 'table' }>): Table {
  const columns = Math.max(1, b.header.length, ...b.rows.map((r) => r.length));
  // The judgement table gives the judgement more room than the grade; a two-column header table (scrutiny) the reverse.
  const first = Math.round(TEXT_WIDTH * (b.judgement ? 0.55 : 0.35));
  const widths = columns === 2 ? [first, TEXT_WIDTH - first] : Array(columns).fill(Math.floor(TEXT_WIDTH / columns));
  const cell = (content: Run[], width: number, header: boolean) => new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 100, bottom: 100, left: 110, right: 110 },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: [new Paragraph({ children: runs(content, header ? { bold: true } : {}), spacing: { after: 0 } })],
  });
  const row = (cells: Run[][], header: boolean) => new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: Array.from({ length: columns }, (_, i) => cell(cells[i] ?? [], widths[i], header)),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [...(b.header.length ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r, false))],
  });
}

/** The published footer: the title and dates in small bold type on the left, the page number large on the right. */
function footer(printed: PrintedReport): Footer {
  const small = { bold: true, size: 16, font: FONT };
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        spacing: { after: 0 },
        children: [
          new TextRun({ text: printed.title, ...small }),
          new TextRun({ children: ['\t', PageNumber.CURRENT], size: 32, font: FONT }),
        ],
      }),
      new Paragraph({ spacing: { after: 0 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: printed.dates, ...small })] }),
    ],
  });
}
