// The xlsx 申請書 as Excel lays it out and prints it: A4 portrait, one sheet, groups of option rows.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIELDS } from './definition.js';
import { writeXlsxForm } from './template-xlsx.js';

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['申請書']);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
}

function labelCell(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.getColumn(1).eachCell((cell) => {
    if (!found && cell.master === cell && cell.text === label) found = cell;
  });
  if (!found) throw new Error(`no label ${label}`);
  return found;
}

describe('writeXlsxForm', () => {
  it('prints on A4 portrait, one page wide, within a print area that covers the form', async () => {
    const sheet = await sheetOf(await writeXlsxForm());
    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe('portrait');
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(setup.printArea).toBe(`A1:D${sheet.rowCount}`);
    expect(sheet.getCell(`A${sheet.rowCount}`).text).toMatch(/^6\. 提出先/);
    expect(sheet.columns.map((c) => c.width)).toEqual([26, 4, 48, 26]);
  });

  it('merges a group label over its option rows, the mark alone in B and the option label in C', async () => {
    const sheet = await sheetOf(await writeXlsxForm({ chosen: { 'development.openness': ['code', 'none'] } }));
    for (const field of FIELDS.filter((f) => f.type === 'enum' || f.type === 'enumSet')) {
      const label = labelCell(sheet, `${field.label}${field.required ? '※' : ''}`);
      const first = Number(label.row);
      field.options?.forEach((option, i) => {
        expect(sheet.getCell(first + i, 1).master).toBe(label);
        expect(sheet.getCell(first + i, 3).text).toBe(option.label);
        const chosen = field.key === 'development.openness' && (option.value === 'code' || option.value === 'none');
        expect(sheet.getCell(first + i, 2).text).toBe(chosen ? '■' : '□');
      });
      expect(sheet.getCell(first + (field.options?.length ?? 0), 1).master).not.toBe(label);
      // The hint sits right of the answer, never between label and answer.
      expect(sheet.getCell(first, 4).text).toBe(field.hint);
    }
  });

  it('puts a text answer in B (merged over C) right of its label, free text in a taller wrapped row', async () => {
    const summary = Array.from({ length: 6 }, (_, i) => `第${i + 1}段階の開発内容`).join('\n');
    const sheet = await sheetOf(await writeXlsxForm({ values: { 'applicant.name': '株式会社テスト', 'development.summary': summary } }));
    const name = labelCell(sheet, '法人名（申請者名）※');
    const answer = sheet.getCell(Number(name.row), 2);
    expect(answer.text).toBe('株式会社テスト');
    expect(sheet.getCell(Number(name.row), 3).master).toBe(answer);
    expect(name.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(name.border?.left?.style).toBe('thin');

    const summaryRow = Number(labelCell(sheet, '開発内容の概要※').row);
    expect(sheet.getCell(summaryRow, 2).text).toBe(summary);
    expect(sheet.getCell(summaryRow, 2).alignment?.wrapText).toBe(true);
    const blankNovelty = sheet.getRow(Number(labelCell(sheet, '新規性').row)).height;
    const singleLine = sheet.getRow(Number(name.row)).height;
    expect(blankNovelty).toBeGreaterThan(singleLine);
    expect(sheet.getRow(summaryRow).height).toBeGreaterThan(blankNovelty);
  });

  it('puts 提出日 top right with its value in the cell to its right', async () => {
    const sheet = await sheetOf(await writeXlsxForm({ values: { 'form.submittedOn': '令和5年10月5日' } }));
    expect(sheet.getCell('C1').text).toBe('提出日');
    expect(sheet.getCell('D1').text).toBe('令和5年10月5日');
    expect(sheet.getCell('A3').text).toBe('競争力ある生成AI基盤モデルの開発に係る事前調査 申請書');
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('A3').alignment?.horizontal).toBe('center');
  });
});
