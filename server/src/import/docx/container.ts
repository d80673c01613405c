/**
 * Opens a .docx (a zip of XML parts) safely: tells what a file is when it is
 * not one (an old .doc, a password-protected document, an RTF, an
 * OpenDocument or Excel file, not a zip at all), refuses a part whose
 * unpacked size is over the limit (a huge embedded image, a zip bomb), and
 * reads the XML parts it needs with their unpacked size counted as they are
 * inflated, so a part whose header lies about its size is stopped too.
 */
import JSZip from 'jszip';
import { describeOle, isOle } from './ole';
import { kids, parseXml, type XmlElement } from './xml';

export interface DocxLimits {
  /** Largest unpacked size of any one part, in bytes. */
  maxPartBytes: number;
  /** Largest unpacked size of all the parts together. */
  maxTotalBytes: number;
  /** Largest number of parts. */
  maxParts: number;
}

export const DEFAULT_LIMITS: DocxLimits = { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024, maxParts: 5000 };

export interface DocxPackage {
  /** The main document part's path inside the zip (`word/document.xml` as a rule). */
  mainPart: string;
  /** Reads an XML part (a path inside the zip); undefined when the part is absent. */
  readXml(part: string): Promise<{ ok: true; root: XmlElement } | { ok: false; reason: string } | undefined>;
  /** The targets of the main part's relationships, by type suffix ('numbering', 'styles', 'comments', ...). */
  related(type: string): string | undefined;
  /** The targets of the package's own relationships, by type suffix ('custom-properties', 'core-properties', ...). */
  packageRelated(type: string): string | undefined;
}

export type OpenResult = { ok: true; pkg: DocxPackage } | { ok: false; reason: string };

const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(0)} MB` : `${Math.ceil(n / 1024)} KB`);

/** What a file that is not a zip is, from its first bytes. */
function describeNotZip(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  if (isOle(bytes)) return describeOle(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('{\\rtf')) return 'an RTF file, not a Word document (.docx): open it in Word and save it as a Word Document (.docx)';
  if (head.startsWith('%PDF-')) return 'a PDF, not a Word document (import it under a .pdf name)';
  if (/^\s*<(\?xml|w:document|pkg:package)/.test(head) && head.includes('pkg:package')) {
    return 'a Word XML document (Flat OPC, .xml), not a .docx: open it in Word and save it as a Word Document (.docx)';
  }
  if (/^\s*<(!DOCTYPE|html)/i.test(head)) return 'a web page, not a Word document';
  return 'not a Word document: a .docx is a zip file, and this file is not one';
}

/** A part's unpacked size as the zip's directory states it (JSZip keeps it on a private field). */
function statedSize(f: JSZip.JSZipObject): number | undefined {
  const data = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : undefined;
}

interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Inflates one part, stopping as soon as it passes `limit` bytes. */
function inflateBounded(f: JSZip.JSZipObject, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const finish = (r: { ok: true; bytes: Uint8Array } | { ok: false; reason: string }) => {
      if (!done) { done = true; resolve(r); }
    };
    const helper = (f as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    helper
      .on('data', (chunk) => {
        if (done) return;
        total += chunk.length;
        if (total > limit) {
          helper.pause();
          finish({ ok: false, reason: `${f.name} unpacks to more than ${size(limit)} (a zip bomb, or a damaged file); not imported` });
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => finish({ ok: false, reason: `${f.name} cannot be unpacked (${e.message}); the file is damaged` }))
      .on('end', () => {
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) { out.set(c, at); at += c.length; }
        finish({ ok: true, bytes: out });
      });
    helper.resume();
  });
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Opens a .docx. Never throws. */
export async function openDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_LIMITS): Promise<OpenResult> {
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))) {
    return { ok: false, reason: describeNotZip(bytes) };
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    return { ok: false, reason: `a damaged zip file, not a readable Word document (${(e as Error).message})` };
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxParts) return { ok: false, reason: `the zip holds ${files.length} parts, more than a Word document ever has (${limits.maxParts}); not imported` };
  let total = 0;
  for (const f of files) {
    const n = statedSize(f);
    if (n === undefined) continue;
    if (n > limits.maxPartBytes || n >= 0xffffffff) {
      const what = /^word\/media\//.test(f.name) ? 'an embedded image or file' : 'a part';
      return { ok: false, reason: `${f.name} (${what}) is ${size(n)} unpacked, over the ${size(limits.maxPartBytes)} limit for one part; not imported (make the image smaller in Word, or remove it, and save again)` };
    }
    total += n;
  }
  if (total > limits.maxTotalBytes) return { ok: false, reason: `the document unpacks to ${size(total)}, over the ${size(limits.maxTotalBytes)} limit; not imported` };

  const readXml = async (part: string) => {
    const f = zip.file(part);
    if (!f) return undefined;
    const r = await inflateBounded(f, limits.maxPartBytes);
    if (!r.ok) return r;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(r.bytes);
    } catch {
      // Parts may be UTF-16 (rare, but allowed).
      text = r.bytes[0] === 0xff || r.bytes[0] === 0xfe ? new TextDecoder('utf-16le').decode(r.bytes) : new TextDecoder('latin1').decode(r.bytes);
    }
    return parseXml(text.replace(/^\ufeff/, ''), part);
  };

  // The main part: the package's officeDocument relationship (normally word/document.xml).
  const rootRels = await readXml('_rels/.rels');
  if (rootRels && !rootRels.ok) return rootRels;
  const packageTargets = relationshipTargets(rootRels?.ok ? rootRels.root : undefined, '');
  let mainPart = packageTargets.get('officeDocument');
  if (!mainPart || !zip.file(mainPart)) mainPart = zip.file('word/document.xml') ? 'word/document.xml' : undefined;
  if (!mainPart) return { ok: false, reason: describeOtherZip(zip) };

  const rels = await readXml(relsPath(mainPart));
  const targets = relationshipTargets(rels?.ok ? rels.root : undefined, mainPart);
  return { ok: true, pkg: { mainPart, readXml, related: (type) => targets.get(type), packageRelated: (type) => packageTargets.get(type) } };
}

/** A relationships part's internal targets by type suffix (the first of each type), resolved against the part that holds them. */
function relationshipTargets(root: XmlElement | undefined, base: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const r of kids(root)) {
    if (r.attrs.TargetMode === 'External' || !r.attrs.Type || !r.attrs.Target) continue;
    const type = r.attrs.Type.slice(r.attrs.Type.lastIndexOf('/') + 1);
    if (!targets.has(type)) targets.set(type, resolveTarget(base, r.attrs.Target));
  }
  return targets;
}

/** What a zip that holds no Word document is. */
function describeOtherZip(zip: JSZip): string {
  const has = (p: string) => zip.file(p) !== null;
  if (has('xl/workbook.xml')) return 'an Excel workbook (.xlsx), not a Word document';
  if (has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx), not a Word document';
  if (has('mimetype') && has('content.xml')) return 'an OpenDocument file (.odt), not a Word document: open it and save it as a Word Document (.docx)';
  if (has('EncryptedPackage')) return 'the Word document is password-protected; remove the password in Word and import it again';
  return 'a zip file that holds no Word document (no word/document.xml)';
}
