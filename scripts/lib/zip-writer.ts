// The one zip writer (APPNOTE.TXT §4.3) for samples, the hostile corpus and tests. Every header field
// comes from the entry, so the same writer makes well-formed zips (zipEntry) and hostile ones: raw
// CP932 name bytes without the UTF-8 flag (as Windows' Explorer writes them), the encryption bit,
// Unix modes (symlinks), sizes that lie, data deflated elsewhere in streaming chunks (hostile-zip.ts).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Name bytes as stored: anything, "../" and absolute paths included. */
  name: Buffer;
  /** General purpose bit flag: 0x0800 = UTF-8 name, 0x0001 = encrypted. */
  flags: number;
  /** 8 = deflate, 0 = stored. */
  method: 0 | 8;
  /** The bytes as they stand in the file: raw deflate (RFC 1951) for method 8. */
  payload: Buffer;
  crc: number;
  /** The uncompressed size the headers declare, which a hostile zip need not match with its data. */
  declaredSize: number;
  /** Unix st_mode in the high 16 bits of the external attributes, as Info-ZIP writes it. */
  unixMode?: number;
}

export interface ZipEntryOptions {
  /** Default: 0x0800 for a string name, 0 for raw name bytes. */
  flags?: number;
  method?: 0 | 8;
  unixMode?: number;
  /** Default: the data's real length. */
  declaredSize?: number;
}

/** An entry of `data`; a Buffer name is stored as given (e.g. CP932) and by default without the UTF-8 flag. */
export function zipEntry(name: string | Buffer, data: Buffer, options: ZipEntryOptions = {}): ZipEntry {
  const raw = Buffer.isBuffer(name);
  const method = options.method ?? 8;
  const entry: ZipEntry = {
    name: raw ? name : Buffer.from(name, 'utf8'),
    flags: options.flags ?? (raw ? 0 : 0x0800),
    method,
    payload: method === 8 ? deflateRawSync(data) : data,
    crc: crc32(data),
    declaredSize: options.declaredSize ?? data.length,
  };
  if (options.unixMode !== undefined) entry.unixMode = options.unixMode;
  return entry;
}

/**
 * The fields a local and a central header share, in the same order (APPNOTE.TXT 4.3.7, 4.3.12):
 * flags, method, time and date (left 0), CRC-32, compressed size, size, name length.
 */
function writeSharedFields(header: Buffer, at: number, entry: ZipEntry): void {
  header.writeUInt16LE(entry.flags, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt32LE(entry.crc >>> 0, at + 8);
  header.writeUInt32LE(entry.payload.length, at + 12);
  header.writeUInt32LE(entry.declaredSize >>> 0, at + 16);
  header.writeUInt16LE(entry.name.length, at + 20);
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    // DOS time/date stay 0 (1980-01-01): keeps generated samples byte-identical.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeSharedFields(local, 6, entry);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by: 3 = Unix
    central.writeUInt16LE(20, 6);
    writeSharedFields(central, 8, entry);
    central.writeUInt32LE(((entry.unixMode ?? 0) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, entry.name, entry.payload);
    centrals.push(central, entry.name);
    offset += local.length + entry.name.length + entry.payload.length;
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
