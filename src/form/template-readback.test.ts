// Every writer, read back as the extractors will read it: the title, the sections, every label
// (※ when required), every checkbox option, and filled answers beside their labels.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { FIELDS, FORM_TITLE, NOTES, SECTIONS } from './definition.js';
import { buildFormLayout, type FieldRow, type FormFill, type FormLayout } from './template-layout.js';
import { writeDocxForm } from './template-docx.js';
import { writePdfForm } from './template-pdf.js';
import { writeXlsxForm } from './template-xlsx.js';

/** A form as read back: all texts in reading order, and the answer lines printed for a label. */
interface Readback {
  texts: string[];
  answerOf(label: string): string[] | undefined;
}

const FILL: FormFill = {
  values: {
    'form.submittedOn': '令和5年10月5日',
    'applicant.name': '株式会社テスト基盤',
    'applicant.corporateNumber': '1234567890123',
    'contact.email': 'taro@example.co.jp',
    'development.summary': '日本語の基盤モデルを開発する。\n二段階で学習する。',
    'development.parameterCount': '130億',
    'compute.gpuCount': '512基',
    'compute.requestedAmountYen': '1億2,000万円',
  },
  chosen: {
    'applicant.category': ['sme'],
    'applicant.foreignSubsidiary': ['false'],
    'development.categories': ['llm', 'multimodal'],
    'development.openness': ['model', 'details'],
  },
  labels: { 'contact.phone': 'TEL' },
  insertRows: [
    { afterKey: 'applicant.address', texts: ['（注）登記上の本店所在地を記入'] },
    { afterKey: 'contact.email', texts: ['備考', '平日のみ連絡可'] },
  ],
};

const READERS: Record<'xlsx' | 'docx' | 'pdf', (fill?: FormFill) => Promise<Readback>> = {
  xlsx: async (fill) => readXlsx(await writeXlsxForm(fill)),
  docx: async (fill) => readDocx(await writeDocxForm(fill)),
  pdf: async (fill) => readPdf(await writePdfForm(fill), buildFormLayout(fill)),
};

const fieldRows = (layout: FormLayout): FieldRow[] =>
  layout.sections.flatMap((s) => s.rows).filter((row): row is FieldRow => row.kind === 'field');

/** What the answer cell holds: text lines, one "□ option" per line, or the はい/いいえ line. */
function expectedAnswer(row: FieldRow): string[] {
  const { answer } = row;
  if (answer.kind === 'text') return answer.lines;
  return answer.layout === 'inline' ? [answer.text] : answer.choices.map((c) => c.text);
}

// pdf.js reads U+3000 (the full-width space between はい and いいえ) back as a plain space.
const loose = (lines: string[] | undefined) => lines?.map((line) => line.replace(/\u3000/g, ' '));

describe.each(Object.entries(READERS))('%s 申請書 read back', (_format, read) => {
  it('the blank form has the title, the lead, the five sections, every label and every option as □', async () => {
    const form = await read();
    const all = form.texts.join('\n');
    expect(all).toContain(FORM_TITLE);
    expect(all).toContain('下記のとおり申請します');
    for (const section of SECTIONS) expect(form.texts).toContain(`${section.no}. ${section.title}`);
    for (const field of FIELDS.filter((f) => f.section !== 'form')) {
      const label = field.required ? `${field.label}※` : field.label;
      const answer = form.answerOf(label);
      expect(answer, label).toBeDefined();
      if (field.type === 'boolean') expect(loose(answer)).toEqual(loose(['□はい　□いいえ']));
      else if (field.options) expect(answer).toEqual(field.options.map((o) => `□ ${o.label}`));
      else expect(answer).toEqual([]);
    }
    expect(all).toMatch(/提出日\s*令和\s+年\s+月\s+日/);
    expect(all).toContain('記入要領');
    NOTES.forEach((note, i) => expect(all.replace(/\n/g, '')).toContain(`${i + 1}. ${note}`));
  });

  it('a filled form prints each answer beside its label and the chosen options as ■', async () => {
    const form = await read(FILL);
    for (const row of fieldRows(buildFormLayout(FILL))) expect(loose(form.answerOf(row.label)), row.label).toEqual(loose(expectedAnswer(row)));
    expect(form.answerOf('法人名（申請者名）※')).toEqual(['株式会社テスト基盤']);
    expect(form.answerOf('開発区分※')).toEqual(
      expect.arrayContaining(['■ 大規模言語モデル', '■ 言語を含むマルチモーダルを対象とした基盤モデル', '□ 特定分野に特化した基盤モデル']),
    );
    expect(form.answerOf('法人区分※')).toContain('■ 中小企業等（特定事業者）');
    expect(loose(form.answerOf('外資企業の日本法人'))).toEqual(loose(['□はい　■いいえ']));
    expect(form.answerOf('開発内容の概要※')).toEqual(['日本語の基盤モデルを開発する。', '二段階で学習する。']);
    expect(form.texts.join('\n')).toMatch(/提出日\s*令和5年10月5日/);
  });

  it('prints a replaced label and the rows an applicant inserted where they were put', async () => {
    const form = await read(FILL);
    expect(form.answerOf('TEL※')).toEqual([]);
    expect(form.answerOf('電話番号※')).toBeUndefined();
    const at = (text: string) => form.texts.findIndex((t) => t.includes(text));
    expect(at('（注）登記上の本店所在地を記入')).toBeGreaterThan(at('所在地※'));
    expect(at('（注）登記上の本店所在地を記入')).toBeLessThan(at('法人区分※'));
    expect(form.answerOf('備考')).toEqual(['平日のみ連絡可']);
    expect(at('備考')).toBeGreaterThan(at('メールアドレス※'));
    expect(at('備考')).toBeLessThan(at('3. 開発内容'));
  });
});

