import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { sjis } from '../../test/fixtures/mime/build-eml.js';
import { buildZip, type ZipEntrySpec } from '../../test/fixtures/mime/build-zip.js';
import { readZip, type InflateBudget } from './zip.js';
import { decodeEntryName } from './zip-names.js';

const MB = 1024 * 1024;
const budgetOf = (limits: Limits): InflateBudget => ({ bytesLeft: limits.maxUncompressedBytes, entriesLeft: limits.maxZipEntries });
const read = (entries: readonly ZipEntrySpec[], limits: Limits = DEFAULT_LIMITS) => readZip(buildZip(entries), limits, budgetOf(limits));
const data = (s: string) => Buffer.from(s);

describe('zip entry names', () => {
  it.each<[string, ZipEntrySpec, string]>([
    ['UTF-8 with bit 11 set', { name: '申請書①.xlsx' }, '申請書①.xlsx'],
    ['CP932 without the flag (Japanese Windows)', { name: sjis('申請書①_表示.xlsx'), flags: 0 }, '申請書①_表示.xlsx'],
    ['UTF-8 without the flag (macOS)', { name: Buffer.from('申請書.pdf'), flags: 0 }, '申請書.pdf'],
    ['CP932 under a bit 11 it does not deserve', { name: sjis('申請書.xlsx'), flags: 0x800 }, '申請書.xlsx'],
    ['CP437 when CP932 cannot read it', { name: Buffer.from([0x80, 0x81, 0x2e, 0x74, 0x78, 0x74]), flags: 0 }, 'Çü.txt'],
  ])('%s', async (_, spec, expected) => {
    const listing = await read([{ ...spec, data: data('x') }]);
    expect(listing.items.map((i) => i.name)).toEqual([expected]);
  });

  it('uses a matching Info-ZIP Unicode Path field (0x7075)', async () => {
    const raw = sjis('旧名.txt');
    const { crc32 } = await import('node:zlib');
    const field = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from('新名.txt')]);
    field.writeUInt32LE(crc32(raw), 1);
    expect(decodeEntryName(raw, 0, [{ id: 0x7075, data: field }])).toBe('新名.txt');
    field.writeUInt32LE(0, 1); // stale CRC: the field no longer applies
    expect(decodeEntryName(raw, 0, [{ id: 0x7075, data: field }])).toBe('旧名.txt');
    const flagged = Buffer.from('utf8名.txt');
    field.writeUInt32LE(crc32(flagged), 1);
    expect(decodeEntryName(flagged, 0x800, [{ id: 0x7075, data: field }])).toBe('utf8名.txt'); // bit 11: the name itself is Unicode
    expect(decodeEntryName(flagged, 0, [{ id: 0x7075, data: field }])).toBe('新名.txt');
  });

  it('keeps traversal names as names: the zip is read, nothing is refused or resolved', async () => {
    const listing = await read([
      { name: '../../etc/passwd', data: data('root') },
      { name: '/abs', data: data('a') },
      { name: 'C:\\x', data: data('c') },
      { name: 'a\u0000b.txt', data: data('n') },
    ]);
    expect(listing.problem).toBeUndefined();
    expect(listing.items.map((i) => [i.name, i.bytes?.toString()])).toEqual([
      ['../../etc/passwd', 'root'],
      ['/abs', 'a'],
      ['C:\\x', 'c'],
      ['a\u0000b.txt', 'n'],
    ]);
  });
});

