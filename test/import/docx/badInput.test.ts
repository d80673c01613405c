/**
 * Bad input to the Word importer: one clear message each, and nothing
 * written. Not a zip, a zip that is no Word document, a password-protected
 * document, a .doc from before 2007, a damaged zip, a huge embedded image,
 * and a zip bomb whose header understates its size.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { runImport } from '../../../server/src/cli/import';
import type { Io } from '../../../server/src/cli/main';
import { importDocx } from '../../../server/src/import/docx/index';
import { oleStreamNames } from '../../../server/src/import/docx/ole';
import { ilacsTitlePage, makeDocx, p } from './make';
import { makeOle } from './makeOle';
import { catalog } from '../../helpers/data';

async function reason(bytes: Uint8Array, limits?: { maxPartBytes: number; maxTotalBytes: number; maxParts: number }): Promise<string> {
  const r = await importDocx(bytes, { catalog, sourceName: 'draft.docx', limits });
  assert.ok(!r.ok, 'should have been refused');
  return r.reason;
}

/** Rewrites the unpacked size a zip states for one entry (local header and central directory). */
function statedSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const target = new TextEncoder().encode(name);
  const matches = (at: number) => target.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === target.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === target.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('import: bad Word input', () => {
  it('refuses a file that is not a zip', async () => {
    assert.strictEqual(await reason(new TextEncoder().encode('Dear Colin,\nThis is text.\n')), 'not a Word document: a .docx is a zip file, and this file is not one');
    assert.strictEqual(await reason(new Uint8Array(0)), 'the file is empty');
    assert.match(await reason(new TextEncoder().encode('{\\rtf1\\ansi Hello}')), /^an RTF file, not a Word document/);
  });

  it('refuses a zip that holds no Word document, naming what it is', async () => {
    const other = new JSZip();
    other.file('notes.txt', 'hello');
    assert.strictEqual(await reason(await other.generateAsync({ type: 'uint8array' })), 'a zip file that holds no Word document (no word/document.xml)');
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    assert.strictEqual(await reason(await xlsx.generateAsync({ type: 'uint8array' })), 'an Excel workbook (.xlsx), not a Word document');
  });

  it('refuses a password-protected document and an old .doc, telling them apart', async () => {
    const encrypted = makeOle(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    assert.deepStrictEqual(oleStreamNames(encrypted), ['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    assert.match(await reason(encrypted), /^the Word document is password-protected: open it in Word, remove the password/);
    const doc = makeOle(['WordDocument', '1Table', '\u0005SummaryInformation', 'CompObj', 'Data']);
    assert.match(await reason(doc), /^a Word 97-2003 document \(\.doc\), which the importer does not read: open it in Word, save it as a Word Document \(\.docx\)/);
    assert.match(await reason(makeOle(['Workbook'])), /^an Excel 97-2003 workbook/);
    assert.match(await reason(doc.subarray(0, 300)), /^an Office 97-2003 file that cannot be read/);
  });

  it('refuses a damaged zip and a document whose XML is broken', async () => {
    const good = await makeDocx(p('Hello.'));
    assert.match(await reason(good.subarray(0, good.length - 30)), /^a damaged zip file/);
    const broken = new JSZip();
    broken.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>');
    assert.match(await reason(await broken.generateAsync({ type: 'uint8array' })), /^word\/document\.xml is not well-formed XML/);
  });

  it('refuses a huge embedded image by its stated size, before unpacking anything', async () => {
    const docx = await makeDocx(ilacsTitlePage(), { extra: { 'word/media/image1.png': new Uint8Array(1024) } });
    assert.strictEqual(await reason(statedSize(docx, 'word/media/image1.png', 300 * 1024 * 1024)),
      'word/media/image1.png (an embedded image or file) is 300 MB unpacked, over the 64 MB limit for one part; not imported (make the image smaller in Word, or remove it, and save again)');
    // And a real one, against a lower limit.
    const real = await makeDocx(ilacsTitlePage(), { extra: { 'word/media/image1.png': new Uint8Array(3 * 1024 * 1024) } });
    assert.match(await reason(real, { maxPartBytes: 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024, maxParts: 100 }), /^word\/media\/image1\.png \(an embedded image or file\) is 3 MB unpacked, over the 1 MB limit/);
  });

  it('stops unpacking a part whose header understates its size (a zip bomb)', async () => {
    const padding = ' '.repeat(3 * 1024 * 1024);
    const bomb = statedSize(await makeDocx(p('Hello.') + `<!--${padding}-->`), 'word/document.xml', 1000);
    assert.strictEqual(await reason(bomb, { maxPartBytes: 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024, maxParts: 100 }),
      'word/document.xml unpacks to more than 1 MB (a zip bomb, or a damaged file); not imported');
  });

  it('writes nothing for any of them from the command line, one message each', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-bad-'));
    try {
      fs.writeFileSync(path.join(dir, 'old.doc'), makeOle(['WordDocument', '1Table']));
      fs.writeFileSync(path.join(dir, 'locked.docx'), makeOle(['EncryptionInfo', 'EncryptedPackage']));
      fs.writeFileSync(path.join(dir, 'text.docx'), 'plain text');
      const errs: string[] = [];
      const io: Io = { cwd: dir, out: () => undefined, err: (s) => errs.push(s) };
      assert.strictEqual(await runImport(['old.doc', 'locked.docx', 'text.docx', '--out', 'history'], io), 1);
      assert.deepStrictEqual(errs.map((e) => e.slice(0, e.indexOf(':', e.indexOf('cannot import') + 14))), [
        'old.doc: cannot import: a Word 97-2003 document (.doc), which the importer does not read',
        'locked.docx: cannot import: the Word document is password-protected',
        'text.docx: cannot import: not a Word document',
      ]);
      assert.ok(!fs.existsSync(path.join(dir, 'history')), 'nothing written');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
