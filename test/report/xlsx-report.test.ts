// The workbook read back with exceljs, cell by cell, and its XML checked for formulas.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_COLUMNS } from '../../src/report/columns.js';
import { buildReportModel } from '../../src/report/model.js';
import { DEFAULT_REPORT_WINDOW } from '../../src/report/window.js';
import { writeXlsxReport } from '../../src/report/xlsx-report.js';
import { FLAG_SPECS } from '../../src/validate/flags.js';
import { FORMULA_CONTACT, FORMULA_FILE, FORMULA_GPU, FORMULA_NAME, FORMULA_PHONE, FORMULA_SENDER, NOW, sampleRecords } from './fixtures.js';

let dir: string;
let file: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-xlsx-'));
  file = path.join(dir, 'intake-report.xlsx');
  await writeXlsxReport(buildReportModel(sampleRecords(), DEFAULT_REPORT_WINDOW, NOW), file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The cell under a header in the row whose first cell is the receipt number. */
function cellOf(ws: ExcelJS.Worksheet, receiptNo: string, header: string, nth = 0): ExcelJS.Cell {
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const column = headers.indexOf(header) + 1;
  if (column === 0) throw new Error(`no column ${header}`);
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === receiptNo) rows.push(row);
  });
  if (!rows[nth]) throw new Error(`no row ${receiptNo}`);
  return rows[nth].getCell(column);
}

function expectTextCell(cell: ExcelJS.Cell, text: string): void {
  expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(cell.value).toBe(text);
  expect(cell.formula).toBeUndefined();
  expect(cell.numFmt).toBe('@');
}

