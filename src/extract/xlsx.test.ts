import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { formWorkbook, inlineCells, rawWorkbook } from '../../test/fixtures/ooxml/xlsx-fixtures.js';
import { writeCfb as compoundFile } from '../../scripts/lib/cfb-writer.js';
import { withEntries, zipOf } from '../../test/fixtures/ooxml/zip.js';
import { documentOf, reasonOf } from '../../test/support/extract-results.js';
import type { ExtractedDocument, Grid, GridCell } from './document.js';
import { extractXlsx } from './xlsx.js';

const MB = 1024 * 1024;

/** The cell at an A1-style address (single-letter columns are enough here). */
function at(grid: Grid | undefined, address: string): GridCell | undefined {
  const [, column = 'A', row = '1'] = /^([A-Z])(\d+)$/.exec(address) ?? [];
  return grid?.rows[Number(row) - 1]?.[column.charCodeAt(0) - 65];
}

describe('extractXlsx on a filled-in form', () => {
  let document: ExtractedDocument;
  let form: Grid | undefined;
  beforeAll(async () => {
    document = documentOf(await extractXlsx(await formWorkbook(), DEFAULT_LIMITS));
    form = document.grids[1];
  });

  it('reads every sheet in tab order, hidden ones too', () => {
    expect(document.grids.map((grid) => grid.name)).toEqual(['記入要領', '申請書', '内部用']);
    expect(document.partsRead).toBe(3);
    expect(at(document.grids[2], 'B2')).toEqual({ text: '非表示シートの値' });
    expect(document).toMatchObject({ format: 'xlsx', lines: [], namedValues: [] });
  });

  it('keeps the geometry as laid out, with the inserted row in place', () => {
    expect(at(form, 'A2')).toEqual({ text: '法人名（申請者名）' });
    expect(at(form, 'A3')).toEqual({ text: '※ 申請者が挿入した行' });
    expect(at(form, 'A4')).toEqual({ text: '電話番号' });
  });

  it('gives every cell of a merged block the block text and one mergeId', () => {
    for (const address of ['A1', 'B1', 'C1', 'D1']) {
      expect(at(form, address)).toEqual({ text: '競争力ある生成AI基盤モデルの開発に係る事前調査 申請書', mergeId: '申請書!A1' });
    }
    for (const address of ['A5', 'A6', 'A7']) expect(at(form, address)).toEqual({ text: '所在地', mergeId: '申請書!A5' });
    for (const address of ['B5', 'C5', 'D5']) {
      expect(at(form, address)).toEqual({ text: '東京都千代田区霞が関1-3-1\n霞が関ビル 10階', mergeId: '申請書!B5' });
    }
    expect(at(form, 'B6')).toEqual({ text: '郵便番号' });
  });

  it('reads values as a person sees them', () => {
    expect(at(form, 'B2')?.text).toBe('株式会社テスト'); // rich text runs joined
    expect(at(form, 'B4')?.text).toBe('0312345678'); // stored as text: the leading zero stays
    expect(at(form, 'C6')?.text).toBe('0600001'); // a number under the format 0000000
    expect(at(form, 'A9')?.text).toBe('日本語に強い130億パラメータのLLMを開発する。\n評価はJGLUEで行う。');
    expect(at(form, 'B10')?.text).toBe('512'); // a formula's cached result
    expect(at(form, 'B11')?.text).toBe('2023-10-05');
    expect(at(form, 'B12')?.text).toBe('2023-10-05 13:45');
    expect(at(form, 'B13')?.text).toBe('taro@example.jp'); // a hyperlink's text
    expect(at(form, 'B14')?.text).toBe('FALSE');
    expect(at(form, 'C14')?.text).toBe(''); // #N/A
    expect(at(form, 'D14')?.text).toBe('0.3'); // 0.30000000000000004 shown with Excel's 15 digits
  });

  it('marks a solidly filled empty cell, but not a white one', () => {
    expect(at(form, 'C7')).toEqual({ text: '', filled: true });
    expect(at(form, 'D7')).toEqual({ text: '大規模言語モデル' });
    expect(form?.rows).toHaveLength(14); // row 15 holds only a white fill
  });
});

describe('extractXlsx on hand-written sheets', () => {
  it('cuts whole-sheet data validations and column ranges instead of expanding them', async () => {
    const sheet =
      '<cols><col min="1" max="1000000000" width="9"/></cols>' +
      inlineCells(1, 2) +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const grids = documentOf(await extractXlsx(rawWorkbook(sheet), DEFAULT_LIMITS)).grids;
    expect(grids).toEqual([{ name: 'Sheet1', rows: [[{ text: 'v' }, { text: 'v' }]] }]);
  });

  it('reads a formula without a cached result as empty', async () => {
    const sheet = '<sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>';
    expect(documentOf(await extractXlsx(rawWorkbook(sheet), DEFAULT_LIMITS)).grids[0]?.rows).toEqual([[{ text: '' }, { text: 'x' }]]);
  });

  it('reads Japanese built-in date formats (令和, 年月日), which Excel leaves undefined, as dates', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
      '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="58" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="32" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>45204</v></c><c r="B1" s="2"><v>0.5625</v></c><c r="C1" s="3"><v>2.25</v></c></row></sheetData>';
    const grids = documentOf(await extractXlsx(rawWorkbook(sheet, { 'xl/styles.xml': styles }), DEFAULT_LIMITS)).grids;
    expect(grids[0]?.rows).toEqual([[{ text: '2023-10-05' }, { text: '13:30' }, { text: '2.25' }]]);
  });

  it('never inflates a bomb hidden in a part that holds no cells', async () => {
    const workbook = withEntries(rawWorkbook(inlineCells(1, 1)), { 'xl/media/image1.png': new Uint8Array(5 * MB) });
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: MB };
    expect(documentOf(await extractXlsx(workbook, limits)).grids[0]?.rows).toEqual([[{ text: 'v' }]]);
  });
});

