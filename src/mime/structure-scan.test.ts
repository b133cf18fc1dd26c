import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { attachmentPart, entity, message, multipartBody, textPart } from '../../test/fixtures/mime/build-eml.js';
import { scanStructure } from './structure-scan.js';

const limits = { ...DEFAULT_LIMITS, maxMimeParts: 10, maxHeaderBytes: 4096 };
const mixed = (boundary: string, parts: Buffer[]) => entity([['From', 'a@example.jp'], ['Content-Type', `multipart/mixed; boundary="${boundary}"`]], multipartBody(boundary, parts));
const parts = (n: number) => Array.from({ length: n }, (_, i) => attachmentPart(Buffer.from(`part ${i}`)));

describe('scanStructure', () => {
  it.each<[string, Buffer, number]>([
    ['a single-part message', entity([['From', 'a@example.jp'], ['Subject', 'x']], 'hello'), 1],
    ['multipart/mixed of text + 2 attachments', message({ parts: parts(2) }), 4],
    ['nested multipart/alternative', mixed('outer', [entity([['Content-Type', 'multipart/alternative; boundary=inner']], multipartBody('inner', [textPart(), textPart()])), ...parts(1)]), 5],
    ['delimiter lines with trailing white space (RFC 2046 §5.1.1)', Buffer.from(mixed('b', parts(2)).toString('latin1').replace(/^--b$/gm, '--b \t'), 'latin1'), 3],
    ['exactly INTAKE_MAX_MIME_PARTS parts', message({ parts: parts(8) }), 10],
  ])('%s', (_, raw, count) => {
    expect(scanStructure(raw, limits)).toEqual({ ok: true, parts: count });
  });

  it.each<[string, Buffer, string]>([
    ['one part over INTAKE_MAX_MIME_PARTS', message({ parts: parts(9) }), 'INTAKE_MAX_MIME_PARTS (10)'],
    ['thousands of empty parts', mixed('e', Array.from({ length: 5000 }, () => Buffer.from('\r\n'))), 'INTAKE_MAX_MIME_PARTS'],
    ['a message header block over INTAKE_MAX_HEADER_KB', entity([['From', 'a@example.jp'], ['X-Junk', 'a'.repeat(5000)]], 'x'), 'INTAKE_MAX_HEADER_KB (4 KB)'],
    ['a part header block over INTAKE_MAX_HEADER_KB', message({ parts: [attachmentPart(Buffer.from('x'), { extraHeaders: [['X-Junk', 'j'.repeat(5000)]] })] }), 'INTAKE_MAX_HEADER_KB (4 KB)'],
    ['multipart without a boundary', entity([['From', 'a@example.jp'], ['Content-Type', 'multipart/mixed']], '--x\r\n\r\nhi\r\n--x--\r\n'), 'boundary'],
    ['a boundary that never appears', entity([['From', 'a@example.jp'], ['Content-Type', 'multipart/mixed; boundary=Y']], '--X\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--X--\r\n'), 'boundary'],
    ['a nested multipart whose boundary never appears', mixed('o', [entity([['Content-Type', 'multipart/related; boundary=gone']], 'no delimiters here')]), 'boundary "gone"'],
    ['no header block at all', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 53 + 7) % 256)), 'ヘッダー'],
    ['an empty message', Buffer.alloc(0), 'ヘッダー'],
  ])('refuses %s', (_, raw, reason) => {
    const verdict = scanStructure(raw, limits);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });
});
