// A zip writer for the hostile corpus: entries whose compressed data is produced in streaming chunks
// (gigabytes of zeros, a million sheet rows) without ever holding the uncompressed bytes, sizes that
// lie, and Unix modes (symlink entries). zip-writer.ts stays the simple writer for well-formed zips.
import { Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface RawZipEntry {
  /** Entry name bytes as stored: anything, "../" and absolute paths included. */
  name: string;
  /** Raw-deflated data (method 8), or the bytes themselves when `stored`. */
  data: Buffer;
  stored?: boolean;
  crc: number;
  /** What the headers declare, which a hostile zip need not match with its data. */
  declaredSize: number;
  /** Unix st_mode in the high 16 bits of the external attributes, as Info-ZIP writes it. */
  unixMode?: number;
}

const ZEROS_CHUNK = Buffer.alloc(1024 * 1024);
/** One MB of zeros, deflated alone and ended with a full flush so that copies can be chained. */
const DEFLATED_ZEROS_CHUNK = deflateRawSync(ZEROS_CHUNK, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
/** RFC 1951 §3.2.3: a final, empty block with fixed codes (BFINAL=1, BTYPE=01, end-of-block). */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const zerosCrc = new Map<number, number>();

/** Raw deflate (RFC 1951) of `megabytes` MB of zeros: each MB costs about 1 KB. */
export function deflatedZeros(megabytes: number): Buffer {
  return Buffer.concat([...Array.from({ length: megabytes }, () => DEFLATED_ZEROS_CHUNK), FINAL_EMPTY_BLOCK]);
}

/** A zip entry of zeros: a 2 GB bomb is about 2 MB and built in a second. */
export function zerosEntry(name: string, megabytes: number, declaredSize = megabytes * ZEROS_CHUNK.length): RawZipEntry {
  let crc = zerosCrc.get(megabytes);
  if (crc === undefined) {
    crc = 0;
    for (let i = 0; i < megabytes; i += 1) crc = crc32(ZEROS_CHUNK, crc);
    zerosCrc.set(megabytes, crc);
  }
  return { name, data: deflatedZeros(megabytes), crc, declaredSize };
}

/** Deflates chunks as they come (a generator of sheet rows), keeping only the compressed output. */
export async function streamedEntry(name: string, chunks: Iterable<Buffer>): Promise<RawZipEntry> {
  let crc = 0;
  let size = 0;
  const counted = function* () {
    for (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  };
  const out: Buffer[] = [];
  for await (const piece of Readable.from(counted()).pipe(createDeflateRaw({ level: 6 }))) out.push(piece as Buffer);
  return { name, data: Buffer.concat(out), crc, declaredSize: size };
}

export function bytesEntry(name: string, bytes: Buffer, unixMode?: number): RawZipEntry {
  const entry: RawZipEntry = { name, data: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length };
  if (unixMode !== undefined) entry.unixMode = unixMode;
  return entry;
}

export function writeRawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by: 3 = Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
