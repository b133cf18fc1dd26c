// xlsx → one Grid per sheet, through exceljs. exceljs inflates and builds everything it is given, so
// it only ever sees a zip rebuilt here from parts that already passed the bounded reading of
// ooxml-zip.ts and a cell count: a million-cell sheet or a zip bomb never reaches it, and no
// difference between two zip parsers can smuggle other bytes past the checks.
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { ExtractLimits, ExtractResult, Extractor, Grid, GridCell } from './document.js';
import { readOoxmlParts } from './ooxml-zip.js';
import { attr, readXml, XmlRefusal } from './xml.js';

// The parts exceljs parses (the switch in its xlsx.js load), matched exactly. exceljs crashes when a
// sheet's relationships name a drawing, comments or table part that is missing, so those stay;
// media, themes, printer settings and macros hold no cell text and are never inflated.
const EXCELJS_PARTS =
  /^(?:_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/(?:_rels\/)?sheet\d+\.xml(?:\.rels)?|xl\/drawings\/[a-zA-Z0-9]+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/comments\d+\.xml|xl\/tables\/table\d+\.xml)$/;
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

// exceljs checks each merged block against every earlier one while loading: quadratic time. Real
// forms have a few hundred blocks.
const MAX_MERGED_BLOCKS = 10_000;

// Elements exceljs would expand cell by cell although no text lives there: <cols> (a column object
// per index up to max) and <dataValidations> (an entry per address of every sqref range, so one
// whole-column rule is a million entries). They are cut from the sheet before exceljs sees it.
const CUT_ELEMENTS = new Set(['cols', 'dataValidations']);

