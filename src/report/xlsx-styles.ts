// Cell styles of the workbook. One style object per combination, reused for every cell: exceljs keys
// its style table on the object (a WeakMap), so 10,000 rows of fresh objects would cost time.
import type { Fill, Style } from 'exceljs';
import type { CellKind, CellValue } from './field-values.js';

const FONT = { name: 'Yu Gothic', size: 10 } as const;

const NUMBER_FORMATS: Readonly<Record<CellKind, string>> = {
  // "@" is Excel's Text format. A string cell is never a formula when the file opens; the Text
  // format also keeps Excel from turning it into one when staff edit the cell and press Enter
  // (the "re-evaluation on interaction" route of formula injection).
  text: '@',
  integer: '#,##0',
  yen: '"¥"#,##0',
  months: 'General"か月"',
  datetime: 'yyyy/mm/dd hh:mm',
};

/** Rows needing attention: a light amber fill that still prints legibly in grey. */
const ATTENTION_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE3BF' } };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

export const HEADER_STYLE: Partial<Style> = {
  font: { ...FONT, bold: true },
  fill: HEADER_FILL,
  alignment: { vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } },
  numFmt: '@',
};

export const TITLE_STYLE: Partial<Style> = { font: { ...FONT, size: 12, bold: true } };
export const NOTE_STYLE: Partial<Style> = { font: FONT, numFmt: '@' };

const cache = new Map<string, Partial<Style>>();

/**
 * The style of a body cell. A string is always styled as text, whatever its column: a number field
 * holding prose gets the Text format too.
 */
export function cellStyle(kind: CellKind, value: CellValue, attention: boolean): Partial<Style> {
  const effective: CellKind = typeof value === 'string' ? 'text' : kind;
  const key = `${effective}|${attention}`;
  let style = cache.get(key);
  if (!style) {
    style = {
      font: FONT,
      numFmt: NUMBER_FORMATS[effective],
      alignment: { vertical: 'top', wrapText: effective === 'text' },
      ...(attention ? { fill: ATTENTION_FILL } : {}),
    };
    cache.set(key, style);
  }
  return style;
}
