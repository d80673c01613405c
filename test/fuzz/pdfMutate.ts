import * as fc from 'fast-check';
import { makePdf, type PdfLine } from '../import/pdfMaker';
import { corpusPdfs, plainTextSeeds } from './seeds';

/** Byte-level damage to a PDF: what a broken download or a bad disk does. */
export type ByteMutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; value: number }
  | { op: 'delete' | 'duplicate' | 'zero'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'keyword'; nth: number; text: string };

const PDF_WORDS = ['obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', '%%EOF', '/Length', '/Root', '/Pages', '/Kids', '/Count',
  '/Encrypt', '/Filter /FlateDecode', '<<', '>>', '[', ']', '(', ')', 'R', '0', '-1', '99999999', '1e308', 'BT', 'ET', 'Tj', 'Tf', 'Td'];

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'zero' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PDF_WORDS), fc.string({ unit: 'binary-ascii', maxLength: 12 })) }),
  fc.record({ op: fc.constant('keyword' as const), nth: fc.nat(), text: fc.constantFrom(...PDF_WORDS) }),
);

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  const at = (x: number) => (n === 0 ? 0 : x % (n + 1));
  switch (m.op) {
    case 'truncate': return bytes.slice(0, at(m.at));
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.at % n] = m.value;
      return out;
    }
    case 'delete': {
      const a = at(m.at);
      return concat(bytes.subarray(0, a), bytes.subarray(Math.min(n, a + m.length)));
    }
    case 'duplicate': {
      const a = at(m.at);
      return concat(bytes.subarray(0, Math.min(n, a + m.length)), bytes.subarray(a));
    }
    case 'zero': {
      const out = bytes.slice();
      out.fill(0, at(m.at), Math.min(n, at(m.at) + m.length));
      return out;
    }
    case 'insert': {
      const a = at(m.at);
      return concat(bytes.subarray(0, a), Buffer.from(m.text, 'latin1'), bytes.subarray(a));
    }
    case 'keyword': {
      // Replace the nth PDF keyword or number with another.
      const s = Buffer.from(bytes).toString('latin1');
      const all = [...s.matchAll(/\/?[A-Za-z]+|\d+|<<|>>/g)];
      if (all.length === 0) return bytes;
      const hit = all[m.nth % all.length];
      const i = hit.index ?? 0;
      return new Uint8Array(Buffer.from(s.slice(0, i) + m.text + s.slice(i + hit[0].length), 'latin1'));
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Small PDFs laid out from the project's own plain-text seeds, plus a few real ones when ../shared is there. */
let cached: { name: string; bytes: Uint8Array }[] | undefined;
export function pdfSeeds(realCount = 2): { name: string; bytes: Uint8Array }[] {
  if (cached) return cached;
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const seed of plainTextSeeds().filter((s) => !s.name.startsWith('shared/')).slice(0, 4)) {
    const lines = seed.text.split('\n').map((l) => l.replace(/[^\x20-\x7e]/g, ' ').slice(0, 90)).filter((l) => l.trim());
    const pages: PdfLine[][] = [];
    for (let i = 0; i < lines.length; i += 40) {
      pages.push(lines.slice(i, i + 40).map((text, k) => ({ x: 56, y: 780 - k * 18, size: k === 0 && i === 0 ? 20 : 11, text })));
    }
    out.push({ name: `${seed.name} (as PDF)`, bytes: makePdf(pages) });
  }
  out.push({ name: 'encrypted', bytes: makePdf([[{ x: 56, y: 780, size: 11, text: 'Secret' }]], { encrypt: true }) });
  out.push(...corpusPdfs(realCount));
  cached = out;
  return out;
}
