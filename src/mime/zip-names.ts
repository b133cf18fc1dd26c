// Zip entry names are bytes (APPNOTE.TXT §4.4.17): UTF-8 when general purpose bit 11 (0x800) is
// set or an Info-ZIP Unicode Path extra field (0x7075, §4.6.9) matches; otherwise "the code page
// of the system that made it" — for zips from Japanese Windows that is CP932. macOS writes UTF-8
// without setting the flag, so valid UTF-8 is taken as UTF-8 before trying CP932; CP437 (the
// spec's default) is the last resort.
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

const UTF8_FLAG = 0x800;
const UNICODE_PATH_FIELD = 0x7075;

export interface ExtraField {
  id: number;
  data: Buffer;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function unicodePathField(raw: Buffer, extraFields: readonly ExtraField[]): string | null {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.length < 6 || field.data[0] !== 1) continue;
    // The field only applies while its CRC matches the name it was written for (§4.6.9).
    if (field.data.readUInt32LE(1) !== crc32(raw)) continue;
    return field.data.subarray(5).toString('utf8');
  }
  return null;
}

export function decodeEntryName(raw: Buffer, generalPurposeBitFlag: number, extraFields: readonly ExtraField[] = []): string {
  // The Unicode Path field stands in for a name written in a code page, not for a UTF-8 one.
  const unicode = generalPurposeBitFlag & UTF8_FLAG ? null : unicodePathField(raw, extraFields);
  if (unicode !== null) return unicode;
  // Valid UTF-8 is UTF-8 whether bit 11 says so or not (macOS leaves it unset); anything else is
  // read as CP932, also under a bit 11 that some writers set over CP932 bytes.
  try {
    return strictUtf8.decode(raw);
  } catch {
    const cp932 = iconv.decode(raw, 'cp932');
    return cp932.includes('\uFFFD') ? iconv.decode(raw, 'cp437') : cp932;
  }
}