describe('readZip', () => {
  it('reads stored and deflated entries, hashing what was inflated; skips folders', async () => {
    const body = Buffer.alloc(100_000, 'a');
    const listing = await read([{ name: 'dir/' }, { name: 'dir/a.txt', data: body }, { name: 'b.txt', data: data('b'), method: 0 }]);
    expect(listing.items.map((i) => [i.name, i.size])).toEqual([
      ['dir/a.txt', 100_000],
      ['b.txt', 1],
    ]);
    expect(listing.items[0]?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('marks encrypted entries "password-protected zip" without reading them', async () => {
    // ZipCrypto (APPNOTE §6.1): a 12-byte encryption header precedes the stored data.
    const listing = await read([{ name: 'secret.xlsx', data: Buffer.alloc(40, 7), declaredSize: 28, method: 0, flags: 0x801 }, { name: 'open.txt', data: data('ok') }]);
    expect(listing.items).toEqual([
      expect.objectContaining({ name: 'secret.xlsx', bytes: null, sha256: '', problem: expect.stringContaining('password-protected zip') }),
      expect.objectContaining({ name: 'open.txt', bytes: data('ok') }),
    ]);
  });

  it('skips symlink entries with a note', async () => {
    const listing = await read([{ name: 'link', data: data('/etc/passwd'), unixMode: 0o120777 }, { name: 'real.txt', data: data('ok'), unixMode: 0o100644 }]);
    expect(listing.items.map((i) => [i.name, i.bytes?.toString() ?? null, i.problem ?? null])).toEqual([
      ['link', null, expect.stringContaining('シンボリックリンク')],
      ['real.txt', 'ok', null],
    ]);
  });

  it('stops at INTAKE_MAX_ZIP_ENTRIES', async () => {
    const limits = { ...DEFAULT_LIMITS, maxZipEntries: 3 };
    const listing = await read(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: data(String(i)) })), limits);
    expect(listing.items).toHaveLength(3);
    expect(listing.problem).toContain('INTAKE_MAX_ZIP_ENTRIES (3)');
  });

  it('stops a zip bomb while inflating: 5 MB of zeros against INTAKE_MAX_UNCOMPRESSED_MB 1 MB', async () => {
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1 * MB };
    const bomb = buildZip([{ name: 'zeros.bin', data: Buffer.alloc(5 * MB) }, { name: 'after.txt', data: data('never read') }]);
    expect(bomb.length).toBeLessThan(20_000);
    const listing = await readZip(bomb, limits, budgetOf(limits));
    expect(listing.problem).toContain('INTAKE_MAX_UNCOMPRESSED_MB (1 MB)');
    expect(listing.items).toEqual([expect.objectContaining({ name: 'zeros.bin', bytes: null, sha256: '' })]);
    expect(listing.items[0]!.size).toBeLessThanOrEqual(1 * MB + 128 * 1024);
  });

  it('does not trust a declared size: an entry inflating past its header is stopped', async () => {
    const listing = await read([{ name: 'liar.bin', data: Buffer.alloc(3 * MB), declaredSize: 10 }]);
    expect(listing.items[0]).toEqual(expect.objectContaining({ bytes: null, problem: expect.stringContaining('壊れています') }));
  });

  it('keeps no bytes of an entry over INTAKE_MAX_ATTACHMENT_MB, but counts and hashes all of it', async () => {
    const limits = { ...DEFAULT_LIMITS, maxAttachmentBytes: 1000 };
    const body = Buffer.alloc(5000, 'x');
    const listing = await read([{ name: 'big.txt', data: body }], limits);
    expect(listing.items[0]).toEqual(
      expect.objectContaining({ bytes: null, size: 5000, sha256: createHash('sha256').update(body).digest('hex'), problem: expect.stringContaining('INTAKE_MAX_ATTACHMENT_MB (1000 bytes)') }),
    );
  });

  it('shares one budget across zips', async () => {
    const limits = { ...DEFAULT_LIMITS, maxZipEntries: 3 };
    const budget = budgetOf(limits);
    const zip = buildZip([{ name: 'a', data: data('a') }, { name: 'b', data: data('b') }]);
    expect((await readZip(zip, limits, budget)).problem).toBeUndefined();
    expect((await readZip(zip, limits, budget)).problem).toContain('INTAKE_MAX_ZIP_ENTRIES');
  });

  it('reports a damaged zip instead of throwing', async () => {
    const listing = await readZip(Buffer.from('PK\u0003\u0004 not really a zip'), DEFAULT_LIMITS, budgetOf(DEFAULT_LIMITS));
    expect(listing.items).toEqual([]);
    expect(listing.problem).toMatch(/zip/);
  });
});
