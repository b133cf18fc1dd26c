// intake-report.xlsx: 受付一覧, 不備一覧, 集計 and 差替え済み, written with exceljs's streaming writer
// (rows go to the file as they are made, so 10,000 records never sit in memory as a workbook).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { writeFileAtomic, REPORT_FILE_MODE } from './atomic-write.js';
import { cellText } from './cell-text.js';
import { ISSUE_COLUMNS, SUBMISSION_COLUMNS, type Column } from './columns.js';
import type { CellKind, CellValue } from './field-values.js';
import { jstDateTime, jstWallClock } from './jst.js';
import type { ReportModel } from './model.js';
import { summaryTables } from './summary-tables.js';
import { cellStyle, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE } from './xlsx-styles.js';

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Worksheet = ExcelJS.Worksheet;

/** The value exceljs is given. Strings go through cellText, so no object ever reaches a cell. */
function excelValue(value: CellValue): string | number | Date | null {
  if (value instanceof Date) return jstWallClock(value);
  if (typeof value === 'string') return cellText(value);
  return value;
}

function addCells(sheet: Worksheet, values: readonly CellValue[], kinds: readonly CellKind[], attention: boolean): void {
  const row = sheet.addRow(values.map(excelValue));
  values.forEach((value, i) => {
    row.getCell(i + 1).style = cellStyle(kinds[i] ?? 'text', value, attention);
  });
  row.commit();
}

function addHeader(sheet: Worksheet, headers: readonly string[]): void {
  const row = sheet.addRow([...headers]);
  headers.forEach((_, i) => {
    row.getCell(i + 1).style = HEADER_STYLE;
  });
  row.commit();
}

/** A list sheet: frozen header and first column, autofilter, print on landscape A4 pages one wide. */
function addListSheet<Row>(workbook: Workbook, name: string, columns: readonly Column<Row>[], rows: readonly Row[], attention: (row: Row) => boolean): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    // The whole table, not the header alone: a header-only range leaves Excel to guess the data.
    autoFilter: { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } },
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  } as Partial<ExcelJS.AddWorksheetOptions>);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  addHeader(sheet, columns.map((c) => c.header));
  const kinds = columns.map((c) => c.kind);
  for (const row of rows) addCells(sheet, columns.map((c) => c.value(row)), kinds, attention(row));
  sheet.commit();
}

function addSummarySheet(workbook: Workbook, model: ReportModel): void {
  const sheet = workbook.addWorksheet('集計', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 56 }, { width: 16 }, { width: 16 }, { width: 18 }];
  const title = sheet.addRow([`受付状況の集計（${jstDateTime(model.generatedAt)} 現在・日本時間）`]);
  title.getCell(1).style = TITLE_STYLE;
  title.commit();
  const window = sheet.addRow([`提出期間：${jstDateTime(model.window.windowStart)} 〜 ${jstDateTime(model.window.windowEnd)}`]);
  window.getCell(1).style = NOTE_STYLE;
  window.commit();
  for (const table of summaryTables(model.summary)) {
    sheet.addRow([]).commit();
    const heading = sheet.addRow([table.title]);
    heading.getCell(1).style = TITLE_STYLE;
    heading.commit();
    addHeader(sheet, table.headers);
    for (const row of table.rows) addCells(sheet, [row.label, ...row.values], ['text', ...(row.kinds ?? table.kinds)], false);
  }
  sheet.commit();
}

export async function writeXlsxReport(model: ReportModel, file: string): Promise<void> {
  await writeFileAtomic(file, async (temp) => {
    const out = createWriteStream(temp, { mode: REPORT_FILE_MODE, flush: true });
    const closed = once(out, 'close');
    // Shared strings make every text cell t="s", the plain string type; without them exceljs's
    // streaming writer marks text cells t="str", the type of a formula's cached result.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    workbook.creator = 'intake';
    workbook.created = model.generatedAt;
    workbook.modified = model.generatedAt;
    addListSheet(workbook, '受付一覧', SUBMISSION_COLUMNS, model.current, (row) => row.state === 'needs_attention');
    addListSheet(workbook, '不備一覧', ISSUE_COLUMNS, model.issues, (issue) => issue.flag.severity === 'error');
    addSummarySheet(workbook, model);
    addListSheet(workbook, '差替え済み', SUBMISSION_COLUMNS, model.superseded, () => false);
    await workbook.commit();
    await closed;
  });
}
