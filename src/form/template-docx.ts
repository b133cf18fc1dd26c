// The 申請書 as a Word document: A4 portrait, 明朝 body, a real table of three columns —
// label | answer | 記入上の注意. One table row per field: a checkbox group's options are paragraphs
// of its answer cell ("□ 大企業"), so the answer is always the next cell of the label's row.
import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { buildFormLayout, type FieldRow, type FormFill, type InsertedRow, type TableRow as LayoutRow } from './template-layout.js';

const MINCHO = 'ＭＳ 明朝';
const GOTHIC = 'ＭＳ ゴシック';
/** Sizes in half-points, as Word stores them. */
const SIZE = { title: 28, body: 21, hint: 16, note: 18 };
/** A4 in twips, 20 mm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMN_WIDTHS = [2600, 4838, 2200] as const; // label, answer, hint: sum = CONTENT_WIDTH
/** One written line of 10.5 pt text in a cell, in twips: free-text rows get `lines` of them. */
const LINE_TWIPS = 360;
const SHADE = { label: 'F2F2F2', section: 'D9E1F2' };

export async function writeDocxForm(fill?: FormFill): Promise<Buffer> {
  const layout = buildFormLayout(fill);
  const tableRows: TableRow[] = [
    new TableRow({
      tableHeader: true, // repeats on every page the table runs over
      cantSplit: true,
      children: [layout.columns.label, layout.columns.answer, layout.columns.hint].map((text, i) =>
        cell([para(text, { bold: true, font: GOTHIC, align: AlignmentType.CENTER })], COLUMN_WIDTHS[i] ?? 0, { shade: SHADE.section }),
      ),
    }),
  ];
  for (const section of layout.sections) {
    tableRows.push(
      new TableRow({
        cantSplit: true,
        keepNext: true, // a heading stays with its first field
        children: [cell([para(section.heading, { bold: true, font: GOTHIC })], CONTENT_WIDTH, { shade: SHADE.section, span: 3 })],
      }),
    );
    for (const row of section.rows) tableRows.push(tableRow(row));
  }

  const document = new Document({
    title: layout.title,
    styles: { default: { document: { run: { font: fontOf(MINCHO), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: SIZE.hint })],
              }),
            ],
          }),
        },
        children: [
          ...layout.header.map((line) => para(`${line.label}　${line.value}`, { align: AlignmentType.RIGHT })),
          para(layout.title, { bold: true, font: GOTHIC, size: SIZE.title, align: AlignmentType.CENTER, before: 240, after: 240 }),
          para(layout.lead, { after: 160 }),
          new Table({
            rows: tableRows,
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: [...COLUMN_WIDTHS],
            layout: TableLayoutType.FIXED,
            margins: { top: 40, bottom: 40, left: 100, right: 100 },
          }),
          para(layout.notesHeading, { bold: true, font: GOTHIC, before: 240, after: 80 }),
          // Numbers are typed, not Word numbering, so every reader sees "1." in the text.
          ...layout.notes.map((note) => para(note, { size: SIZE.note, hanging: 320, after: 40 })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function tableRow(row: LayoutRow): TableRow {
  return row.kind === 'field' ? fieldRow(row) : insertedRow(row);
}

function fieldRow(row: FieldRow): TableRow {
  const { answer } = row;
  let answerParagraphs: Paragraph[];
  let minLines = 1;
  if (answer.kind === 'text') {
    answerParagraphs = answer.lines.map((line) => para(line));
    minLines = answer.minLines;
  } else if (answer.layout === 'inline') {
    answerParagraphs = [para(answer.text)];
  } else {
    answerParagraphs = answer.choices.map((choice) => para(choice.text));
  }
  return new TableRow({
    cantSplit: true,
    height: { value: minLines * LINE_TWIPS + 80, rule: HeightRule.ATLEAST },
    children: [
      cell([para(row.label)], COLUMN_WIDTHS[0], { shade: SHADE.label }),
      cell(answerParagraphs, COLUMN_WIDTHS[1], { top: minLines > 1 || answerParagraphs.length > 1 }),
      cell([para(row.hint, { size: SIZE.hint, color: '595959' })], COLUMN_WIDTHS[2]),
    ],
  });
}

function insertedRow(row: InsertedRow): TableRow {
  if (row.texts.length === 1) {
    return new TableRow({ cantSplit: true, children: [cell([para(row.texts[0] ?? '')], CONTENT_WIDTH, { span: 3 })] });
  }
  const [label = '', answer = '', hint = ''] = row.texts;
  return new TableRow({
    cantSplit: true,
    children: [
      cell([para(label)], COLUMN_WIDTHS[0], { shade: SHADE.label }),
      cell([para(answer)], COLUMN_WIDTHS[1]),
      cell([para(hint, { size: SIZE.hint, color: '595959' })], COLUMN_WIDTHS[2]),
    ],
  });
}

function cell(children: Paragraph[], width: number, opts: { shade?: string; span?: number; top?: boolean } = {}): TableCell {
  return new TableCell({
    // A cell needs at least one paragraph, or Word reports the file as damaged.
    children: children.length > 0 ? children : [para('')],
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: opts.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    shading: opts.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } : undefined,
  });
}

interface ParaLook {
  bold?: boolean;
  font?: string;
  size?: number;
  color?: string;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  /** Hanging indent in twips: wrapped lines align after the number. */
  hanging?: number;
}

function para(text: string, look: ParaLook = {}): Paragraph {
  return new Paragraph({
    alignment: look.align,
    spacing: { before: look.before ?? 0, after: look.after ?? 0 },
    indent: look.hanging ? { left: look.hanging, hanging: look.hanging } : undefined,
    // A line break inside a paragraph is a <w:br/>; a "\n" in the text would show as a space.
    children: (text ? text.split(/\r?\n/) : []).map(
      (line, i) =>
        new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: look.bold, size: look.size, color: look.color, font: look.font ? fontOf(look.font) : undefined }),
    ),
  });
}

function fontOf(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}
