// The 申請書 as an Excel workbook: one sheet 申請書, laid out like a 様式 printed on A4 portrait.
// Columns: A label | B checkbox mark | C answer | D 記入上の注意. Answers span B:C, except in checkbox
// groups, where each option is a row of its own with the mark alone in B (as applicants tick or
// fill a mark cell) and the option label in C, the group's label merged down A over those rows.
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Cell, Fill, Font, PaperSize, Worksheet } from 'exceljs';
import { buildFormLayout, type FieldRow, type FormFill, type InsertedRow } from './template-layout.js';

const SHEET_NAME = '申請書';
const FONT_NAME = '游ゴシック';
const BODY_SIZE = 10.5;
const HINT_SIZE = 8;
/** Column widths in Excel units (about one half-width character of the default font). */
const WIDTHS = { label: 26, mark: 4, answer: 48, hint: 26 } as const;
const COLUMN = { label: 1, mark: 2, answer: 3, hint: 4 } as const;
const LAST_COLUMN = 'D';
/** Points per printed line at BODY_SIZE, plus padding, for rows Excel will not auto-fit on open. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 5;
// ExcelJS declares PaperSize as a const enum, which the test transpiler cannot inline.
const A4 = 9 as PaperSize;

const LABEL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const SECTION_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN = { style: 'thin' } as const;
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP_TOP: Partial<Alignment> = { wrapText: true, vertical: 'top' };

export async function writeXlsxForm(fill?: FormFill): Promise<Buffer> {
  const layout = buildFormLayout(fill);
  const workbook = new ExcelJS.Workbook();
  workbook.title = layout.title;
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: A4,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as it needs
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  sheet.columns = [{ width: WIDTHS.label }, { width: WIDTHS.mark }, { width: WIDTHS.answer }, { width: WIDTHS.hint }];

  let r = 1;
  for (const line of layout.header) {
    // Top right: the label, then its value in the cell to its right (where readers look).
    style(sheet.getCell(r, COLUMN.answer), line.label, { alignment: { horizontal: 'right', vertical: 'middle' } });
    style(sheet.getCell(r, COLUMN.hint), line.value, { alignment: { horizontal: 'center', vertical: 'middle' }, border: { bottom: THIN } });
    r++;
  }
  r++;
  spanRow(sheet, r, layout.title, { font: { size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  sheet.getRow(r).height = 26;
  r += 2;
  spanRow(sheet, r, layout.lead, { alignment: { vertical: 'middle' } });
  r += 2;

  const headerRow = r;
  style(sheet.getCell(r, COLUMN.label), layout.columns.label, { fill: SECTION_FILL, border: BOX, alignment: { horizontal: 'center' } });
  sheet.mergeCells(r, COLUMN.mark, r, COLUMN.answer);
  style(sheet.getCell(r, COLUMN.mark), layout.columns.answer, { fill: SECTION_FILL, border: BOX, alignment: { horizontal: 'center' } });
  style(sheet.getCell(r, COLUMN.hint), layout.columns.hint, { fill: SECTION_FILL, border: BOX, alignment: { horizontal: 'center' } });
  r++;

  for (const section of layout.sections) {
    spanRow(sheet, r, section.heading, { font: { bold: true }, fill: SECTION_FILL, border: BOX });
    sheet.getRow(r).height = LINE_HEIGHT + ROW_PADDING;
    r++;
    for (const row of section.rows) r = row.kind === 'field' ? writeFieldRow(sheet, r, row) : writeInsertedRow(sheet, r, row);
  }

  r++;
  style(sheet.getCell(r, COLUMN.label), layout.notesHeading, { font: { bold: true } });
  r++;
  for (const note of layout.notes) {
    spanRow(sheet, r, note, { alignment: { ...WRAP_TOP, indent: 1 } });
    sheet.getRow(r).height = rowHeight(wrappedLines(note, WIDTHS.label + WIDTHS.mark + WIDTHS.answer + WIDTHS.hint - 2, BODY_SIZE));
    r++;
  }

  sheet.pageSetup.printArea = `A1:${LAST_COLUMN}${r - 1}`;
  // The column headings repeat on every printed page of the table.
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes one field from row r on; returns the next free row. */
function writeFieldRow(sheet: Worksheet, r: number, row: FieldRow): number {
  const answer = row.answer;
  const lines = answer.kind === 'choices' && answer.layout === 'stacked' ? answer.choices.length : 1;
  const last = r + lines - 1;
  labelBlock(sheet, r, last, row.label);
  hintBlock(sheet, r, last, row.hint);
  if (answer.kind === 'choices' && answer.layout === 'stacked') {
    answer.choices.forEach((choice, i) => {
      style(sheet.getCell(r + i, COLUMN.mark), choice.mark, { border: BOX, alignment: { horizontal: 'center', vertical: 'middle' } });
      style(sheet.getCell(r + i, COLUMN.answer), choice.label, { border: BOX, alignment: { wrapText: true, vertical: 'middle' } });
      sheet.getRow(r + i).height = rowHeight(wrappedLines(choice.label, WIDTHS.answer, BODY_SIZE));
    });
    return last + 1;
  }
  const text = answer.kind === 'choices' ? answer.text : answer.lines.join('\n');
  const minLines = answer.kind === 'text' ? answer.minLines : 1;
  sheet.mergeCells(r, COLUMN.mark, r, COLUMN.answer);
  style(sheet.getCell(r, COLUMN.mark), text, { border: BOX, alignment: { wrapText: true, vertical: minLines > 1 ? 'top' : 'middle' } });
  sheet.getRow(r).height = rowHeight(
    Math.max(minLines, wrappedLines(text, WIDTHS.mark + WIDTHS.answer, BODY_SIZE), wrappedLines(row.label, WIDTHS.label, BODY_SIZE), wrappedLines(row.hint, WIDTHS.hint, HINT_SIZE) * (HINT_SIZE / BODY_SIZE)),
  );
  return r + 1;
}

