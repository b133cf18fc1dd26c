import { PDFParse } from 'pdf-parse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import type { ExtractedDocument, ExtractLimits } from './document.js';
import { extractPdf } from './pdf.js';
import { groupIntoLines } from './pdf-lines.js';
import type { TextRun } from './pdf-text-runs.js';
import { ACROFORM_FIELDS, buildAcroFormPdf } from '../../test/fixtures/pdf/acroform.js';
import { buildFormLikePdf, FORM_LIKE } from '../../test/fixtures/pdf/form-like.js';
import { buildLabelsThenValuesPdf, FLATTENED_ROWS } from '../../test/fixtures/pdf/labels-then-values.js';
import { buildNonEmbeddedCjkPdf } from '../../test/fixtures/pdf/non-embedded-cjk.js';
import { buildNumberedPagesPdf, pageMarker } from '../../test/fixtures/pdf/pages.js';
import { renderPdfkit } from '../../test/fixtures/pdf/render-pdfkit.js';
import { buildRotatedPagePdf, ROTATED_LINES } from '../../test/fixtures/pdf/rotated-page.js';
import { buildImageOnlyPdf } from '../../test/fixtures/pdf/scanned.js';
import { documentOf } from '../../test/support/extract-results.js';

const LIMITS: ExtractLimits = {
  maxUncompressedBytes: DEFAULT_LIMITS.maxUncompressedBytes,
  maxZipEntries: DEFAULT_LIMITS.maxZipEntries,
  maxXmlBytes: DEFAULT_LIMITS.maxXmlBytes,
  maxSheetCells: DEFAULT_LIMITS.maxSheetCells,
  maxPdfPages: DEFAULT_LIMITS.maxPdfPages,
};

async function readPdf(bytes: Buffer, limits: ExtractLimits = LIMITS): Promise<ExtractedDocument> {
  return documentOf(await extractPdf(bytes, limits));
}

describe('extractPdf: text layer', () => {
  let form: ExtractedDocument;
  beforeAll(async () => {
    form = await readPdf(await buildFormLikePdf());
  });

  it('reads every page of a form-like document, in reading order, label and value on one line', () => {
    expect(form.format).toBe('pdf');
    expect(form.grids).toEqual([]);
    expect(form.namedValues).toEqual([]);
    expect(form.partsRead).toBe(3);
    expect(form.lines.slice(0, 9)).toEqual([
      FORM_LIKE.title,
      '1. 申請者情報',
      '法人名（申請者名）\t株式会社テスト',
      '法人番号\t1234567890123',
      // The value is set 1pt bigger than the label: baselines differ, the line does not.
      '代表者 役職・氏名\t代表取締役 山田太郎',
      '3. 開発内容',
      '開発区分',
      // pdf.js turns the full-width space between the options into a gap; it comes back as a space.
      FORM_LIKE.checkboxLine.replace('　', ' '),
      FORM_LIKE.summaryLabel,
    ]);
    expect(form.lines.slice(12)).toEqual([
      '4. 計算資源',
      'GPU種類\tH100',
      'GPU数\t512基',
      '5. 実施体制・事業化',
      '提出日\t2023 年 10 月 5 日',
    ]);
  });

  it('keeps a value wrapped inside its cell as consecutive lines below its label, nothing lost', () => {
    const wrapped = form.lines.slice(9, 12);
    expect(wrapped).toHaveLength(3);
    expect(wrapped.join('')).toBe(FORM_LIKE.summary);
  });

  it('puts a value on its label\'s line when all values were drawn after all labels (flattened form)', async () => {
    const doc = await readPdf(await buildLabelsThenValuesPdf());
    expect(doc.lines).toEqual(FLATTENED_ROWS.map(([label, value]) => `${label}\t${value}`));
  });

  it('reads a /Rotate 90 page as it is displayed', async () => {
    const doc = await readPdf(buildRotatedPagePdf());
    expect(doc.lines).toEqual(ROTATED_LINES.map(([label, value]) => `${label}\t${value}`));
  });

  it('reads Japanese set in a font that is not embedded (KozMinPr6N, UniJIS-UCS2-H) through the CMaps', async () => {
    const doc = await readPdf(buildNonEmbeddedCjkPdf());
    expect(doc.lines).toEqual(['申請書', '法人名（申請者名）\t株式会社テスト', '所在地\t東京都千代田区霞が関一丁目']);
  });

  it('fixture check: without the CMaps that PDF has no readable text at all', async () => {
    const parser = new PDFParse({ data: buildNonEmbeddedCjkPdf() });
    try {
      const { text } = await parser.getText();
      expect(text).not.toMatch(/[申法所]/);
    } finally {
      await parser.destroy();
    }
  });

  it('reads no page beyond maxPdfPages', async () => {
    const doc = await readPdf(await buildNumberedPagesPdf(5), { ...LIMITS, maxPdfPages: 2 });
    expect(doc.partsRead).toBe(2);
    expect(doc.unread).toBe('全5ページのうち2ページまで読みました（INTAKE_MAX_PDF_PAGES = 2）');
    expect(doc.lines).toEqual([pageMarker(1), pageMarker(2)]);
  });

  it('leaves the caller\'s bytes intact (pdf.js detaches a buffer it is given whole)', async () => {
    const bytes = await buildFormLikePdf();
    // Only a Buffer that owns its whole ArrayBuffer would be transferred; small ones share Node's pool.
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    const copy = Buffer.from(bytes);
    await readPdf(bytes);
    expect(bytes.equals(copy)).toBe(true);
  });
});

