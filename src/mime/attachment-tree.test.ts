// Containers: forwarded messages and zip files are listed, then what they hold, with paths.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { attachmentPart, bWord, entity, jis, message, rfc2231, sjis, utf8 } from '../../test/fixtures/mime/build-eml.js';
import { buildZip, fakeXlsx } from '../../test/fixtures/mime/build-zip.js';
import type { FoundAttachment, ParsedMessage } from './message.js';
import { parseMessage } from './parse-message.js';

const MB = 1024 * 1024;

async function parsed(raw: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<ParsedMessage> {
  const result = await parseMessage(raw, limits);
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}

/** The shape worth comparing: who is where, what it is, and why it could not be read. */
const tree = (found: readonly FoundAttachment[]) =>
  found.map((a) => ({ name: a.path ?? a.filename, filename: a.filename, kind: a.kind, depth: a.depth, read: a.bytes !== null, ...(a.problem ? { problem: a.problem } : {}) }));

const xlsxPart = (name = '申請書①.xlsx') => attachmentPart(fakeXlsx(), { disposition: `attachment;${rfc2231('filename', jis(name), 'ISO-2022-JP')}` });
const forward = (subject: string, parts: Buffer[]) => message({ subject: bWord(jis(subject), 'ISO-2022-JP'), parts });
const rfc822 = (inner: Buffer, name?: string) => attachmentPart(inner, { contentType: 'message/rfc822', ...(name ? { disposition: `attachment; filename="${name}"` } : {}) });
const zipPart = (zip: Buffer, name: string) => attachmentPart(zip, { contentType: 'application/zip', disposition: `attachment;${rfc2231('filename', utf8(name), 'UTF-8')}` });

describe('forwarded messages', () => {
  it('a message/rfc822 part is listed, named by its subject, and its .xlsx follows under it', async () => {
    const result = await parsed(message({ parts: [rfc822(forward('転送: 申請書', [xlsxPart()]))] }));
    expect(tree(result.attachments)).toEqual([
      { name: '転送_ 申請書.eml', filename: '転送_ 申請書.eml', kind: 'eml', depth: 0, read: true },
      { name: '転送_ 申請書.eml/申請書①.xlsx', filename: '申請書①.xlsx', kind: 'xlsx', depth: 1, read: true },
    ]);
    expect(result.attachments[0]?.format).toBe('eml');
    expect(result.attachments[1]?.format).toBe('xlsx');
  });

  it('a forward inside a forward', async () => {
    const inner = forward('', [xlsxPart('様式.xlsx')]);
    const outer = forward('Fw: 再送', [rfc822(inner)]);
    const result = await parsed(message({ parts: [rfc822(outer, 'outer.eml')] }));
    expect(tree(result.attachments)).toEqual([
      { name: 'outer.eml', filename: 'outer.eml', kind: 'eml', depth: 0, read: true },
      { name: 'outer.eml/forwarded.eml', filename: 'forwarded.eml', kind: 'eml', depth: 1, read: true },
      { name: 'outer.eml/forwarded.eml/様式.xlsx', filename: '様式.xlsx', kind: 'xlsx', depth: 2, read: true },
    ]);
  });

  it('an .eml sent as application/octet-stream is opened as well', async () => {
    const eml = attachmentPart(forward('申請', [xlsxPart()]), { disposition: 'attachment; filename="fw.eml"' });
    expect(tree((await parsed(message({ parts: [eml] }))).attachments).map((a) => a.name)).toEqual(['fw.eml', 'fw.eml/申請書①.xlsx']);
  });

  it('unnamed forwards get distinct names', async () => {
    const result = await parsed(message({ parts: [rfc822(forward('', [])), rfc822(forward('', []))] }));
    expect(result.attachments.map((a) => a.filename)).toEqual(['forwarded.eml', 'forwarded-2.eml']);
  });

  it('a broken forward is listed with its problem and nothing under it', async () => {
    const broken = entity([['From', 'x@example.jp'], ['Subject', 'broken'], ['Content-Type', 'multipart/mixed']], '--z\r\n\r\nlost\r\n--z--\r\n');
    expect(tree((await parsed(message({ parts: [rfc822(broken, 'broken.eml')] }))).attachments)).toEqual([
      { name: 'broken.eml', filename: 'broken.eml', kind: 'eml', depth: 0, read: true, problem: expect.stringContaining('boundary') },
    ]);
  });

  it("a forwarded message's encoding problems are reported under its name", async () => {
    const damaged = message({ subject: bWord(Buffer.concat([utf8('申請'), Buffer.from([0xe6, 0x9b]), utf8('書の提出')]), 'UTF-8') });
    const result = await parsed(message({ parts: [rfc822(damaged, 'fw.eml')] }));
    expect(result.encodingProblems).toEqual([expect.stringMatching(/^fw\.eml: Subject: .*U\+FFFD/)]);
  });
});

describe('zip files', () => {
  it('a zip is listed, then its entries: UTF-8-flagged and CP932 names, folders kept in the path', async () => {
    const zip = buildZip([
      { name: '申請書①.xlsx', data: fakeXlsx() },
      { name: sjis('添付資料/説明書（表）.pdf'), flags: 0, data: Buffer.from('%PDF-1.4') },
    ]);
    expect(tree((await parsed(message({ parts: [zipPart(zip, '提出書類.zip')] }))).attachments)).toEqual([
      { name: '提出書類.zip', filename: '提出書類.zip', kind: 'zip', depth: 0, read: true },
      { name: '提出書類.zip/申請書①.xlsx', filename: '申請書①.xlsx', kind: 'xlsx', depth: 1, read: true },
      { name: '提出書類.zip/添付資料/説明書（表）.pdf', filename: '説明書（表）.pdf', kind: 'pdf', depth: 1, read: true },
    ]);
  });

  it('a zip inside a zip, and a message inside a zip', async () => {
    const inner = buildZip([{ name: '申請書.pdf', data: Buffer.from('%PDF-1.7') }]);
    const outer = buildZip([
      { name: 'inner.zip', data: inner },
      { name: 'mail.eml', data: forward('件名', [xlsxPart()]) },
    ]);
    expect(tree((await parsed(message({ parts: [zipPart(outer, 'outer.zip')] }))).attachments).map((a) => [a.name, a.kind, a.depth])).toEqual([
      ['outer.zip', 'zip', 0],
      ['outer.zip/inner.zip', 'zip', 1],
      ['outer.zip/inner.zip/申請書.pdf', 'pdf', 2],
      ['outer.zip/mail.eml', 'eml', 1],
      ['outer.zip/mail.eml/申請書①.xlsx', 'xlsx', 2],
    ]);
  });

  it('traversal names are shown only as names', async () => {
    const zip = buildZip([
      { name: '../../etc/passwd', data: Buffer.from('root:x') },
      { name: '/abs', data: Buffer.from('a') },
      { name: 'C:\\x', data: Buffer.from('c') },
      { name: '..', data: Buffer.from('dots') },
    ]);
    const found = (await parsed(message({ parts: [zipPart(zip, 'bundle.zip')] }))).attachments.slice(1);
    expect(found.map((a) => [a.filename, a.path])).toEqual([
      ['passwd', 'bundle.zip/etc/passwd'],
      ['abs', 'bundle.zip/abs'],
      ['x', 'bundle.zip/x'],
      ['attachment-4.txt', 'bundle.zip/attachment-4.txt'],
    ]);
    for (const a of found) expect(a.path).not.toMatch(/(^|\/)\.\.(\/|$)|\\|\/\/|:/);
  });

  it('encrypted and symlink entries are listed with their problem', async () => {
    const zip = buildZip([
      { name: '申請書.xlsx', data: Buffer.alloc(40, 1), declaredSize: 28, method: 0, flags: 0x801 },
      { name: 'link', data: Buffer.from('/etc/shadow'), unixMode: 0o120777 },
    ]);
    expect(tree((await parsed(message({ parts: [zipPart(zip, 'z.zip')] }))).attachments).slice(1)).toEqual([
      { name: 'z.zip/申請書.xlsx', filename: '申請書.xlsx', kind: 'unknown', depth: 1, read: false, problem: expect.stringContaining('password-protected zip') },
      { name: 'z.zip/link', filename: 'link', kind: 'unknown', depth: 1, read: false, problem: expect.stringContaining('シンボリックリンク') },
    ]);
  });

  it('too many entries: the zip says so, the first ones are listed', async () => {
    const zip = buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(String(i)) })));
    const found = (await parsed(message({ parts: [zipPart(zip, 'many.zip')] }), { ...DEFAULT_LIMITS, maxZipEntries: 4 })).attachments;
    expect(found[0]?.problem).toBe('エントリ数が INTAKE_MAX_ZIP_ENTRIES (4) を超えています');
    expect(found).toHaveLength(5);
  });

  it('a zip bomb is stopped while inflating (5 MB of zeros, INTAKE_MAX_UNCOMPRESSED_MB 1 MB)', async () => {
    const bomb = buildZip([{ name: 'zeros.bin', data: Buffer.alloc(5 * MB) }]);
    const found = (await parsed(message({ parts: [zipPart(bomb, 'bomb.zip')] }), { ...DEFAULT_LIMITS, maxUncompressedBytes: 1 * MB })).attachments;
    expect(tree(found)).toEqual([
      { name: 'bomb.zip', filename: 'bomb.zip', kind: 'zip', depth: 0, read: true, problem: '展開サイズが INTAKE_MAX_UNCOMPRESSED_MB (1 MB) を超えています' },
      { name: 'bomb.zip/zeros.bin', filename: 'zeros.bin', kind: 'unknown', depth: 1, read: false, problem: '展開サイズが INTAKE_MAX_UNCOMPRESSED_MB (1 MB) を超えています' },
    ]);
  });
});