async function readXlsx(bytes: Buffer): Promise<Readback> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('申請書');
  if (!sheet) throw new Error('no sheet 申請書');
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.master === cell && cell.text) texts.push(cell.text);
    }),
  );
  return {
    texts,
    answerOf(label) {
      let found: ExcelJS.Cell | undefined;
      sheet.getColumn(1).eachCell((cell) => {
        if (!found && cell.master === cell && cell.text === label) found = cell;
      });
      if (!found) return undefined;
      const lines: string[] = [];
      // The label block may span several rows: one checkbox option per row, the mark alone in B.
      for (let r = Number(found.row); sheet.getCell(r, 1).master === found; r++) {
        const mark = sheet.getCell(r, 2).text;
        if (mark === '□' || mark === '■') lines.push(`${mark} ${sheet.getCell(r, 3).text}`);
        else if (mark) lines.push(...mark.split('\n'));
      }
      return lines;
    },
  };
}

async function readDocx(bytes: Buffer): Promise<Readback> {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
  const rows = (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => paragraphs(cell)),
  );
  const body = paragraphs(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
  const cellTexts = rows.flat().map((cell) => cell.join('\n'));
  return {
    texts: [...body.slice(0, 3), ...cellTexts, ...body.slice(3)].filter(Boolean),
    answerOf(label) {
      for (const cells of rows) {
        const i = cells.findIndex((cell) => cell.join('\n') === label);
        if (i >= 0) return (cells[i + 1] ?? []).filter(Boolean);
      }
      return undefined;
    },
  };
}

function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    (p.match(/<w:t[ >][^<]*<\/w:t>|<w:br\/>/g) ?? [])
      .map((run) => (run === '<w:br/>' ? '\n' : decodeXml(run.replace(/<[^>]+>/g, ''))))
      .join(''),
  );
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

async function readPdf(bytes: Buffer, layout: FormLayout): Promise<Readback> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const lines = (await parser.getText()).text.split('\n').map((line) => line.trim());
  await parser.destroy();
  const rows = layout.sections.flatMap((s) => s.rows);
  // Text after a label ends at the next label, hint, section heading or page furniture.
  const stops = new Set([
    ...rows.flatMap((row) => (row.kind === 'field' ? [row.hint] : row.texts)).filter(Boolean),
    ...layout.sections.map((s) => s.heading),
    layout.notesHeading,
  ]);
  const labels = rows.flatMap((row) => (row.kind === 'field' ? [row.label] : row.texts.slice(0, 1)));
  const isStop = (line: string) => stops.has(line) || /^\d+ \/ \d+$/.test(line) || /^-- \d+ of \d+ --$/.test(line) || line === '' || labels.some((l) => line === l || line.startsWith(`${l} `));
  return {
    texts: lines.filter(Boolean),
    answerOf(label) {
      const i = lines.findIndex((line) => line === label || line.startsWith(`${label} `));
      if (i < 0) return undefined;
      const first = lines[i]?.slice(label.length).trim();
      const rest: string[] = [];
      for (const line of lines.slice(i + 1)) {
        if (isStop(line)) break;
        rest.push(line);
      }
      return [...(first ? [first] : []), ...rest];
    },
  };
}
