/**
 * The one module that reads PDFs, through unpdf (pdf.js in pure JavaScript).
 * It returns positioned text items per page; layout.ts does the rest.
 * Bad input (not a PDF, encrypted, truncated) gives a reason, never a throw.
 */

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  w: number;
  /** Font size in points. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export type PdfRead =
  | { ok: true; pages: PdfPage[]; metadataDate?: string }
  | { ok: false; reason: string };

const importUnpdf = () => import('unpdf');
type Unpdf = Awaited<ReturnType<typeof importUnpdf>>;
let unpdf: ReturnType<typeof importUnpdf> | undefined;

/** unpdf is loaded on first use, so that importing text never loads pdf.js. */
function loadUnpdf(): ReturnType<typeof importUnpdf> {
  unpdf ??= importUnpdf();
  return unpdf;
}

/** Why bytes are not a PDF we can open, judged from their first bytes; undefined when they look like one. */
export function notPdfReason(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024))).toString('latin1');
  if (head.includes('%PDF-')) return undefined;
  if (/<!doctype html|<html|<head|<body/i.test(head)) return 'not a PDF: it is a web page (HTML) saved under a .pdf name';
  if (/^[\s\S]{0,3}[\x09\x0a\x0d\x20-\x7e]{40}/.test(head)) return 'not a PDF: the file is text without a PDF header (import it as a .txt file)';
  return 'not a PDF: the file does not start with a PDF header';
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string };
  const msg = err?.message ?? String(e);
  if (err?.name === 'PasswordException' || /password/i.test(msg)) return 'the PDF is encrypted (password protected) and cannot be read';
  if (err?.name === 'InvalidPDFException' || /invalid pdf|xref|startxref|trailer|unexpected end/i.test(msg)) return `the PDF is damaged or truncated (${msg})`;
  return `the PDF could not be read (${msg})`;
}

/** "D:20231025093000+01'00'" as '2023-10-25'. */
function pdfDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * pdf.js, loading some damaged files (a broken cross-reference table), leaves
 * promises rejected that nobody awaits; Node then ends the whole process (the
 * CLI, or the language server). While a PDF is being read, such rejections
 * from pdf.js are dropped: the read itself still fails or succeeds on its own.
 * Any other rejection goes on as before (thrown, unless someone else listens).
 */
let reading = 0;
function isPdfJsError(reason: unknown): boolean {
  const name = (reason as { name?: unknown })?.name;
  return typeof name === 'string' && /^(?:XRef\w*Exception|FormatError|InvalidPDFException|MissingPDFException|UnknownErrorException|PasswordException|UnexpectedResponseException|AbortException|ResponseException)$/.test(name);
}
function onStrayRejection(reason: unknown): void {
  if (isPdfJsError(reason)) return;
  if (process.listenerCount('unhandledRejection') > 1) return; // someone else handles the rest
  throw reason;
}
async function guarded<T>(f: () => Promise<T>): Promise<T> {
  if (reading++ === 0) process.on('unhandledRejection', onStrayRejection);
  try {
    return await f();
  } finally {
    // Let rejections left behind surface while the guard is still there.
    await new Promise((resolve) => setImmediate(resolve));
    if (--reading === 0) process.off('unhandledRejection', onStrayRejection);
  }
}

/** Reads every page's text items. `withMetadata` also reads the document's dates. */
export async function readPdf(bytes: Uint8Array, withMetadata = true): Promise<PdfRead> {
  const bad = notPdfReason(bytes);
  if (bad) return { ok: false, reason: bad };
  return guarded(() => readPdfDocument(bytes, withMetadata));
}

async function readPdfDocument(bytes: Uint8Array, withMetadata: boolean): Promise<PdfRead> {
  let doc: Awaited<ReturnType<Unpdf['getDocumentProxy']>> | undefined;
  try {
    const { getDocumentProxy } = await loadUnpdf();
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const view = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01) continue; // rotated text: margins and watermarks
        items.push({ str: it.str, x: e, y: f, w: it.width, size: Math.abs(d) || Math.abs(a) });
      }
      pages.push({ width: view[2] - view[0], height: view[3] - view[1], items });
      page.cleanup();
    }
    let metadataDate: string | undefined;
    if (withMetadata) {
      try {
        const meta = await doc.getMetadata();
        const info = meta.info as Record<string, unknown>;
        metadataDate = pdfDate(info.ModDate) ?? pdfDate(info.CreationDate);
      } catch {
        // metadata is optional
      }
    }
    return { ok: true, pages, metadataDate };
  } catch (e) {
    return { ok: false, reason: describe(e) };
  } finally {
    try {
      await doc?.destroy();
    } catch {
      // nothing to free
    }
  }
}

/** Bare text extraction of the same PDF (unpdf's extractText), the benchmark's baseline. */
export async function extractBareText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await loadUnpdf();
  const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  try {
    const { text } = await extractText(doc, { mergePages: true });
    return text;
  } finally {
    await doc.destroy();
  }
}
