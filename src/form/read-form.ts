// Maps an extracted document to the form's answers, by label (application-form.md "Reading rules"):
// in a grid the cell right of the label, else the cell below it (merged blocks count as one cell);
// in lines the text after the label, or the following lines up to the next known label.
import type { ExtractedDocument, Grid, GridCell } from '../extract/document.js';
import { markOnly } from '../normalize/checkbox.js';
import { FIELDS, type FieldDef } from './definition.js';
import { isStopText, matchLabel, matchLabelPrefix, type LabelMatch } from './labels.js';

export interface FormReading {
  /** Verbatim answer by field key; '' when the label is there but the answer is blank. */
  answers: Map<string, string>;
  /** Distinct fields whose label was found: how much the document looks like a 申請書. */
  labelsFound: number;
}

interface Reading {
  key: string;
  text: string;
  /** Lower is better: named values, then label cells/lines, then labels inline with text. */
  source: number;
  primary: boolean;
  order: number;
}

const SOURCE_NAMED = 0;
const SOURCE_LABEL = 1;
const SOURCE_INLINE = 2;

const isOptionField = (field: FieldDef) => field.type === 'enum' || field.type === 'enumSet' || field.type === 'boolean';

function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.rows[row]?.[col];
}

const textOf = (cell: GridCell | undefined) => cell?.text.trim() ?? '';

/** The last row and column of the merged block that starts at (row, col). */
function blockEnd(grid: Grid, row: number, col: number): { row: number; col: number } {
  const id = cellAt(grid, row, col)?.mergeId;
  if (!id) return { row, col };
  let lastCol = col;
  while (cellAt(grid, row, lastCol + 1)?.mergeId === id) lastCol += 1;
  let lastRow = row;
  while (cellAt(grid, lastRow + 1, col)?.mergeId === id) lastRow += 1;
  return { row: lastRow, col: lastCol };
}

/** A cell that can hold an answer: not empty, not another label, not a heading or a printed hint. */
const isAnswerCell = (cell: GridCell | undefined) => textOf(cell) !== '' && !matchLabel(textOf(cell)) && !isStopText(textOf(cell));

/** A checkbox cell holding only a mark, or filled in: written as the mark it stands for. */
function cellAsText(cell: GridCell): string {
  const text = cell.text.trim();
  if (text === '') return cell.filled ? '■' : '';
  const mark = markOnly(text);
  return mark === 'chosen' ? '■' : mark === 'unchosen' ? '□' : text;
}

/**
 * The answer region of an option group: the cells right of the label over the label's rows, and
 * over the rows below it while the label column stays empty (applicants insert option rows).
 */
function optionRegion(grid: Grid, row: number, col: number, end: { row: number; col: number }): string {
  const lines: string[] = [];
  for (let r = row; r < grid.rows.length; r += 1) {
    const inLabelBlock = r <= end.row;
    if (!inLabelBlock && textOf(cellAt(grid, r, col)) !== '') break;
    const cells = (grid.rows[r] ?? []).slice(end.col + 1);
    if (!inLabelBlock && cells.some((cell) => matchLabel(cell.text))) break;
    const seen = new Set<string>();
    const parts = cells
      .filter((cell) => !isStopText(cell.text))
      .filter((cell) => !cell.mergeId || (!seen.has(cell.mergeId) && seen.add(cell.mergeId)))
      .map(cellAsText)
      .filter(Boolean);
    if (!inLabelBlock && parts.length === 0) break;
    lines.push(parts.join(' '));
  }
  return lines.join('\n').trim();
}

function answerInGrid(grid: Grid, row: number, col: number, field: FieldDef): string {
  const end = blockEnd(grid, row, col);
  const below = cellAt(grid, end.row + 1, col);
  if (isOptionField(field)) {
    const region = optionRegion(grid, row, col, end);
    return region || (isAnswerCell(below) ? textOf(below) : '');
  }
  const right = cellAt(grid, row, end.col + 1);
  if (isAnswerCell(right)) return right?.text ?? '';
  return isAnswerCell(below) ? (below?.text ?? '') : '';
}

