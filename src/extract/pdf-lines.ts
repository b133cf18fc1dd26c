// Groups a page's text runs into visual lines. pdf-parse's getText() joins runs in content-stream
// order, so a form whose labels were drawn before its values (flattened fields, some Excel exports)
// comes out as all labels, then all values. Grouping by baseline keeps a label and the value in the
// next table cell on one line, which is what the PDF reading rule relies on.
import type { TextRun } from './pdf-text-runs.js';

/**
 * Runs whose baselines differ by less than this share a line. Cells centre text of different sizes
 * vertically, so baselines in one row differ by a point or two; the next line is at least one font
 * size further down.
 */
const SAME_LINE_EM = 0.5;
/** A gap this wide is a space that was positioned rather than drawn (a Latin space is ~0.25 em). */
const SPACE_GAP_EM = 0.15;
/**
 * A gap this wide separates table cells: a tab, so the mapper can tell a label's own spaces
 * ("代表者 役職・氏名") from the cell boundary. A full-width space (1 em) stays a space.
 */
const CELL_GAP_EM = 1.5;

export function groupIntoLines(runs: readonly TextRun[]): string[] {
  const byBaseline = [...runs].sort((p, q) => p.y - q.y || p.left - q.left);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const run of byBaseline) {
    // Measured from the line's first run, so a slanted sequence of runs cannot chain lines together.
    if (current.length > 0 && run.y - lineY < SAME_LINE_EM * Math.max(lineSize, run.size)) {
      current.push(run);
      lineSize = Math.max(lineSize, run.size);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [run];
    lineY = run.y;
    lineSize = run.size;
  }
  if (current.length > 0) lines.push(current);
  return lines.map(joinLine).filter((line) => line !== '');
}

function joinLine(runs: TextRun[]): string {
  const ordered = [...runs].sort((p, q) => p.left - q.left);
  let text = '';
  let previous: TextRun | undefined;
  for (const run of ordered) {
    if (previous) text += separator(run.left - previous.right, Math.max(run.size, previous.size));
    text += run.text;
    previous = run;
  }
  return tidy(text);
}

function separator(gap: number, size: number): string {
  if (gap >= CELL_GAP_EM * size) return '\t';
  if (gap >= SPACE_GAP_EM * size) return ' ';
  return '';
}

/** One space at most, none around a tab or at the ends; the mapper does the Japanese normalization. */
function tidy(line: string): string {
  return line
    .replace(/[ \t]*\t[ \t]*/g, '\t')
    .replace(/ {2,}/g, ' ')
    .trim();
}
