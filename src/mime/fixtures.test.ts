// Regression tests named after the problem, each with its .eml in test/fixtures/mime/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { parseMessage } from './parse-message.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/mime/${name}`, import.meta.url));

describe('fixtures', () => {
  it('missing-boundary.eml: a multipart without its boundary is unreadable, not "no attachment"', async () => {
    const result = await parseMessage(fixture('missing-boundary.eml'), DEFAULT_LIMITS);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('boundary'),
      headers: {
        messageId: '<missing-boundary@example.jp>',
        from: 'yamada@example.jp',
        fromName: '山田',
        subject: '申請書',
        date: new Date('2023-10-10T08:59:00Z'),
        receivedDate: new Date('2023-10-10T09:00:00Z'),
      },
    });
  });

  it('old-mailer-unlabelled.eml: raw JIS Subject/From, body without charset, raw Shift_JIS file name', async () => {
    const result = await parseMessage(fixture('old-mailer-unlabelled.eml'), DEFAULT_LIMITS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message).toEqual(
      expect.objectContaining({
        messageId: '<19991231.old@example.jp>',
        from: 'ichiro.suzuki@example.jp',
        fromName: '鈴木一郎',
        subject: '申請書の提出について',
        receivedDate: new Date('2023-10-04T00:30:12Z'),
        encodingProblems: [],
      }),
    );
    expect(result.message.attachments.map((a) => [a.filename, a.contentType, a.format])).toEqual([['申請書（表紙）.pdf', 'application/pdf', 'pdf']]);
  });
});
