// The 申請書 as a PDF: A4 portrait, a ruled two-column table (label | answer) drawn with pdfkit,
// Noto Sans JP embedded so it renders on any viewer.
//
// PDF readers get only lines of text, so the geometry is chosen for them: a label and the first
// line of its answer share one baseline ("法人番号 1234567890123"); a label and a hint each fit on
// one line (the label column is as wide as the longest of them); a hint sits at the foot of the
// label cell, below the last answer line, so in reading order it follows the whole answer.
import PDFDocument from 'pdfkit';
import { japaneseFontPaths, symbolFontPath } from './font.js';
import { buildFormLayout, type FieldRow, type FormFill, type FormLayout, type InsertedRow, type TableRow } from './template-layout.js';

type Doc = InstanceType<typeof PDFDocument>;

const FONT = 'NotoSansJP';
const FONT_BOLD = 'NotoSansJP-Bold';
const FONT_SYMBOLS = 'Symbols';
const MARGIN = { top: 48, bottom: 56, left: 48, right: 48 };
const SIZE = { title: 14, lead: 10, section: 10, body: 9.5, hint: 7, note: 8.5, page: 8 };
const LINE_GAP = 2;
const PAD = 4;
const LABEL_WIDTH_LIMITS = { min: 120, max: 200 };
const COLOR = { rule: '#404040', label: '#f2f2f2', section: '#d9e1f2', hint: '#595959', text: '#000000' };

