// Top-level attachments: which parts are files, their decoded names, declared type, size and hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { attachmentPart, base64Lines, bWord, entity, euc, jis, message, multipartBody, rfc2231, sjis, utf8, type Bytes } from '../../test/fixtures/mime/build-eml.js';
import { fakeXlsx } from '../../test/fixtures/mime/build-zip.js';
import type { FoundAttachment } from './message.js';
import { parseMessage } from './parse-message.js';

const NAME = '申請書①_株式会社テスト（表示）.xlsx';

async function attachments(raw: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<FoundAttachment[]> {
  const result = await parseMessage(raw, limits);
  if (!result.ok) throw new Error(result.reason);
  return result.message.attachments;
}

const quotedRaw = (bytes: Buffer) => Buffer.concat([Buffer.from('attachment; filename="'), bytes, Buffer.from('"')]);

describe('attachment file names', () => {
  it.each<[string, { disposition?: Bytes; contentType?: Bytes }, string]>([
    ['RFC 2231 continuations in UTF-8', { disposition: `attachment;${rfc2231('filename', utf8(NAME), 'UTF-8')}` }, NAME],
    ['RFC 2231 continuations in ISO-2022-JP', { disposition: `attachment;${rfc2231('filename', jis(NAME), 'ISO-2022-JP', 4)}` }, NAME],
    ['RFC 2231 continuations in Shift_JIS', { disposition: `attachment;${rfc2231('filename', sjis(NAME), 'Shift_JIS')}` }, NAME],
    ['RFC 2047 in ISO-2022-JP, two words', { disposition: `attachment; filename="${bWord(jis('申請書①_株式会社'), 'ISO-2022-JP')}\r\n ${bWord(jis('テスト（表示）.xlsx'), 'ISO-2022-JP')}"` }, NAME],
    ['raw 8-bit Shift_JIS (0x5C trail bytes inside quotes)', { disposition: quotedRaw(sjis(NAME)) }, NAME],
    ['raw 8-bit EUC-JP', { disposition: quotedRaw(euc('申請書_株式会社テスト.xlsx')) }, '申請書_株式会社テスト.xlsx'],
    ['raw JIS escapes', { disposition: quotedRaw(jis(NAME)) }, NAME],
    ['raw UTF-8', { disposition: quotedRaw(utf8(NAME)) }, NAME],
    ['Content-Type name only, RFC 2047', { contentType: `application/vnd.ms-excel; name="${bWord(jis(NAME), 'ISO-2022-JP')}"` }, NAME],
    ['Content-Type name only, raw Shift_JIS', { contentType: Buffer.concat([Buffer.from('application/octet-stream; name="'), sjis(NAME), Buffer.from('"')]) }, NAME],
    ['a name that climbs: only its last segment is kept', { disposition: 'attachment; filename="../../Windows/申請書.xlsx"' }, '申請書.xlsx'],
    ['a Windows path, backslashes escaped as RFC 5322 quoted-pairs', { disposition: 'attachment; filename="C:\\\\Users\\\\申請書.xlsx"' }, '申請書.xlsx'],
    ['no name: a fallback from what the bytes are', { disposition: 'attachment' }, 'attachment-1.xlsx'],
  ])('%s', async (_, options, expected) => {
    const raw = message({ parts: [attachmentPart(fakeXlsx(), options)] });
    const [found, ...rest] = await attachments(raw);
    expect(rest).toEqual([]);
    expect(found?.filename).toBe(expected);
    expect(found?.format).toBe('xlsx');
  });
});

it('notes a file name that does not decode cleanly', async () => {
  const damaged = Buffer.concat([utf8('申請'), Buffer.from([0xe6, 0x9b]), utf8('書.xlsx')]);
  const result = await parseMessage(message({ parts: [attachmentPart(fakeXlsx(), { disposition: `attachment;${rfc2231('filename', damaged, 'UTF-8')}` })] }), DEFAULT_LIMITS);
  expect(result.ok && result.message.encodingProblems).toEqual([expect.stringMatching(/^申請\uFFFD書\.xlsx: ファイル名: .*U\+FFFD/)]);
});

describe('what is an attachment', () => {
  it('keeps the declared type, hashes the decoded bytes, sniffs the format', async () => {
    const bytes = fakeXlsx();
    const [found] = await attachments(message({ parts: [attachmentPart(bytes, { disposition: 'attachment; filename="form.xlsx"' })] }));
    expect(found).toEqual({
      filename: 'form.xlsx',
      contentType: 'application/octet-stream',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'xlsx',
      kind: 'xlsx',
      depth: 0,
      bytes,
    });
  });

  it('text bodies are not attachments; a text part with a file name, an attached text part and an inline image are', async () => {
    const alternative = entity(
      [['Content-Type', 'multipart/alternative; boundary=alt']],
      multipartBody('alt', [
        entity([['Content-Type', 'text/plain; charset=utf-8']], '本文'),
        entity(
          [['Content-Type', 'multipart/related; boundary=rel']],
          multipartBody('rel', [
            entity([['Content-Type', 'text/html; charset=utf-8']], '<img src="cid:logo@x">'),
            attachmentPart(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { contentType: 'image/png', disposition: 'inline', extraHeaders: [['Content-ID', '<logo@x>']] }),
          ]),
        ),
      ]),
    );
    const raw = entity(
      [['From', 'a@example.jp'], ['Content-Type', 'multipart/mixed; boundary=mix']],
      multipartBody('mix', [
        alternative,
        entity([['Content-Type', 'text/plain; charset=utf-8'], ['Content-Disposition', 'inline; filename="memo.txt"']], 'メモ'),
        entity([['Content-Type', 'text/csv'], ['Content-Disposition', 'attachment']], 'a,b'),
        entity([['Content-Type', 'text/plain'], ['Content-Disposition', 'attachment'], ['Content-Transfer-Encoding', 'base64']], base64Lines(Buffer.from('plain'))),
      ]),
    );
    const found = await attachments(raw);
    expect(found.map((a) => [a.filename, a.contentType, a.kind])).toEqual([
      ['attachment-1.png', 'image/png', 'png'],
      ['memo.txt', 'text/plain', 'text'],
      ['attachment-3.txt', 'text/csv', 'text'],
      ['attachment-4.txt', 'text/plain', 'text'],
    ]);
  });

  it('a message that is one non-text part is that attachment', async () => {
    const raw = entity([['From', 'a@example.jp'], ['Content-Type', 'application/pdf; name="a.pdf"'], ['Content-Transfer-Encoding', 'base64']], base64Lines(Buffer.from('%PDF-1.4 x')));
    expect((await attachments(raw)).map((a) => [a.filename, a.format])).toEqual([['a.pdf', 'pdf']]);
  });

  it('over INTAKE_MAX_ATTACHMENT_MB: no bytes, exact size and hash, format from the first bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50_000, 0x41)]);
    const [found] = await attachments(message({ parts: [attachmentPart(pdf, { disposition: 'attachment; filename="big.pdf"' })] }), { ...DEFAULT_LIMITS, maxAttachmentBytes: 10_000 });
    expect(found).toEqual(
      expect.objectContaining({
        filename: 'big.pdf',
        bytes: null,
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        format: 'pdf',
        problem: 'INTAKE_MAX_ATTACHMENT_MB (9.77 KB) を超えています',
      }),
    );
  });
});