describe('INTAKE_MAX_NESTING_DEPTH', () => {
  const limits = { ...DEFAULT_LIMITS, maxNestingDepth: 1 };
  const tooDeep = '入れ子が INTAKE_MAX_NESTING_DEPTH (1) を超えています（開いていません）';

  it('a forward inside a forward: the inner one is listed, not opened', async () => {
    const outer = forward('外', [rfc822(forward('内', [xlsxPart()]), 'inner.eml')]);
    expect(tree((await parsed(message({ parts: [rfc822(outer, 'outer.eml')] }), limits)).attachments)).toEqual([
      { name: 'outer.eml', filename: 'outer.eml', kind: 'eml', depth: 0, read: true },
      { name: 'outer.eml/inner.eml', filename: 'inner.eml', kind: 'eml', depth: 1, read: true, problem: tooDeep },
    ]);
  });

  it('a zip inside a zip', async () => {
    const outer = buildZip([{ name: 'inner.zip', data: buildZip([{ name: 'a.pdf', data: Buffer.from('%PDF-') }]) }]);
    expect(tree((await parsed(message({ parts: [zipPart(outer, 'outer.zip')] }), limits)).attachments).map((a) => [a.name, a.problem ?? null])).toEqual([
      ['outer.zip', null],
      ['outer.zip/inner.zip', tooDeep],
    ]);
  });

  it('0 opens nothing', async () => {
    const found = (await parsed(message({ parts: [zipPart(buildZip([{ name: 'a.txt', data: Buffer.from('a') }]), 'a.zip')] }), { ...DEFAULT_LIMITS, maxNestingDepth: 0 })).attachments;
    expect(tree(found)).toEqual([{ name: 'a.zip', filename: 'a.zip', kind: 'zip', depth: 0, read: true, problem: expect.stringContaining('INTAKE_MAX_NESTING_DEPTH (0)') }]);
  });
});
