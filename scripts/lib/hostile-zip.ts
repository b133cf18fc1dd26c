// Zip entries for the hostile corpus whose compressed data is produced in streaming chunks (gigabytes
// of zeros, a million sheet rows) without ever holding the uncompressed bytes; zip-writer.ts writes them.
import { Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-writer.js';

/** A UTF-8 named, deflated entry whose payload and CRC were computed elsewhere. */
function deflatedEntry(name: string, payload: Buffer, crc: number, declaredSize: number): ZipEntry {
  return { name: Buffer.from(name, 'utf8'), flags: 0x0800, method: 8, payload, crc, declaredSize };
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
export function zerosEntry(name: string, megabytes: number, declaredSize = megabytes * ZEROS_CHUNK.length): ZipEntry {
  let crc = zerosCrc.get(megabytes);
  if (crc === undefined) {
    crc = 0;
    for (let i = 0; i < megabytes; i += 1) crc = crc32(ZEROS_CHUNK, crc);
    zerosCrc.set(megabytes, crc);
  }
  return deflatedEntry(name, deflatedZeros(megabytes), crc, declaredSize);
}

/** Deflates chunks as they come (a generator of sheet rows), keeping only the compressed output. */
export async function streamedEntry(name: string, chunks: Iterable<Buffer>): Promise<ZipEntry> {
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
  return deflatedEntry(name, Buffer.concat(out), crc, size);
}
