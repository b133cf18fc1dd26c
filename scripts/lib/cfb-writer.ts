// A minimal Compound File Binary ([MS-CFB], OLE2) writer for samples and tests: header, one FAT sector,
// one directory sector with up to 3 stream names — enough for the legacy .doc/.xls/.ppt/.msg and
// password-protected OOXML (CFB with EncryptionInfo/EncryptedPackage) the sniffer tells apart.
// Streams are empty: the files only have to be recognised, never opened.

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

function directoryEntry(name: string, type: 1 | 2 | 5, child = FREE, right = FREE): Buffer {
  const entry = Buffer.alloc(128);
  entry.write(name, 0, 'utf16le');
  entry.writeUInt16LE((name.length + 1) * 2, 64);
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black node
  entry.writeUInt32LE(FREE, 68); // left sibling
  entry.writeUInt32LE(right, 72);
  entry.writeUInt32LE(child, 76);
  entry.writeUInt32LE(END_OF_CHAIN, 116); // start sector
  return entry;
}

export function writeCfb(streamNames: readonly string[]): Buffer {
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 80; i < SECTOR; i += 4) header.writeUInt32LE(FREE, i);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  // Root's child is the first stream; the streams are chained as right siblings.
  const entries = [directoryEntry('Root Entry', 5, streamNames.length > 0 ? 1 : FREE)];
  streamNames.forEach((name, i) => entries.push(directoryEntry(name, 2, FREE, i + 2 <= streamNames.length ? i + 2 : FREE)));
  const directory = Buffer.alloc(SECTOR, 0);
  entries.slice(0, 4).forEach((entry, i) => entry.copy(directory, i * 128));
  return Buffer.concat([header, fat, directory]);
}
