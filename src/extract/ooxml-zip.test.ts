import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { writeCfb as compoundFile } from '../../scripts/lib/cfb-writer.js';
import { zipOf } from '../../test/fixtures/ooxml/zip.js';
import { readOoxmlParts, type OoxmlParts } from './ooxml-zip.js';

const MB = 1024 * 1024;
const all = () => true;

function reasonOf(result: OoxmlParts): string {
  if (result.ok) throw new Error('expected the container to be refused');
  return result.reason;
}

/** A copy of the zip with `patch` applied at every local file header and central directory header. */
function patchHeaders(zip: Buffer, patch: (zip: Buffer, at: number, central: boolean) => void): Buffer {
  const copy = Buffer.from(zip);
  for (let i = 0; i + 4 <= copy.length; i += 1) {
    const signature = copy.readUInt32LE(i);
    if (signature === 0x04034b50) patch(copy, i, false);
    if (signature === 0x02014b50) patch(copy, i, true);
  }
  return copy;
}

describe('readOoxmlParts', () => {
  it('returns the wanted parts as text and inflates nothing else', async () => {
    const zip = zipOf({ 'a.xml': '<a>一</a>', 'b.xml': '<b/>', 'media/big.bin': new Uint8Array(5 * MB) });
    const result = await readOoxmlParts(zip, { ...DEFAULT_LIMITS, maxUncompressedBytes: MB }, (name) => name === 'a.xml');
    expect(result).toEqual({ ok: true, parts: new Map([['a.xml', '<a>一</a>']]) });
  });

  it('decodes UTF-16 parts by their byte order mark (ECMA-376 Part 2 [M1.17])', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>申請書</a>', 'utf16le')]);
    const result = await readOoxmlParts(zipOf({ 'a.xml': utf16 }), DEFAULT_LIMITS, all);
    expect(result.ok && result.parts.get('a.xml')).toBe('<a>申請書</a>');
  });

  it('stops inflating a zip bomb at INTAKE_MAX_UNCOMPRESSED_MB', async () => {
    const bomb = zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(5 * MB) }, 9);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const result = await readOoxmlParts(bomb, { ...DEFAULT_LIMITS, maxUncompressedBytes: MB }, all);
    expect(reasonOf(result)).toBe('uncompressed size exceeds INTAKE_MAX_UNCOMPRESSED_MB (1 MB)');
  });

  it('counts the total over all parts, not each part alone', async () => {
    const parts = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`p${i}.xml`, new Uint8Array(MB / 2)]));
    const result = await readOoxmlParts(zipOf(parts, 9), { ...DEFAULT_LIMITS, maxUncompressedBytes: MB }, all);
    expect(reasonOf(result)).toBe('uncompressed size exceeds INTAKE_MAX_UNCOMPRESSED_MB (1 MB)');
  });

  it('refuses an XML part over INTAKE_MAX_XML_MB', async () => {
    const result = await readOoxmlParts(zipOf({ 'word/document.xml': new Uint8Array(MB) }, 9), { ...DEFAULT_LIMITS, maxXmlBytes: MB / 2 }, all);
    expect(reasonOf(result)).toBe('XML part word/document.xml exceeds INTAKE_MAX_XML_MB (0.5 MB)');
  });

  it('does not trust a declared size smaller than what inflates', async () => {
    const honest = zipOf({ 'a.xml': new Uint8Array(MB) }, 9);
    // Uncompressed size: offset 22 in a local header, 24 in a central directory header.
    const lying = patchHeaders(honest, (zip, at, central) => zip.writeUInt32LE(100, at + (central ? 24 : 22)));
    expect(reasonOf(await readOoxmlParts(lying, DEFAULT_LIMITS, all))).toMatch(/^corrupt zip/);
  });

  it('refuses more entries than INTAKE_MAX_ZIP_ENTRIES before inflating any', async () => {
    const entries = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`e${i}.xml`, '<e/>']));
    const result = await readOoxmlParts(zipOf(entries), { ...DEFAULT_LIMITS, maxZipEntries: 20 }, all);
    expect(reasonOf(result)).toBe('zip entries (30) exceed INTAKE_MAX_ZIP_ENTRIES (20)');
  });

  it('refuses a part that declares a DTD, whatever it is used for', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    expect(reasonOf(await readOoxmlParts(zipOf({ 'a.xml': xxe }), DEFAULT_LIMITS, all))).toBe(
      'a.xml declares a DTD (<!DOCTYPE/<!ENTITY>), which OOXML forbids',
    );
  });

  it('refuses a part name that occurs twice, ignoring case (ECMA-376 Part 2 [M1.12])', async () => {
    const zip = zipOf({ 'xl/workbook.xml': '<a/>', 'XL/Workbook.xml': '<b/>' });
    expect(reasonOf(await readOoxmlParts(zip, DEFAULT_LIMITS, all))).toBe('corrupt zip (the part XL/Workbook.xml occurs twice)');
  });

  it('names an encrypted zip entry as password protection', async () => {
    const plain = zipOf({ 'a.xml': '<a/>' });
    // General purpose bit 0 (encrypted): offset 6 in a local header, 8 in a central directory header.
    const encrypted = patchHeaders(plain, (zip, at, central) => zip.writeUInt16LE(1, at + (central ? 8 : 6)));
    expect(reasonOf(await readOoxmlParts(encrypted, DEFAULT_LIMITS, all))).toBe('file is password-protected (encrypted zip entry)');
  });

  it.each([
    ['password-protected OOXML (a compound file with EncryptedPackage)', compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'file is password-protected (encrypted OOXML)'],
    ['a legacy .xls', compoundFile(['Workbook']), 'not a zip file (an OLE compound file, such as a legacy .xls or .doc)'],
    ['random bytes', Buffer.from('%PDF-1.7 this is no zip'), 'not a zip file'],
    ['an empty file', Buffer.alloc(0), 'not a zip file'],
    ['a truncated zip', zipOf({ 'a.xml': '<a>' + 'x'.repeat(4000) + '</a>' }, 0).subarray(0, 2000), 'truncated zip (its central directory is missing)'],
  ])('refuses %s', async (_what, bytes, reason) => {
    expect(reasonOf(await readOoxmlParts(bytes, DEFAULT_LIMITS, all))).toBe(reason);
  });
});