// Excel leaves its locale-dependent built-in number formats (ids 27–36, 50–58; ECMA-376 Part 1
// §18.8.30) undefined in styles.xml. In a Japanese workbook they are the 和暦 and 年月日 dates (a cell
// typed 令和5年10月5日 gets id 58) and two times (32, 33). exceljs never assumes a locale, so such
// cells would read as serial numbers; pointing them at the built-in date (14) and time (21)
// formats exceljs knows makes them dates again.
const JAPANESE_DATE_FORMATS = new Set([27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const JAPANESE_TIME_FORMATS = new Set([32, 33]);

export const extractXlsx: Extractor = async (bytes, limits) => {
  const read = await readOoxmlParts(bytes, limits, (name) => EXCELJS_PARTS.test(name));
  if (!read.ok) return unreadable(read.reason);
  if (!read.parts.has('xl/workbook.xml')) return unreadable('not an Excel workbook (the zip has no xl/workbook.xml)');
  let cellsLeft = limits.maxSheetCells;
  for (const [name, xml] of read.parts) {
    if (!SHEET_PART.test(name)) continue;
    const scan = scanSheet(name, xml, cellsLeft, limits);
    if (typeof scan === 'string') return unreadable(scan);
    cellsLeft -= scan.cells;
    read.parts.set(name, scan.xml);
  }
  const styles = read.parts.get('xl/styles.xml');
  if (styles !== undefined) read.parts.set('xl/styles.xml', withJapaneseDateFormats(styles));
  const rebuilt = zipSync(Object.fromEntries([...read.parts].map(([name, xml]) => [name, Buffer.from(xml, 'utf8')])), { level: 0 });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings call its input an ArrayBuffer; JSZip underneath reads any byte array.
    await workbook.xlsx.load(rebuilt as unknown as ArrayBuffer);
  } catch (err) {
    return unreadable(`the workbook could not be parsed (${err instanceof Error ? err.message : String(err)})`);
  }
  return gridsOf(workbook, limits);
};

/**
 * Counts what exceljs will build for a sheet (rows, cells, merged areas), stopping as soon as that
 * passes `cellsLeft`, and cuts CUT_ELEMENTS.
 */
function scanSheet(name: string, xml: string, cellsLeft: number, limits: ExtractLimits): { cells: number; xml: string } | string {
  // exceljs reads without namespaces, so only unprefixed names mean anything to it.
  let cells = 0;
  let merges = 0;
  let depth = 0;
  let cut: { start: number; depth: number } | null = null;
  const kept: string[] = [];
  let keptUpTo = 0;
  const problem = readXml(name, xml, {
    open(tag, end) {
      depth += 1;
      if (cut) return;
      if (tag.name === 'c' || tag.name === 'row') cells += 1;
      if (tag.name === 'mergeCell') {
        merges += 1;
        cells += rangeArea(attr(tag, 'ref') ?? '');
        if (merges > MAX_MERGED_BLOCKS) throw new XmlRefusal(`${name} has more than ${MAX_MERGED_BLOCKS} merged blocks, far beyond any form`);
      }
      if (cells > cellsLeft) throw new XmlRefusal(sheetCellsReason(limits));
      // '<' cannot occur inside a tag, so the last one before the tag's end is where it starts.
      if (CUT_ELEMENTS.has(tag.name)) cut = { start: xml.lastIndexOf('<', end - 1), depth };
    },
    close(_tag, end) {
      if (cut && cut.depth === depth) {
        kept.push(xml.slice(keptUpTo, cut.start));
        keptUpTo = end;
        cut = null;
      }
      depth -= 1;
    },
  });
  if (problem) return problem;
  kept.push(xml.slice(keptUpTo));
  return { cells, xml: kept.join('') };
}

/**
 * Rewrites the numFmtId of cell formats that use an undefined Japanese built-in date or time format.
 * A regular expression is enough: '<' cannot occur inside a tag, and an xf it misses keeps its id.
 */
function withJapaneseDateFormats(styles: string): string {
  const defined = new Set([...styles.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((match) => Number(match[1])));
  return styles.replace(/(<xf\b[^>]*\bnumFmtId=")(\d+)"/g, (xf: string, head: string, id: string) => {
    const format = Number(id);
    if (defined.has(format)) return xf;
    if (JAPANESE_DATE_FORMATS.has(format)) return `${head}14"`;
    return JAPANESE_TIME_FORMATS.has(format) ? `${head}21"` : xf;
  });
}

/** Cells in "A1" or "A1:C3". A reference that does not parse counts once: exceljs fails on it anyway. */
function rangeArea(ref: string): number {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!match) return 1;
  const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = match;
  return (Math.abs(columnNumber(c2) - columnNumber(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

function gridsOf(workbook: ExcelJS.Workbook, limits: ExtractLimits): ExtractResult {
  const grids: Grid[] = [];
  // Laid-out cells, counting every row once: a single cell at row 1048576 must not become a
  // million empty rows.
  let budget = limits.maxSheetCells;
  for (const sheet of workbook.worksheets) {
    budget -= sheet.rowCount;
    for (let r = 1; budget >= 0 && r <= sheet.rowCount; r += 1) budget -= sheet.findRow(r)?.cellCount ?? 0;
    if (budget < 0) return unreadable(sheetCellsReason(limits));
    grids.push(gridOf(sheet));
  }
  return { ok: true, document: { format: 'xlsx', grids, lines: [], namedValues: [], partsRead: grids.length } };
}

function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: GridCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const cells: GridCell[] = [];
    // includeEmpty: a filled cell without a value is empty to exceljs but a mark to a reader.
    sheet.findRow(r)?.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = gridCell(sheet.name, cell);
    });
    while (cells.length > 0 && !meaningful(cells[cells.length - 1])) cells.pop();
    rows.push(Array.from(cells, (cell) => cell ?? { text: '' }));
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return { name: sheet.name, rows };
}

function meaningful(cell: GridCell | undefined): boolean {
  return cell !== undefined && (cell.text !== '' || cell.filled === true || cell.mergeId !== undefined);
}

function gridCell(sheetName: string, cell: ExcelJS.Cell): GridCell {
  // Every cell of a merged block reads as its top-left cell, which holds the block's value and fill.
  const master = cell.master;
  const text = cellText(master.value, master.numFmt);
  const gridCell: GridCell = { text };
  if (cell.isMerged) gridCell.mergeId = `${sheetName}!${master.address}`;
  if (text === '' && solidlyFilled(master.fill)) gridCell.filled = true;
  return gridCell;
}

/** What the cell shows: rich text joined, a formula's cached result, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('').replace(/\r\n?/g, '\n');
  // A hyperlink's text can itself be rich text.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  return ''; // error values (#N/A, #REF! …) carry nothing an applicant wrote
}

function numberText(value: number, numFmt: string | undefined): string {
  // Excel displays at most 15 significant digits (0.1 + 0.2 shows as 0.3).
  const shown = Number(value.toPrecision(15));
  // A format of zeros keeps leading zeros: a postal code 0600001 typed as a number under "0000000".
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(shown) && shown >= 0) return String(shown).padStart(numFmt.length, '0');
  return String(shown);
}

function dateText(date: Date): string {
  // exceljs maps the serial date onto UTC; round to the second to undo floating-point drift.
  const time = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(time)) return '';
  const iso = new Date(time).toISOString();
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 19).replace(/:00$/, '');
  if (clock === '00:00') return day;
  return day === '1899-12-30' ? clock : `${day} ${clock}`; // serial 0 is a time of day alone
}

function solidlyFilled(fill: ExcelJS.Fill | undefined): boolean {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return false;
  // A white fill is how templates hide the grid lines, not a mark. In a fill, Excel reads theme
  // index 0 as lt1, the background colour: white in every built-in theme.
  const color = fill.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  const white = /^(FF)?FFFFFF$/i.test(color?.argb ?? '') || (color?.theme === 0 && !color.tint);
  return !white;
}

function sheetCellsReason(limits: ExtractLimits): string {
  return `sheet cells exceed INTAKE_MAX_SHEET_CELLS (${limits.maxSheetCells})`;
}

function unreadable(reason: string): ExtractResult {
  return { ok: false, failure: { kind: 'unreadable', reason } };
}
