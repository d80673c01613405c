/**
 * Writes small PDFs for tests: positioned lines of text in Helvetica, with
 * an optional (unopenable) encryption dictionary. Text is the tests' own.
 */
export interface PdfLine {
  x: number;
  y: number;
  size: number;
  text: string;
}

/** A line of text at `y` (left margin 71 unless given). */
export const at = (y: number, text: string, size = 12, x = 71): PdfLine => ({ x, y, size, text });
/** A page's footer: the running title and the page number. */
export const footer = (n: number): PdfLine[] => [at(40, 'Exampleshire inspection report', 8), at(34, String(n), 20, 513)];

function esc(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

export function makePdf(pages: PdfLine[][], options: { encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, then page/content pairs.
  let next = 4;
  const bodies: [number, string][] = [];
  for (const lines of pages) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const stream = lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td (${esc(l.text)}) Tj ET`).join('\n');
    bodies.push([pageId, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentId} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`]);
    bodies.push([contentId, `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`]);
  }
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  for (const [id, body] of bodies) objects[id] = body;
  let encryptId: number | undefined;
  if (options.encrypt) {
    encryptId = next++;
    const hex = (n: number) => Array.from({ length: 32 }, (_, k) => ((k * 37 + n) % 256).toString(16).padStart(2, '0')).join('');
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(5)}> /P -4 >>`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryptId ? ` /Encrypt ${encryptId} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
