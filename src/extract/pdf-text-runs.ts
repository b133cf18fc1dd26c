// A page's text items placed on the page as seen (rotation applied), for grouping into visual lines.
import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** One run of text as pdf.js reports it, in viewport space: origin top-left, y grows downwards. */
export interface TextRun {
  text: string;
  /** Left and right ends of the run. */
  left: number;
  right: number;
  /** The baseline. */
  y: number;
  /** Font size on the page, the unit for gaps and baseline tolerance. */
  size: number;
}

/** Fallback size for runs whose font reports none (zero-height fonts exist in the wild). */
const DEFAULT_SIZE = 10;

export async function pageTextRuns(page: PDFPageProxy): Promise<TextRun[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    // Whitespace items are pdf.js's own guesses at gaps and line ends; gaps are measured again from positions.
    if (!('str' in item) || item.str.trim() === '') continue;
    runs.push(placeRun(item, (x, y) => viewport.convertToViewportPoint(x, y) as [number, number]));
  }
  return runs;
}

function placeRun(item: TextItem, toViewport: (x: number, y: number) => [number, number]): TextRun {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
  // The run advances along the text matrix's x axis; its end point is width further along that axis.
  const scale = Math.hypot(a, b) || 1;
  const [startX, startY] = toViewport(e, f);
  const [endX] = toViewport(e + (item.width * a) / scale, f + (item.width * b) / scale);
  return {
    text: item.str,
    left: Math.min(startX, endX),
    right: Math.max(startX, endX),
    y: startY,
    size: item.height || Math.hypot(c, d) || DEFAULT_SIZE,
  };
}
