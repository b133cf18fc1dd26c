// The message's own metadata, limits on the message as a whole, and messages that cannot be read.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { attachmentPart, bWord, entity, euc, jis, message, multipartBody, qWord, sjis, utf8, type Bytes, type Header } from '../../test/fixtures/mime/build-eml.js';
import type { MimeResult, ParsedMessage } from './message.js';
import { parseMessage } from './parse-message.js';

const SUBJECT = '申請書①㈱の提出（株式会社テスト）';

async function parsed(raw: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<ParsedMessage> {
  const result = await parseMessage(raw, limits);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.message;
}

async function refused(raw: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<Extract<MimeResult, { ok: false }>> {
  const result = await parseMessage(raw, limits);
  if (result.ok) throw new Error('expected ok:false');
  return result;
}

function splitJisWords(text: string, at: number): string {
  const bytes = jis(text);
  return `${bWord(bytes.subarray(0, at), 'ISO-2022-JP')}\r\n ${bWord(bytes.subarray(at), 'ISO-2022-JP')}`;
}

describe('Subject', () => {
  it.each<[string, Bytes, string]>([
    ['ISO-2022-JP B-encoded with ① and ㈱', bWord(jis(SUBJECT), 'ISO-2022-JP'), SUBJECT],
    ['ISO-2022-JP split across two adjacent encoded-words mid-character', splitJisWords(SUBJECT, 9), SUBJECT],
    ['Shift_JIS B', bWord(sjis(SUBJECT), 'Shift_JIS'), SUBJECT],
    ['Shift_JIS Q', qWord(sjis(SUBJECT), 'Shift_JIS'), SUBJECT],
    ['EUC-JP B', bWord(euc('申請書の提出'), 'EUC-JP'), '申請書の提出'],
    ['UTF-8 B', bWord(utf8(SUBJECT), 'UTF-8'), SUBJECT],
    ['unlabelled raw JIS (no encoded-word)', jis(SUBJECT), SUBJECT],
    ['raw 8-bit Shift_JIS', sjis(SUBJECT), SUBJECT],
    ['raw 8-bit EUC-JP', euc('申請書の提出'), '申請書の提出'],
    ['raw UTF-8 (RFC 6532)', utf8(SUBJECT), SUBJECT],
    ['mixed plain text and a word', `Fwd: ${bWord(jis('申請書'), 'ISO-2022-JP')} 再送`, 'Fwd: 申請書 再送'],
  ])('%s', async (_, subject, expected) => {
    const result = await parsed(message({ subject }));
    expect(result.subject).toBe(expected);
    expect(result.encodingProblems).toEqual([]);
  });

  it("is '' when absent", async () => {
    expect((await parsed(message())).subject).toBe('');
  });
});

describe('From, Message-ID', () => {
  it.each<[string, Bytes, string, string | null]>([
    ['RFC 2047 display name', `${bWord(jis('山田 太郎'), 'ISO-2022-JP')} <Taro.Yamada@Example.JP>`, 'taro.yamada@example.jp', '山田 太郎'],
    ['raw Shift_JIS display name', Buffer.concat([sjis('山田太郎'), Buffer.from(' <taro@example.jp>')]), 'taro@example.jp', '山田太郎'],
    ['raw JIS display name (its bytes hold "<" and ",")', Buffer.concat([jis('山田太郎、申請担当'), Buffer.from(' <taro@example.jp>')]), 'taro@example.jp', '山田太郎、申請担当'],
    ['quoted name', '"Yamada, Taro" <TARO@example.jp>', 'taro@example.jp', 'Yamada, Taro'],
    ['bare address', 'Taro@Example.JP', 'taro@example.jp', null],
    ['group syntax', 'Applicants: Taro <taro@example.jp>;', 'taro@example.jp', 'Taro'],
  ])('%s', async (_, from, address, name) => {
    const result = await parsed(message({ headers: [['From', from]] }));
    expect([result.from, result.fromName]).toEqual([address, name]);
  });

  it.each<[Header[], string | null]>([
    [[['Message-ID', '<abc.123@example.jp>']], '<abc.123@example.jp>'],
    [[['Message-ID', '  <abc@example.jp> (added by relay)']], '<abc@example.jp>'],
    [[['Message-ID', 'bare-id@example.jp']], '<bare-id@example.jp>'],
    [[['Message-ID', '']], null],
  ])('Message-ID %j', async (headers, expected) => {
    expect((await parsed(message({ headers }))).messageId).toBe(expected);
  });

  it('without Message-ID or From', async () => {
    const raw = entity([['Subject', 'x']], 'hello');
    expect(await parsed(raw)).toEqual(expect.objectContaining({ messageId: null, from: '', fromName: null, date: null, receivedDate: null, attachments: [] }));
  });
});

describe('line ends and envelopes', () => {
  it.each<[string, (raw: Buffer) => Buffer]>([
    ['LF only', (raw) => Buffer.from(raw.toString('latin1').replace(/\r\n/g, '\n'), 'latin1')],
    ['an mbox "From " line first', (raw) => Buffer.concat([Buffer.from('From applicant@example.jp Thu Oct  5 10:15:30 2023\r\n'), raw])],
  ])('%s', async (_, transform) => {
    const raw = transform(message({ subject: bWord(jis(SUBJECT), 'ISO-2022-JP'), parts: [attachmentPart(Buffer.from('%PDF-1.4'), { disposition: 'attachment; filename="a.pdf"' })] }));
    const result = await parsed(raw);
    expect([result.subject, result.messageId, result.attachments.map((a) => [a.filename, a.kind])]).toEqual([SUBJECT, '<msg-1@example.jp>', [['a.pdf', 'pdf']]]);
  });
});

describe('dates', () => {
  it('receivedDate is the topmost Received:, date the Date: header', async () => {
    const raw = message({
      headers: [
        ['Received', 'from relay by mx.survey.example.go.jp; Thu, 12 Oct 2023 00:00:05 +0900 (JST)'],
        ['Received', 'from pc by relay; Wed, 11 Oct 2023 23:59:58 +0900'],
        ['Date', 'Wed, 11 Oct 2023 23:50:00 +0900'],
      ],
    });
    const result = await parsed(raw);
    expect(result.receivedDate?.toISOString()).toBe('2023-10-11T15:00:05.000Z');
    expect(result.date?.toISOString()).toBe('2023-10-11T14:50:00.000Z');
  });

  it('an unreadable Date: is null, not "now" (what mailparser makes of it)', async () => {
    expect((await parsed(message({ headers: [['Date', 'someday soon']] }))).date).toBeNull();
  });
});

describe('encodingProblems', () => {
  it('notes U+FFFD left in a Subject', async () => {
    const damaged = Buffer.concat([utf8('申請'), Buffer.from([0xe6, 0x9b]), utf8('書の提出')]);
    const result = await parsed(message({ subject: bWord(damaged, 'UTF-8') }));
    expect(result.subject).toBe('申請\uFFFD書の提出');
    expect(result.encodingProblems).toEqual([expect.stringMatching(/^Subject: .*U\+FFFD/)]);
  });

  it('decodes an unlabelled JIS body without complaint, but notes a damaged one', async () => {
    const unlabelled = entity([['From', 'a@example.jp'], ['Content-Type', 'text/plain']], jis('申請書を送ります'));
    expect((await parsed(unlabelled)).encodingProblems).toEqual([]);
    const damaged = entity([['From', 'a@example.jp'], ['Content-Type', 'text/plain; charset=utf-8']], Buffer.concat([utf8('申請書を'), Buffer.from([0xe9, 0x80]), utf8('送ります')]));
    expect((await parsed(damaged)).encodingProblems).toEqual([expect.stringMatching(/^本文: .*U\+FFFD/)]);
  });
});

describe('unreadable messages keep what the headers tell', () => {
  const headers: Header[] = [
    ['Received', 'from relay by mx; Tue, 10 Oct 2023 18:00:00 +0900'],
    ['From', `${bWord(jis('山田'), 'ISO-2022-JP')} <Taro@Example.JP>`],
    ['Subject', bWord(jis('申請書'), 'ISO-2022-JP')],
    ['Message-ID', '<broken@example.jp>'],
    ['Date', 'Tue, 10 Oct 2023 17:59:00 +0900'],
  ];
  const expectedHeaders = {
    messageId: '<broken@example.jp>',
    from: 'taro@example.jp',
    fromName: '山田',
    subject: '申請書',
    date: new Date('2023-10-10T08:59:00Z'),
    receivedDate: new Date('2023-10-10T09:00:00Z'),
  };

  it('a multipart whose boundary is missing (mailparser returns nothing at all for it)', async () => {
    const raw = entity([...headers, ['Content-Type', 'multipart/mixed']], '--x\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n');
    const result = await refused(raw);
    expect(result.headers).toEqual(expectedHeaders);
    expect(result.reason).toContain('boundary');
  });

  it('over INTAKE_MAX_MESSAGE_MB: not parsed, headers only', async () => {
    const raw = message({ headers, parts: [attachmentPart(Buffer.alloc(30_000, 1))] });
    const result = await refused(raw, { ...DEFAULT_LIMITS, maxMessageBytes: 20_000 });
    expect(result.reason).toBe('メッセージが INTAKE_MAX_MESSAGE_MB (19.53 KB) を超えています');
    expect(result.headers).toEqual(expectedHeaders);
  });

  it('over INTAKE_MAX_MIME_PARTS', async () => {
    const raw = message({ headers, parts: Array.from({ length: 30 }, () => attachmentPart(Buffer.from('x'))) });
    const result = await refused(raw, { ...DEFAULT_LIMITS, maxMimeParts: 20 });
    expect(result.reason).toContain('INTAKE_MAX_MIME_PARTS (20)');
    expect(result.headers.subject).toBe('申請書');
  });

  it('a header block over INTAKE_MAX_HEADER_KB: the fields before the limit are still read', async () => {
    const raw = entity([...headers, ...Array.from({ length: 400 }, (_, i): Header => [`X-Trace-${i}`, 'x'.repeat(60)])], 'body');
    const result = await refused(raw, { ...DEFAULT_LIMITS, maxHeaderBytes: 8 * 1024 });
    expect(result.reason).toContain('INTAKE_MAX_HEADER_KB (8 KB)');
    expect(result.headers).toEqual(expectedHeaders);
  });

  it('the parser itself refusing (many tiny part header lines count more than their bytes)', async () => {
    const junk = Array.from({ length: 200 }, (_, i): Header => [`X-${i}`, 'y']);
    const raw = message({ headers, parts: [attachmentPart(Buffer.from('x'), { extraHeaders: junk })] });
    const result = await refused(raw, { ...DEFAULT_LIMITS, maxHeaderBytes: 4 * 1024 });
    // Not the pre-scan's "パートのヘッダーが…": the bytes are within the limit, mailparser's cost is not.
    expect(result.reason).toBe('ヘッダーが INTAKE_MAX_HEADER_KB (4 KB) を超えています');
    expect(result.headers.messageId).toBe('<broken@example.jp>');
  });

  it.each<[string, Buffer]>([
    ['binary junk', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 131 + 17) % 256))],
    ['nothing at all', Buffer.alloc(0)],
  ])('%s', async (_, raw) => {
    const result = await refused(raw);
    expect(result.headers).toEqual({ messageId: null, from: '', fromName: null, subject: '', date: null, receivedDate: null });
  });

  it('a nested multipart whose boundary is lost', async () => {
    const body = multipartBody('outer', [entity([['Content-Type', 'multipart/related; boundary="lost"']], 'nothing')]);
    expect((await refused(entity([...headers, ['Content-Type', 'multipart/mixed; boundary=outer']], body))).reason).toContain('lost');
  });
});