function writeInsertedRow(sheet: Worksheet, r: number, row: InsertedRow): number {
  const [label = '', answer = '', hint = ''] = row.texts;
  if (row.texts.length === 1) {
    spanRow(sheet, r, label, { border: BOX, alignment: WRAP_TOP });
    sheet.getRow(r).height = rowHeight(wrappedLines(label, WIDTHS.label + WIDTHS.mark + WIDTHS.answer + WIDTHS.hint, BODY_SIZE));
    return r + 1;
  }
  labelBlock(sheet, r, r, label);
  sheet.mergeCells(r, COLUMN.mark, r, COLUMN.answer);
  style(sheet.getCell(r, COLUMN.mark), answer, { border: BOX, alignment: WRAP_TOP });
  hintBlock(sheet, r, r, hint);
  sheet.getRow(r).height = rowHeight(Math.max(wrappedLines(label, WIDTHS.label, BODY_SIZE), wrappedLines(answer, WIDTHS.mark + WIDTHS.answer, BODY_SIZE)));
  return r + 1;
}

function labelBlock(sheet: Worksheet, first: number, last: number, label: string): void {
  if (last > first) sheet.mergeCells(first, COLUMN.label, last, COLUMN.label);
  style(sheet.getCell(first, COLUMN.label), label, { fill: LABEL_FILL, border: BOX, alignment: { wrapText: true, vertical: 'middle' } });
  for (let r = first + 1; r <= last; r++) style(sheet.getCell(r, COLUMN.label), undefined, { fill: LABEL_FILL, border: BOX });
}

function hintBlock(sheet: Worksheet, first: number, last: number, hint: string): void {
  if (last > first) sheet.mergeCells(first, COLUMN.hint, last, COLUMN.hint);
  const look = { font: { size: HINT_SIZE, color: { argb: 'FF595959' } }, border: BOX, alignment: { wrapText: true, vertical: 'middle' } } as const;
  style(sheet.getCell(first, COLUMN.hint), hint, look);
  for (let r = first + 1; r <= last; r++) style(sheet.getCell(r, COLUMN.hint), undefined, look);
}

/** A text across all four columns (title, lead, section heading, note). */
function spanRow(sheet: Worksheet, r: number, text: string, look: Look): void {
  sheet.mergeCells(r, COLUMN.label, r, COLUMN.hint);
  for (let c = COLUMN.label; c <= COLUMN.hint; c++) style(sheet.getCell(r, c), c === COLUMN.label ? text : undefined, look);
}

interface Look {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
  alignment?: Partial<Alignment>;
}

// Every cell of a merged block gets the border and fill, or Excel draws the block with gaps.
function style(cell: Cell, value: string | undefined, look: Look = {}): void {
  if (value !== undefined) cell.value = value;
  cell.font = { name: FONT_NAME, size: BODY_SIZE, ...look.font };
  if (look.fill) cell.fill = look.fill;
  if (look.border) cell.border = look.border;
  if (look.alignment) cell.alignment = look.alignment;
}

function rowHeight(lines: number): number {
  return Math.max(1, lines) * LINE_HEIGHT + ROW_PADDING;
}

/** Printed lines of a text in a column: full-width characters take about two width units. */
function wrappedLines(text: string, widthUnits: number, fontSize: number): number {
  const perLine = Math.max(1, (widthUnits - 1) * (BODY_SIZE / fontSize));
  return text.split('\n').reduce((sum, line) => {
    const units = [...line].reduce((n, ch) => n + (/[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2), 0);
    return sum + Math.max(1, Math.ceil(units / perLine));
  }, 0);
}