function readGrid(grid: Grid, add: (match: LabelMatch, text: string, source: number) => void): void {
  const seenBlocks = new Set<string>();
  grid.rows.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      if (!cell.text.trim()) return;
      if (cell.mergeId) {
        if (seenBlocks.has(cell.mergeId)) return;
        seenBlocks.add(cell.mergeId);
      }
      const label = matchLabel(cell.text);
      if (label) return add(label, answerInGrid(grid, row, col, label.field), SOURCE_LABEL);
      const inline = matchLabelPrefix(cell.text);
      if (inline && inline.rest.trim()) add(inline, inline.rest, SOURCE_INLINE);
    }),
  );
}

/** A page footer such as "2 / 3": an answer may continue past it onto the next page. */
const PAGE_NUMBER = /^\s*\d+\s*\/\s*\d+\s*$/;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。]/u;

/** Joins a value wrapped over lines: no space between Japanese characters, one between words. */
function joinWrapped(parts: string[]): string {
  return parts.reduce((joined, part) => {
    if (!joined) return part;
    return CJK.test(joined.slice(-1)) || CJK.test(part.charAt(0)) ? joined + part : `${joined} ${part}`;
  }, '');
}

function readLines(lines: readonly string[], add: (match: LabelMatch, text: string, source: number) => void): void {
  // A section heading ("3. 開発内容") is no label, even where its title is a label's variant.
  const labels = lines.map((line) => (isStopText(line) ? null : matchLabelPrefix(line)));
  labels.forEach((label, index) => {
    if (!label) return;
    const following: string[] = [];
    for (let next = index + 1; next < lines.length; next += 1) {
      const line = lines[next] ?? '';
      if (PAGE_NUMBER.test(line)) continue;
      if (labels[next] || isStopText(line)) break;
      if (line.trim()) following.push(line.trim());
    }
    const parts = [label.rest.trim(), ...following].filter(Boolean);
    const { field } = label;
    let text: string;
    if (field.type === 'text') text = joinWrapped(parts);
    else if (field.type === 'freeText' || isOptionField(field)) text = parts.join('\n');
    // A single value (a number, a date, an address of one line): on the label's line, else the next.
    else text = parts[0] ?? '';
    add(label, text, SOURCE_LABEL);
  });
}

function readNamedValues(doc: ExtractedDocument, add: (match: LabelMatch, text: string, source: number) => void): void {
  for (const { name, value } of doc.namedValues) {
    const label = matchLabel(name) ?? matchLabelPrefix(name);
    if (label) add(label, value, SOURCE_NAMED);
  }
}

/** Checkbox fields named after an option ("開発区分_大規模言語モデル" = ☑): read as "<name> <mark>". */
function namedOptionText(doc: ExtractedDocument): string {
  return doc.namedValues
    .filter(({ value }) => markOnly(value) !== null)
    .map(({ name, value }) => `${name} ${value}`)
    .join('\n');
}

export function readForm(doc: ExtractedDocument): FormReading {
  const readings: Reading[] = [];
  const add = (match: LabelMatch, text: string, source: number) =>
    readings.push({ key: match.field.key, text, source, primary: match.primary, order: readings.length });
  readNamedValues(doc, add);
  for (const grid of doc.grids) readGrid(grid, add);
  readLines(doc.lines, add);

  const best = new Map<string, Reading>();
  const rank = (r: Reading) => [r.text.trim() ? 0 : 1, r.source, r.primary ? 0 : 1, r.order];
  for (const reading of readings) {
    const current = best.get(reading.key);
    if (!current || compareRanks(rank(reading), rank(current)) < 0) best.set(reading.key, reading);
  }
  const answers = new Map([...best].map(([key, reading]) => [key, reading.text]));
  const optionText = namedOptionText(doc);
  if (optionText) {
    // Only the groups' own option labels are found in this text, so every group may read it.
    for (const field of FIELDS) {
      if ((field.type === 'enum' || field.type === 'enumSet') && !answers.get(field.key)?.trim()) answers.set(field.key, optionText);
    }
  }
  return { answers, labelsFound: best.size };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
