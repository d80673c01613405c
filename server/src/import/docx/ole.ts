/**
 * Files that start D0 CF 11 E0 are OLE compound files: a Word 97-2003 .doc,
 * or a .docx that Word encrypted with a password (the zip is then inside an
 * `EncryptedPackage` stream beside `EncryptionInfo`). This reads only the
 * names in the compound file's directory, enough to tell them apart.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS = 1 << 20;

/**
 * The stream and storage names in the compound file's directory, or
 * undefined when the directory cannot be read (a truncated file).
 */
export function oleStreamNames(bytes: Uint8Array): string[] | undefined {
  if (!isOle(bytes) || bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  // Sector 0 follows the header, which fills the first sector (512 or 4096 bytes).
  const offsetOf = (n: number) => (n + 1) * size;
  const u32 = (off: number) => (off + 4 <= bytes.length ? view.getUint32(off, true) : END_OF_CHAIN);

  // The FAT sectors are listed in the header (109) and then in DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = view.getUint32(0x2c, true);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat < END_OF_CHAIN && fatSectors.length < fatCount && guard < 4096; guard++) {
    const base = offsetOf(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(base + i * 4));
    difat = u32(base + size - 4);
  }
  const next = (sector: number): number => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    return u32(offsetOf(fat) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let dir = view.getUint32(0x30, true);
  while (dir < END_OF_CHAIN && !seen.has(dir) && seen.size < MAX_SECTORS) {
    seen.add(dir);
    const base = offsetOf(dir);
    if (base + size > bytes.length) return names.length > 0 ? names : undefined;
    for (let e = 0; e < size / 128; e++) {
      const off = base + e * 128;
      const len = view.getUint16(off + 0x40, true);
      const type = bytes[off + 0x42];
      if (type === 0 || len < 2 || len > 64) continue;
      let name = '';
      for (let k = 0; k < len / 2 - 1; k++) name += String.fromCharCode(view.getUint16(off + k * 2, true));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

/** Why an OLE compound file cannot be imported, in one sentence. */
export function describeOle(bytes: Uint8Array): string {
  const names = oleStreamNames(bytes) ?? [];
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    return 'the Word document is password-protected: open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password) and save it, then import it again';
  }
  if (has('WordDocument')) {
    return 'a Word 97-2003 document (.doc), which the importer does not read: open it in Word, save it as a Word Document (.docx) and import that';
  }
  if (has('Workbook') || has('Book')) return 'an Excel 97-2003 workbook (.xls), not a Word document';
  if (has('PowerPoint Document')) return 'a PowerPoint 97-2003 presentation (.ppt), not a Word document';
  if (names.length === 0) return 'an Office 97-2003 file that cannot be read (damaged or cut short?); open it in Word and save it as .docx';
  return 'an Office 97-2003 compound file that is not a Word document';
}
