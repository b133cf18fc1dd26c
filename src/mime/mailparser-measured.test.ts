// What mailparser 3.14 does with the inputs this stage fixes, measured rather than assumed. These
// pin the reasons for our own decoding: if one starts failing after an upgrade, mailparser changed
// and the matching workaround (named in each test) may be revisited.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { attachmentPart, entity, jis, message, rfc2231, sjis } from '../../test/fixtures/mime/build-eml.js';
import { fakeXlsx } from '../../test/fixtures/mime/build-zip.js';

describe('mailparser 3.14, measured', () => {
  it('reads a raw Shift_JIS Subject as UTF-8: U+FFFD (→ message-headers.ts decodes raw bytes)', async () => {
    expect((await simpleParser(entity([['Subject', sjis('申請書')]], 'x'))).subject).toContain('\uFFFD');
  });

  it('leaves an unlabelled JIS Subject as escapes (→ charset.ts decodes them)', async () => {
    expect((await simpleParser(entity([['Subject', jis('申請書')]], 'x'))).subject).toContain('\x1b$B');
  });

  it('loses the address of a raw JIS From: (→ decoded before address parsing)', async () => {
    const parsed = await simpleParser(entity([['From', Buffer.concat([jis('山田太郎'), Buffer.from(' <taro@example.jp>')])]], 'x'));
    expect(parsed.from?.value[0]?.address).not.toBe('taro@example.jp');
  });

  it('turns an unreadable Date: into the time of parsing (→ arrival.ts returns null)', async () => {
    const before = Date.now();
    const parsed = await simpleParser(entity([['Date', 'not a date']], 'x'));
    expect(parsed.date?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('returns no text and no attachments for a multipart without its boundary (→ structure-scan.ts refuses it)', async () => {
    const parsed = await simpleParser(entity([['Content-Type', 'multipart/mixed']], '--x\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n'));
    expect([parsed.text ?? '', parsed.attachments.length]).toEqual(['', 0]);
  });

  it('mangles a raw Shift_JIS file name (→ mail-parts.ts re-decodes the raw header)', async () => {
    const disposition = Buffer.concat([Buffer.from('attachment; filename="'), sjis('申請書.xlsx'), Buffer.from('"')]);
    const parsed = await simpleParser(message({ parts: [attachmentPart(fakeXlsx(), { disposition })] }));
    expect(parsed.attachments[0]?.filename).not.toBe('申請書.xlsx');
  });

  it('folds a text/plain part with a file name into the body (→ mail-parts.ts takes every leaf part)', async () => {
    const parsed = await simpleParser(message({ parts: [entity([['Content-Type', 'text/plain'], ['Content-Disposition', 'inline; filename="memo.txt"']], 'memo')] }));
    expect(parsed.attachments).toEqual([]);
  });

  it('gets RFC 2231 ISO-2022-JP continuations right (trusted for ASCII headers)', async () => {
    const parsed = await simpleParser(message({ parts: [attachmentPart(fakeXlsx(), { disposition: `attachment;${rfc2231('filename', jis('申請書①㈱.xlsx'), 'ISO-2022-JP', 4)}` })] }));
    expect(parsed.attachments[0]?.filename).toBe('申請書①㈱.xlsx');
  });
});