export async function writePdfForm(fill?: FormFill): Promise<Buffer> {
  const layout = buildFormLayout(fill);
  const fonts = japaneseFontPaths();
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, lang: 'ja-JP', displayTitle: true, info: { Title: layout.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const symbols = symbolFontPath();
  if (symbols) doc.registerFont(FONT_SYMBOLS, symbols);

  new FormPdf(doc, layout, symbols !== undefined).draw();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

class FormPdf {
  private readonly left = MARGIN.left;
  private readonly width: number;
  private readonly labelWidth: number;
  private y = MARGIN.top;
  private readonly glyphs = new Map<string, boolean>();

  constructor(
    private readonly doc: Doc,
    private readonly layout: FormLayout,
    private readonly hasSymbolFont: boolean,
  ) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    this.labelWidth = this.fitLabelColumn();
  }

  draw(): void {
    this.drawHeading();
    for (const section of this.layout.sections) {
      this.drawSection(section.heading, section.rows[0]);
      for (const row of section.rows) this.drawRow(row);
    }
    this.drawNotes();
    this.drawPageNumbers();
  }

  private drawHeading(): void {
    const { doc, layout } = this;
    for (const line of layout.header) {
      this.text(`${line.label}　${line.value}`, this.left, this.y, { width: this.width, align: 'right', size: SIZE.lead });
      this.y += doc.currentLineHeight(true) + LINE_GAP;
    }
    this.y += 12;
    this.text(layout.title, this.left, this.y, { width: this.width, align: 'center', size: SIZE.title, bold: true });
    this.y += this.height(layout.title, this.width, SIZE.title, true) + 14;
    this.text(layout.lead, this.left, this.y, { width: this.width, size: SIZE.lead });
    this.y += this.height(layout.lead, this.width, SIZE.lead) + 10;
  }

  /** A section heading stays on the page of its first row. */
  private drawSection(heading: string, first: TableRow | undefined): void {
    const h = this.height(heading, this.width - 2 * PAD, SIZE.section, true) + 2 * PAD;
    this.ensureRoom(h + (first ? Math.min(this.partHeight(rowTexts(first)), 6 * this.lineHeight(SIZE.body)) : 0));
    this.cell(this.left, this.y, this.width, h, COLOR.section);
    this.text(heading, this.left + PAD, this.y + PAD, { width: this.width - 2 * PAD, size: SIZE.section, bold: true });
    this.y += h;
  }

  private drawRow(row: TableRow): void {
    const part = rowTexts(row);
    const h = this.partHeight(part);
    if (h > this.pageBottom - MARGIN.top && part.span === undefined) return this.drawSplitRow(part);
    this.ensureRoom(h);
    this.drawPart(part, h);
  }

  private drawPart(part: RowPart, h: number): void {
    const { label, answer, hint, span } = part;
    const answerX = this.left + this.labelWidth;
    const answerWidth = this.width - this.labelWidth;
    if (span !== undefined) {
      this.cell(this.left, this.y, this.width, h);
      this.text(span, this.left + PAD, this.y + PAD, { width: this.width - 2 * PAD, size: SIZE.body });
    } else {
      this.cell(this.left, this.y, this.labelWidth, h, COLOR.label);
      this.cell(answerX, this.y, answerWidth, h);
      // Label first, then the answer at the same top: the first lines share a baseline.
      this.text(label, this.left + PAD, this.y + PAD, { width: this.labelWidth - 2 * PAD, size: SIZE.body });
      let answerY = this.y + PAD;
      for (const line of answer) {
        this.text(line, answerX + PAD, answerY, { width: answerWidth - 2 * PAD, size: SIZE.body });
        answerY += this.height(line, answerWidth - 2 * PAD, SIZE.body);
      }
      if (hint) {
        const hintY = this.y + h - PAD - this.height(hint, this.labelWidth - 2 * PAD, SIZE.hint);
        this.text(hint, this.left + PAD, hintY, { width: this.labelWidth - 2 * PAD, size: SIZE.hint, color: COLOR.hint });
      }
    }
    this.y += h;
  }

  /**
   * An answer longer than a page cannot stay whole: it runs on over pages in rows whose label cell
   * is left blank, so a reader takes the following lines as more of the same answer. The label
   * heads the first part, the hint ends the last.
   */
  private drawSplitRow(part: RowPart): void {
    const width = this.width - this.labelWidth - 2 * PAD;
    const hintHeight = part.hint ? this.height(part.hint, this.labelWidth - 2 * PAD, SIZE.hint) + 2 : 0;
    const queue = [...part.answer];
    for (let first = true; queue.length > 0; first = false) {
      if (this.pageBottom - this.y < 4 * this.lineHeight(SIZE.body) + hintHeight + 2 * PAD) this.newPage();
      const room = this.pageBottom - this.y - 2 * PAD - hintHeight;
      const taken: string[] = [];
      let used = 0;
      while (queue.length > 0) {
        const line = queue[0] ?? '';
        const h = this.height(line, width, SIZE.body);
        if (used + h <= room) {
          taken.push(line);
          used += h;
          queue.shift();
          continue;
        }
        // Fill the page: a line that does not fit whole breaks where the page ends.
        if (room - used >= this.lineHeight(SIZE.body)) {
          const [head, tail] = this.splitToFit(line, width, room - used);
          taken.push(head);
          queue[0] = tail;
        }
        break;
      }
      const last = queue.length === 0;
      const piece: RowPart = { label: first ? part.label : '', answer: taken, hint: last ? part.hint : '', minLines: 1 };
      this.drawPart(piece, last ? this.partHeight(piece) : this.pageBottom - this.y);
    }
  }

  /** The longest head of a line that fits the height, and the rest. */
  private splitToFit(line: string, width: number, room: number): [string, string] {
    const chars = [...line];
    let low = 1;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.height(chars.slice(0, mid).join(''), width, SIZE.body) <= room) low = mid;
      else high = mid - 1;
    }
    return [chars.slice(0, low).join(''), chars.slice(low).join('')];
  }

  private partHeight(part: RowPart): number {
    const { label, answer, hint, span, minLines } = part;
    if (span !== undefined) return this.height(span, this.width - 2 * PAD, SIZE.body) + 2 * PAD;
    const answerWidth = this.width - this.labelWidth - 2 * PAD;
    const answerHeight = answer.reduce((sum, line) => sum + this.height(line, answerWidth, SIZE.body), 0);
    const labelHeight = this.height(label, this.labelWidth - 2 * PAD, SIZE.body);
    const hintHeight = hint ? this.height(hint, this.labelWidth - 2 * PAD, SIZE.hint) + 2 : 0;
    const room = minLines * this.lineHeight(SIZE.body);
    return Math.max(Math.max(labelHeight, answerHeight) + hintHeight, room) + 2 * PAD;
  }

  private drawNotes(): void {
    const { doc, layout } = this;
    this.y += 14;
    this.ensureRoom(this.lineHeight(SIZE.section) * 3);
    this.text(layout.notesHeading, this.left, this.y, { width: this.width, size: SIZE.section, bold: true });
    this.y += this.lineHeight(SIZE.section) + 4;
    // Hanging indent: the number stands out, wrapped lines align with the text.
    doc.font(FONT).fontSize(SIZE.note);
    const indent = doc.widthOfString('00. ');
    for (const note of layout.notes) {
      const [number = '', ...rest] = note.split(' ');
      const body = rest.join(' ');
      const h = this.height(body, this.width - indent, SIZE.note);
      this.ensureRoom(h);
      this.text(number, this.left, this.y, { width: indent, size: SIZE.note });
      this.text(body, this.left + indent, this.y, { width: this.width - indent, size: SIZE.note });
      this.y += h + 3;
    }
  }

  private drawPageNumbers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.text(`${i + 1} / ${range.count}`, this.left, doc.page.height - MARGIN.bottom + 20, { width: this.width, align: 'center', size: SIZE.page });
      doc.page.margins.bottom = bottom;
    }
  }

  private get pageBottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private ensureRoom(h: number): void {
    if (this.y + h > this.pageBottom) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** The label column fits every label and hint on one line, so PDF readers see them whole. */
  private fitLabelColumn(): number {
    let widest = 0;
    for (const row of this.layout.sections.flatMap((s) => s.rows)) {
      if (row.kind !== 'field') continue;
      widest = Math.max(widest, this.measure(row.label, SIZE.body), this.measure(row.hint, SIZE.hint));
    }
    return Math.min(LABEL_WIDTH_LIMITS.max, Math.max(LABEL_WIDTH_LIMITS.min, Math.ceil(widest) + 2 * PAD + 2));
  }

  private measure(text: string, size: number): number {
    return this.doc.font(FONT).fontSize(size).widthOfString(text);
  }

  private lineHeight(size: number): number {
    return this.doc.font(FONT).fontSize(size).currentLineHeight(true) + LINE_GAP;
  }

  private height(text: string, width: number, size: number, bold = false): number {
    if (!text) return this.lineHeight(size);
    return this.doc.font(bold ? FONT_BOLD : FONT).fontSize(size).heightOfString(text, { width, lineGap: LINE_GAP });
  }

  private text(text: string, x: number, y: number, opts: { width: number; size: number; bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string }): void {
    if (!text) return;
    const { doc } = this;
    const font = opts.bold ? FONT_BOLD : FONT;
    const runs = this.fontRuns(text, font);
    // A stand-in font sits on the Japanese font's baseline, or readers would split the line there.
    const baseline = -fontInternals(doc.font(font).fontSize(opts.size)).ascender * (opts.size / 1000);
    runs.forEach((run, i) => {
      doc.font(run.font).fontSize(opts.size).fillColor(opts.color ?? COLOR.text);
      const options = { width: opts.width, align: opts.align ?? 'left', lineGap: LINE_GAP, continued: i < runs.length - 1, baseline };
      if (i === 0) doc.text(run.text, x, y, options);
      else doc.text(run.text, options);
    });
  }

  /** Splits text where the Japanese font lacks a glyph (☑ ☐ ✔) and a symbol font can stand in. */
  private fontRuns(text: string, font: string): { font: string; text: string }[] {
    if (!this.hasSymbolFont) return [{ font, text }];
    const runs: { font: string; text: string }[] = [];
    for (const ch of text) {
      let covered = this.glyphs.get(ch);
      if (covered === undefined) {
        covered = /\s/.test(ch) || fontInternals(this.doc.font(FONT)).font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
        this.glyphs.set(ch, covered);
      }
      const runFont = covered ? font : FONT_SYMBOLS;
      const last = runs.at(-1);
      if (last?.font === runFont) last.text += ch;
      else runs.push({ font: runFont, text: ch });
    }
    return runs;
  }

  private cell(x: number, y: number, w: number, h: number, shade?: string): void {
    const { doc } = this;
    doc.save().lineWidth(0.6).strokeColor(COLOR.rule);
    if (shade) doc.rect(x, y, w, h).fillAndStroke(shade, COLOR.rule);
    else doc.rect(x, y, w, h).stroke();
    doc.restore();
  }
}