describe('extractXlsx refuses what it must not read', () => {
  const cellLimits = { ...DEFAULT_LIMITS, maxSheetCells: 1000 };

  it.each<[string, () => Promise<Buffer> | Buffer, typeof DEFAULT_LIMITS, string | RegExp]>([
    ['corrupt bytes', () => Buffer.from('PK\u0003\u0004 garbage that ends nowhere'), DEFAULT_LIMITS, 'truncated zip (its central directory is missing)'],
    [
      'a zip whose central directory is damaged',
      async () => {
        const workbook = await formWorkbook();
        const central = workbook.lastIndexOf(Buffer.from('504b0102', 'hex'));
        return Buffer.concat([workbook.subarray(0, central), Buffer.from('XXXX'), workbook.subarray(central + 4)]);
      },
      DEFAULT_LIMITS,
      /^corrupt zip \(invalid central directory file header signature/,
    ],
    ['a truncated workbook', async () => (await formWorkbook()).subarray(0, 3000), DEFAULT_LIMITS, 'truncated zip (its central directory is missing)'],
    ['a zip that is not a workbook', () => zipOf({ 'readme.txt': 'hello' }), DEFAULT_LIMITS, 'not an Excel workbook (the zip has no xl/workbook.xml)'],
    ['a password-protected workbook', () => compoundFile(['EncryptionInfo', 'EncryptedPackage']), DEFAULT_LIMITS, 'file is password-protected (encrypted OOXML)'],
    [
      'a zip bomb in a sheet',
      () => withEntries(rawWorkbook(inlineCells(1, 1)), { 'xl/worksheets/sheet2.xml': new Uint8Array(5 * MB) }),
      { ...DEFAULT_LIMITS, maxUncompressedBytes: MB },
      'uncompressed size exceeds INTAKE_MAX_UNCOMPRESSED_MB (1 MB)',
    ],
    ['too many zip entries', () => rawWorkbook(inlineCells(1, 1)), { ...DEFAULT_LIMITS, maxZipEntries: 4 }, 'zip entries (5) exceed INTAKE_MAX_ZIP_ENTRIES (4)'],
    ['more cells than INTAKE_MAX_SHEET_CELLS', () => rawWorkbook(inlineCells(50, 20)), cellLimits, 'sheet cells exceed INTAKE_MAX_SHEET_CELLS (1000)'],
    [
      'a merged block covering the whole sheet',
      () => rawWorkbook(inlineCells(1, 1) + '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      DEFAULT_LIMITS,
      'sheet cells exceed INTAKE_MAX_SHEET_CELLS (200000)',
    ],
    [
      'tens of thousands of merged blocks',
      () => rawWorkbook(`${inlineCells(1, 1)}<mergeCells>${Array.from({ length: 10_001 }, (_, r) => `<mergeCell ref="A${r + 2}:B${r + 2}"/>`).join('')}</mergeCells>`),
      { ...DEFAULT_LIMITS, maxSheetCells: 1_000_000 },
      'xl/worksheets/sheet1.xml has more than 10000 merged blocks, far beyond any form',
    ],
    [
      'one cell at the last row of the sheet',
      () => rawWorkbook('<sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>v</t></is></c></row></sheetData>'),
      DEFAULT_LIMITS,
      'sheet cells exceed INTAKE_MAX_SHEET_CELLS (200000)',
    ],
    [
      'a sheet with a DOCTYPE and an external entity',
      () =>
        withEntries(rawWorkbook(''), {
          'xl/worksheets/sheet1.xml':
            '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>',
        }),
      DEFAULT_LIMITS,
      'xl/worksheets/sheet1.xml declares a DTD (<!DOCTYPE/<!ENTITY>), which OOXML forbids',
    ],
    ['a sheet that is not well-formed', () => rawWorkbook('<sheetData><row r="1">'), DEFAULT_LIMITS, /^xl\/worksheets\/sheet1\.xml is not well-formed XML/],
  ])('refuses %s', async (_what, build, limits, reason) => {
    const actual = reasonOf(await extractXlsx(await build(), limits));
    if (typeof reason === 'string') expect(actual).toBe(reason);
    else expect(actual).toMatch(reason);
  });
});
