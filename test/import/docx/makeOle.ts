/**
 * A minimal OLE compound file (version 3, 512-byte sectors) holding empty
 * streams with the given names: enough to stand for a Word 97-2003 .doc
 * (`WordDocument`) or a password-protected .docx (`EncryptionInfo`,
 * `EncryptedPackage`), which the importer tells apart by these names.
 */
export function makeOle(streams: string[]): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const bytes = new Uint8Array(512 * (2 + dirSectors));
  const view = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => { bytes[i] = b; });
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // the directory starts at sector 1
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0: the FAT. Sector 0 is a FAT sector; the directory chains 1 → 2 → ... → end.
  const fat = 512;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++) view.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  entries.forEach((name, i) => {
    const off = 1024 + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(off + k * 2, name.charCodeAt(k), true);
    view.setUint16(off + 0x40, (name.length + 1) * 2, true);
    bytes[off + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
    view.setUint32(off + 0x44, 0xffffffff, true);
    view.setUint32(off + 0x48, 0xffffffff, true);
    view.setUint32(off + 0x4c, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
  });
  return bytes;
}
