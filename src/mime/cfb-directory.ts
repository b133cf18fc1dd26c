// Stream and storage names in a Compound File Binary (OLE2) file, [MS-CFB] §2.2 (header), §2.3
// (FAT), §2.6 (directory entries): how a legacy .doc/.xls/.ppt, an Outlook .msg and a
// password-protected OOXML file (an "EncryptedPackage" inside CFB, [MS-OFFCRYPTO] §2.3.4.4) are
// told apart. Read synchronously; every chain walk is bounded, as the file is hostile.

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const DIFAT_IN_HEADER = 109;
const DIR_ENTRY = 128;

function sectorOffset(sector: number, shift: number): number {
  return (sector + 1) * 2 ** shift;
}

/** FAT sector numbers from the header's DIFAT array and the DIFAT chain. */
function fatSectors(bytes: Buffer, shift: number, maxSectors: number): number[] {
  const count = bytes.readUInt32LE(0x2c);
  const sectors: number[] = [];
  for (let i = 0; i < Math.min(count, DIFAT_IN_HEADER); i++) sectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  const perSector = (1 << shift) / 4 - 1;
  for (let hops = 0; sectors.length < count && difat < END_OF_CHAIN && hops < maxSectors; hops++) {
    const base = sectorOffset(difat, shift);
    if (base + (1 << shift) > bytes.length) break;
    for (let i = 0; i < perSector && sectors.length < count; i++) sectors.push(bytes.readUInt32LE(base + i * 4));
    difat = bytes.readUInt32LE(base + perSector * 4);
  }
  return sectors;
}

function nextSector(bytes: Buffer, fat: number[], shift: number, sector: number): number {
  const perSector = (1 << shift) / 4;
  const fatSector = fat[Math.floor(sector / perSector)];
  if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN;
  const at = sectorOffset(fatSector, shift) + (sector % perSector) * 4;
  return at + 4 <= bytes.length ? bytes.readUInt32LE(at) : END_OF_CHAIN;
}

function namesInSector(bytes: Buffer, base: number, sectorSize: number, names: string[]): void {
  for (let at = base; at + DIR_ENTRY <= Math.min(bytes.length, base + sectorSize); at += DIR_ENTRY) {
    const type = bytes[at + 0x42];
    const length = bytes.readUInt16LE(at + 0x40);
    if ((type === 1 || type === 2 || type === 5) && length >= 2 && length <= 64) {
      names.push(bytes.toString('utf16le', at, at + length - 2));
    }
  }
}

/** Directory entry names (Root Entry, storages, streams); null when this is not a readable CFB header. */
export function listCfbNames(bytes: Buffer, maxEntries = 4096): string[] | null {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(CFB_SIGNATURE)) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  const fat = fatSectors(bytes, shift, maxSectors);
  const names: string[] = [];
  const seen = new Set<number>();
  let sector = bytes.readUInt32LE(0x30);
  // A truncated or damaged FAT still leaves the first directory sector readable.
  while (sector < END_OF_CHAIN && sector !== FREE_SECTOR && !seen.has(sector) && names.length < maxEntries) {
    seen.add(sector);
    const base = sectorOffset(sector, shift);
    if (base >= bytes.length) break;
    namesInSector(bytes, base, sectorSize, names);
    sector = nextSector(bytes, fat, shift, sector);
  }
  return names;
}