describe('extractPdf: form fields', () => {
  it('reports AcroForm values under /TU when present, else the field name; checkboxes as ☑/☐', async () => {
    const doc = await readPdf(await buildAcroFormPdf());
    const f = ACROFORM_FIELDS;
    expect(doc.namedValues).toEqual([
      { name: f.applicantName.tooltip, value: f.applicantName.value },
      { name: f.summary.tooltip, value: f.summary.value },
      { name: f.email.name, value: f.email.value },
      { name: f.llm.tooltip, value: '☑' },
      { name: f.image.tooltip, value: '☐' },
      { name: f.legacy.name, value: '☑' },
    ]);
    // Values live in the fields only; the text layer holds the printed labels.
    expect(doc.lines).toContain('法人名（申請者名）');
    expect(doc.lines.join('\n')).not.toContain(f.applicantName.value);
  });
});

describe('extractPdf: failures are values', () => {
  const failureOf = async (bytes: Buffer) => {
    const result = await extractPdf(bytes, LIMITS);
    if (result.ok) throw new Error('expected a failure');
    return result.failure;
  };

  it('says no_text for a scan: pages with only an image', async () => {
    const failure = await failureOf(buildImageOnlyPdf(2));
    expect(failure).toEqual({ kind: 'no_text', reason: expect.stringContaining('no text layer') });
  });

  it('refuses a PDF that needs a password', async () => {
    const bytes = await renderPdfkit((doc) => doc.text('secret'), { userPassword: 'pw', ownerPassword: 'owner' });
    expect(await failureOf(bytes)).toEqual({ kind: 'unreadable', reason: 'password-protected PDF' });
  });

  it('reads a PDF encrypted with an owner password only (it opens without one)', async () => {
    const bytes = await renderPdfkit((doc) => doc.text('no printing'), {
      ownerPassword: 'owner',
      permissions: { printing: 'lowResolution' },
    });
    expect((await readPdf(bytes)).lines).toEqual(['no printing']);
  });

  it('refuses HTML saved as .pdf, and an empty file', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><p>申請書</p></body></html>\n');
    expect(await failureOf(html)).toEqual({ kind: 'unreadable', reason: 'not a PDF (no %PDF- header)' });
    expect(await failureOf(Buffer.alloc(0))).toEqual({ kind: 'unreadable', reason: 'empty file' });
  });

  it('refuses a file cut off halfway', async () => {
    const bytes = await buildFormLikePdf();
    const failure = await failureOf(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(failure).toEqual({ kind: 'unreadable', reason: expect.stringContaining('truncated') });
  });

  it('refuses a file cut off in its trailer, though pdf.js alone would rebuild it', async () => {
    const bytes = buildNonEmbeddedCjkPdf();
    const cut = bytes.subarray(0, bytes.length - 12);
    expect(await failureOf(cut)).toEqual({ kind: 'unreadable', reason: 'truncated PDF (no %%EOF at the end)' });
  });

  it('accepts NUL padding after %%EOF', async () => {
    const padded = Buffer.concat([buildNonEmbeddedCjkPdf(), Buffer.alloc(4096)]);
    expect((await readPdf(padded)).lines).toContain('申請書');
  });

  it('refuses garbage between a PDF header and %%EOF', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'A'), Buffer.from('\n%%EOF\n')]);
    expect(await failureOf(garbage)).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/^corrupt PDF: /) });
  });
});

describe('extractPdf: console', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints nothing for damaged files pdf.js warns about', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    // A wrong startxref: pdf.js says "Warning: Indexing all PDF objects" and still reads the page.
    const good = buildNonEmbeddedCjkPdf();
    const badXref = Buffer.from(good.toString('latin1').replace(/startxref\n\d+/, 'startxref\n99999'), 'latin1');
    expect((await readPdf(badXref)).lines).toContain('申請書');
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'A'), Buffer.from('\n%%EOF\n')]);
    expect((await extractPdf(garbage, LIMITS)).ok).toBe(false);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('groupIntoLines', () => {
  const run = (text: string, left: number, y: number, size = 10): TextRun => ({
    text,
    left,
    right: left + text.length * size,
    y,
    size,
  });

  it('joins runs whose baselines differ by less than half the font size, left to right', () => {
    expect(groupIntoLines([run('値', 200, 101.5, 11), run('ラベル', 50, 100)])).toEqual(['ラベル\t値']);
  });

  it('starts a new line one font size further down', () => {
    expect(groupIntoLines([run('二行目', 50, 112), run('一行目', 50, 100)])).toEqual(['一行目', '二行目']);
  });

  it('separates by gap: none when touching, a space for a word gap, a tab for a cell gap', () => {
    // "ab" ends at 70; the gaps are 0, 3 (0.3 em) and 20 (2 em).
    expect(groupIntoLines([run('ab', 50, 100), run('cd', 70, 100)])).toEqual(['abcd']);
    expect(groupIntoLines([run('ab', 50, 100), run('cd', 73, 100)])).toEqual(['ab cd']);
    expect(groupIntoLines([run('ab', 50, 100), run('cd', 90, 100)])).toEqual(['ab\tcd']);
  });

  it('folds repeated spaces and spaces around a tab, and drops blank lines', () => {
    expect(groupIntoLines([run('a  b ', 50, 100), run(' c', 150, 100), run('   ', 50, 130)])).toEqual(['a b\tc']);
  });
});