describe('intake-report.xlsx', () => {
  it('has the sheets staff work from', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['受付一覧', '不備一覧', '集計', '差替え済み']);
  });

  it('受付一覧: the listed columns, one row per current submission, frozen header and autofilter', () => {
    const ws = sheet('受付一覧');
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(SUBMISSION_COLUMNS.map((c) => c.header));
    for (const required of ['受付番号', '受信日時', '状態', '法人名', '法人番号', '法人区分', '助成率', '開発区分', 'GPU種類', 'GPU数', '利用期間', '希望助成額', '公開方針', '担当者', '電話', 'メール', '不備・注意', '差替え', '添付ファイル']) {
      expect(headers).toContain(required);
    }
    expect(ws.rowCount).toBe(1 + 7);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(headers.length).letter}8`);
    expect(ws.getColumn(headers.indexOf('法人名') + 1).width).toBe(30);
  });

  it('writes numbers with yen and count formats, and arrival times as JST dates', () => {
    const ws = sheet('受付一覧');
    const received = cellOf(ws, 'R-0001', '受信日時');
    // Excel dates carry no zone: the cell holds the JST wall clock, 2023-09-25 10:12.
    expect(received.value).toEqual(new Date('2023-09-25T10:12:00Z'));
    expect(received.numFmt).toBe('yyyy/mm/dd hh:mm');
    const amount = cellOf(ws, 'R-0001', '希望助成額');
    expect(amount.value).toBe(1_200_000_000);
    expect(amount.numFmt).toBe('"¥"#,##0');
    expect(cellOf(ws, 'R-0001', 'GPU数').value).toBe(512);
    expect(cellOf(ws, 'R-0001', 'GPU数').numFmt).toBe('#,##0');
    expect(cellOf(ws, 'R-0001', '利用期間').value).toBe(6);
  });

  it('shows enum values with the form definition’s labels', () => {
    const ws = sheet('受付一覧');
    expect(cellOf(ws, 'R-0001', '状態').value).toBe('問題なし');
    expect(cellOf(ws, 'R-0001', '法人区分').value).toBe('中小企業等（特定事業者）');
    expect(cellOf(ws, 'R-0001', '助成率').value).toBe('定額');
    expect(cellOf(ws, 'R-0003', '助成率').value).toBe('1/2');
    expect(cellOf(ws, 'R-0001', '開発区分').value).toBe('大規模言語モデル\n日本語など汎用データを用いた既存モデルのチューニング');
    expect(cellOf(ws, 'R-0001', '公開方針').value).toBe('モデルの公開\n開発コードの公開\n開発詳細の公表');
    expect(cellOf(ws, 'R-0001', '法人番号').value).toBe('1010001000006');
    expect(cellOf(ws, 'R-0002', '不備・注意').value).toBe('【注意】利用期間が事業期間（6か月）を超えています：8か月');
    expect(cellOf(ws, 'R-0008', '差替え').value).toBe('R-0006 を差替え');
    expect(cellOf(ws, 'R-0005', '差出人').value).toBe('田中 一郎 <tanaka@example.co.jp>');
    expect(cellOf(ws, 'R-0005', '法人名').value).toBeNull();
  });

  it('stores formula-looking applicant text as plain text cells, never formulas', () => {
    const ws = sheet('受付一覧');
    expectTextCell(cellOf(ws, 'R-0003', '法人名'), FORMULA_NAME);
    expectTextCell(cellOf(ws, 'R-0003', '担当者'), FORMULA_CONTACT);
    expectTextCell(cellOf(ws, 'R-0003', '電話'), FORMULA_PHONE);
    expectTextCell(cellOf(ws, 'R-0003', 'GPU種類'), FORMULA_GPU);
    expectTextCell(cellOf(ws, 'R-0003', '差出人'), `${FORMULA_SENDER} <attacker@example.net>`);
    expectTextCell(cellOf(ws, 'R-0003', '添付ファイル'), FORMULA_FILE.replace('\r', '\n'));
    for (const ws2 of workbook.worksheets) {
      ws2.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${ws2.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it('has no formula element anywhere in its XML, and text cells use the plain string type', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(file)));
    const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(4);
    for (const name of sheets) {
      const xml = strFromU8(parts[name]!);
      expect(xml).not.toMatch(/<f[\s>]/);
      expect(xml).not.toContain('t="str"');
    }
    expect(strFromU8(parts['xl/sharedStrings.xml']!)).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });

  it('fills the rows needing attention in a warning colour', () => {
    const ws = sheet('受付一覧');
    expect(cellOf(ws, 'R-0003', '法人名').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE3BF' } });
    expect(cellOf(ws, 'R-0003', 'GPU数').fill).toMatchObject({ fgColor: { argb: 'FFFFE3BF' } });
    expect(cellOf(ws, 'R-0001', '法人名').fill).not.toMatchObject({ pattern: 'solid' });
    expect(cellOf(ws, 'R-0001', '法人名').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('不備一覧: one row per error or warning, with the field and what to ask for', () => {
    const ws = sheet('不備一覧');
    expect(ws.rowCount).toBe(1 + 6);
    expect(cellOf(ws, 'R-0008', '項目').value).toBe('電話番号');
    expect(cellOf(ws, 'R-0008', '重要度').value).toBe('エラー');
    expect(cellOf(ws, 'R-0008', '依頼・確認事項').value).toBe(FLAG_SPECS.missing_field.action);
    expect(cellOf(ws, 'R-0005', '依頼・確認事項').value).toBe(FLAG_SPECS.no_attachment.action);
    expect(cellOf(ws, 'R-0005', '差出人').value).toBe('田中 一郎 <tanaka@example.co.jp>');
    expect(cellOf(ws, 'R-0002', '重要度').value).toBe('注意');
    expect(cellOf(ws, 'R-0002', '項目').value).toBe('利用期間（月）');
    expect(cellOf(ws, 'R-0003', '対象ファイル').value).toBeNull();
    expectTextCell(cellOf(ws, 'R-0003', '法人名'), FORMULA_NAME);
  });

  it('集計: counts, totals, medians and arrivals per day', () => {
    const ws = sheet('集計');
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string' && !rows.has(label)) rows.set(label, row);
    });
    expect(rows.get('要対応')!.getCell(2).value).toBe(5);
    expect(rows.get('差替え済み')!.getCell(2).value).toBe(1);
    expect(rows.get('期限後')!.getCell(2).value).toBe(1);
    expect(rows.get('中小企業等（特定事業者）')!.getCell(2).value).toBe(2);
    expect(rows.get('大規模言語モデル')!.getCell(2).value).toBe(3);
    const amount = rows.get('希望助成額')!;
    expect([amount.getCell(2).value, amount.getCell(3).value, amount.getCell(4).value]).toEqual([4_880_000_000, 525_000_000, 6]);
    expect(amount.getCell(2).numFmt).toBe('"¥"#,##0');
    expect(amount.getCell(4).numFmt).toBe('#,##0');
    expect(rows.get('GPU数')!.getCell(3).value).toBe(256);
    const deadlineDay = rows.get('2023-10-11（水）')!;
    expect([deadlineDay.getCell(2).value, deadlineDay.getCell(3).value, deadlineDay.getCell(4).value]).toEqual(['期間内', 1, 7]);
    expect(rows.get('2023-10-12（木）')!.getCell(2).value).toBe('期限後');
  });

  it('差替え済み: the superseded submission, marked with what replaced it', () => {
    const ws = sheet('差替え済み');
    expect(ws.rowCount).toBe(2);
    expect(cellOf(ws, 'R-0006', '差替え').value).toBe('R-0008 に差替え済み');
    expect(cellOf(ws, 'R-0006', '状態').value).toBe('差替え済み');
  });

  it('is a valid workbook with no records at all', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    await writeXlsxReport(buildReportModel([], DEFAULT_REPORT_WINDOW, NOW), empty);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(empty);
    expect(book.getWorksheet('受付一覧')!.rowCount).toBe(1);
  });
});