/**
 * pdfkit's current font: its public API tells neither the ascender nor whether a glyph exists;
 * pinned pdfkit 0.20 keeps both on the embedded font (the fontkit font under `font`).
 */
function fontInternals(doc: Doc): { ascender: number; font: { hasGlyphForCodePoint(codePoint: number): boolean } } {
  return (doc as unknown as { _font: ReturnType<typeof fontInternals> })._font;
}

/** What a row prints: the label cell, the answer lines (one per option), the hint, or one span. */
interface RowPart {
  label: string;
  answer: string[];
  hint: string;
  span?: string;
  minLines: number;
}

function rowTexts(row: TableRow): RowPart {
  if (row.kind === 'inserted') return insertedTexts(row);
  return { label: row.label, answer: answerLines(row), hint: row.hint, minLines: row.answer.kind === 'text' ? row.answer.minLines : 1 };
}

function answerLines(row: FieldRow): string[] {
  const { answer } = row;
  if (answer.kind === 'text') return answer.lines;
  return answer.layout === 'inline' ? [answer.text] : answer.choices.map((choice) => choice.text);
}

function insertedTexts(row: InsertedRow): RowPart {
  const [label = '', answer = '', hint = ''] = row.texts;
  if (row.texts.length === 1) return { label: '', answer: [], hint: '', span: label, minLines: 1 };
  return { label, answer: answer ? answer.split(/\r?\n/) : [], hint, minLines: 1 };
}
