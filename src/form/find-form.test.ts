import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, ExtractLimits } from '../extract/document.js';
import type { FoundAttachment } from '../mime/message.js';
import { findForm, type ExtractRunner } from './find-form.js';

const LIMITS: ExtractLimits = { maxUncompressedBytes: 1e8, maxZipEntries: 100, maxXmlBytes: 1e7, maxSheetCells: 1e5, maxPdfPages: 2 };

function attachment(filename: string, format: FoundAttachment['format'], kind: string, bytes = Buffer.from(filename)): FoundAttachment {
  return { filename, contentType: 'application/octet-stream', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), format, kind, depth: 0, bytes };
}

const FORM_LINES = ['法人名 株式会社テスト', '代表者 山田太郎', '所在地 東京都', '担当者氏名 山田花子', '電話番号 03-1234-5678', 'メールアドレス a@example.jp'];

/** Extraction is the stage's input here: a runner that hands back a document as an extractor would. */
const runnerGiving = (document: Partial<ExtractedDocument>): ExtractRunner => async () => ({
  ok: true,
  document: { format: 'pdf', grids: [], lines: FORM_LINES, namedValues: [], partsRead: 2, ...document },
});

describe('findForm', () => {
  it('reads the form and still flags the pages a limit left unread', async () => {
    const search = await findForm([attachment('申請書.pdf', 'pdf', 'pdf')], runnerGiving({ unread: '全60ページのうち2ページまで読みました（INTAKE_MAX_PDF_PAGES = 2）' }), LIMITS);
    expect(search.form?.attachment.filename).toBe('申請書.pdf');
    expect(search.flags.map((f) => [f.code, f.attachment])).toEqual([['unreadable_attachment', '申請書.pdf']]);
    expect(search.flags[0]?.message).toContain('INTAKE_MAX_PDF_PAGES');
  });

  it('flags unsupported attachments only when no form was found', async () => {
    const logo = attachment('logo.png', 'other', 'png');
    const withForm = await findForm([attachment('申請書.pdf', 'pdf', 'pdf'), logo], runnerGiving({}), LIMITS);
    expect(withForm.flags).toEqual([]);
    expect(withForm.attachments.map((a) => a.role)).toEqual(['application_form', 'other']);
    const without = await findForm([logo], runnerGiving({}), LIMITS);
    expect(without.flags.map((f) => f.code)).toEqual(['unsupported_format', 'no_application_form']);
  });

  it('takes the most complete of several forms, and one file attached twice as one', async () => {
    const full = attachment('full.pdf', 'pdf', 'pdf');
    const copy = { ...full, filename: 'copy.pdf' };
    const sparse = attachment('sparse.pdf', 'pdf', 'pdf');
    const run: ExtractRunner = async (_format, bytes) => ({
      ok: true,
      document: { format: 'pdf', grids: [], lines: bytes.toString() === 'full.pdf' ? [...FORM_LINES, 'GPU数 512'] : FORM_LINES, namedValues: [], partsRead: 1 },
    });
    const once = await findForm([full, copy], run, LIMITS);
    expect(once.flags).toEqual([]);
    const several = await findForm([sparse, full], run, LIMITS);
    expect(several.form?.attachment.filename).toBe('full.pdf');
    expect(several.flags.map((f) => f.code)).toEqual(['multiple_forms']);
  });
});
