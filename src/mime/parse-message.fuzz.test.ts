// Bad input never throws out of parseMessage: random bytes, and damaged copies of a message that
// holds every kind of container (forward, zip in zip, CFB, raw Shift_JIS names). Fixed seeds keep
// failures reproducible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { writeCfb as buildCfb } from '../../scripts/lib/cfb-writer.js';
import { attachmentPart, bWord, jis, message, rfc2231, sjis } from '../../test/fixtures/mime/build-eml.js';
import { buildZip, fakeXlsx } from '../../test/fixtures/mime/build-zip.js';
import { parseMessage } from './parse-message.js';

const limits = { ...DEFAULT_LIMITS, maxNestingDepth: 3 };

const forwarded = message({ subject: bWord(jis('転送'), 'ISO-2022-JP'), parts: [attachmentPart(fakeXlsx(), { disposition: `attachment;${rfc2231('filename', jis('申請書.xlsx'), 'ISO-2022-JP')}` })] });
const zip = buildZip([
  { name: 'inner.zip', data: buildZip([{ name: sjis('様式.pdf'), flags: 0, data: Buffer.from('%PDF-1.4') }]) },
  { name: 'doc.doc', data: buildCfb(['WordDocument']) },
  { name: 'fw.eml', data: forwarded },
]);
const base = message({
  subject: sjis('申請書の提出'),
  parts: [
    attachmentPart(forwarded, { contentType: 'message/rfc822' }),
    attachmentPart(zip, { contentType: 'application/zip', disposition: Buffer.concat([Buffer.from('attachment; filename="'), sjis('資料.zip'), Buffer.from('"')]) }),
  ],
});

async function neverThrows(raw: Buffer): Promise<void> {
  const result = await parseMessage(raw, limits);
  expect(typeof result.ok).toBe('boolean');
}

describe('parseMessage on hostile input', () => {
  it('the undamaged base message is read completely', async () => {
    const result = await parseMessage(base, limits);
    expect(result.ok && result.message.attachments.map((a) => a.path ?? a.filename)).toEqual([
      '転送.eml',
      '転送.eml/申請書.xlsx',
      '資料.zip',
      '資料.zip/inner.zip',
      '資料.zip/inner.zip/様式.pdf',
      '資料.zip/doc.doc',
      '資料.zip/fw.eml',
      '資料.zip/fw.eml/申請書.xlsx',
    ]);
  });

  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => neverThrows(Buffer.from(bytes))), { seed: 20231011, numRuns: 200 });
  });

  it('damaged and truncated copies of a message with nested containers', async () => {
    const damage = fc.record({
      cut: fc.integer({ min: 1, max: base.length }),
      writes: fc.array(fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(damage, ({ cut, writes }) => {
        const raw = Buffer.from(base.subarray(0, cut));
        for (const [at, byte] of writes) if (at < raw.length) raw[at] = byte;
        return neverThrows(raw);
      }),
      { seed: 20230922, numRuns: 300 },
    );
  });
});
