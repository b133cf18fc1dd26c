// The names in a zip's central directory (APPNOTE.TXT §4.3.12–4.3.16), read synchronously and
// without inflating anything: enough for sniff.ts to tell xlsx from docx from a plain zip.
// Names are read as latin1: only ASCII part names ([Content_Types].xml, xl/…) are compared.

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

function findEocd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function directoryOf(bytes: Buffer, eocd: number): { offset: number; count: number } | null {
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) return null;
    count = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  return { offset, count };
}

/** Entry names, at most `maxNames`; null when there is no readable central directory. */
export function listZipNames(bytes: Buffer, maxNames = 10_000): string[] | null {
  if (bytes.length < 22) return null;
  const eocd = findEocd(bytes);
  if (eocd < 0) return null;
  const directory = directoryOf(bytes, eocd);
  if (!directory) return null;
  const names: string[] = [];
  let pos = directory.offset;
  for (let i = 0; i < Math.min(directory.count, maxNames); i++) {
    if (pos + 46 > bytes.length || bytes.readUInt32LE(pos) !== CENTRAL_HEADER) break;
    const nameLength = bytes.readUInt16LE(pos + 28);
    const extraLength = bytes.readUInt16LE(pos + 30);
    const commentLength = bytes.readUInt16LE(pos + 32);
    names.push(bytes.toString('latin1', pos + 46, Math.min(bytes.length, pos + 46 + nameLength)));
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The content of a first, stored entry named "mimetype" (ODF §3.3 puts it there), else null. */
export function storedMimetype(bytes: Buffer): string | null {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL_HEADER || bytes.readUInt16LE(8) !== 0) return null;
  const size = bytes.readUInt32LE(18);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (bytes.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  return bytes.toString('latin1', start, Math.min(bytes.length, start + Math.min(size, 200)));
}
