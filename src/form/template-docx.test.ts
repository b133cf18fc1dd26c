// The docx 申請書 as Word lays it out: A4 portrait, one real table of label | answer | hint.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FIELDS, SECTIONS } from './definition.js';
import { writeDocxForm } from './template-docx.js';

async function partsOf(bytes: Buffer): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const rowsOf = (xml: string) => xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
const cellsOf = (row: string) => row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
const textOf = (xml: string) =>
  (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => (p.match(/<w:t[ >][^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));

describe('writeDocxForm', () => {
  it('sets an A4 portrait page with margins and numbers pages "1 / N" in the footer', async () => {
    const parts = await partsOf(await writeDocxForm());
    const document = parts['word/document.xml'] ?? '';
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(parts['word/styles.xml']).toContain('w:eastAsia="ＭＳ 明朝"');
  });

  it('lays each field out as one table row: shaded label, answer, hint; groups as one option per paragraph', async () => {
    const parts = await partsOf(await writeDocxForm({ chosen: { 'applicant.category': ['academic'] } }));
    const document = parts['word/document.xml'] ?? '';
    expect(document.match(/<w:tbl>/g)).toHaveLength(1);
    expect(document).toMatch(/<w:tblGrid><w:gridCol w:w="2600"\/><w:gridCol w:w="4838"\/><w:gridCol w:w="2200"\/><\/w:tblGrid>/);
    const rows = rowsOf(document);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');

    for (const field of FIELDS.filter((f) => f.section !== 'form')) {
      const label = `${field.label}${field.required ? '※' : ''}`;
      const row = rows.find((r) => textOf(cellsOf(r)[0] ?? '').join('\n') === label);
      expect(row, label).toBeDefined();
      const [labelCell = '', answerCell = '', hintCell = ''] = cellsOf(row ?? '');
      expect(labelCell).toContain('w:fill="F2F2F2"');
      expect(textOf(hintCell).join('')).toBe(field.hint);
      if (field.type === 'enum' || field.type === 'enumSet') {
        const chosen = (value: string) => field.key === 'applicant.category' && value === 'academic';
        expect(textOf(answerCell)).toEqual(field.options?.map((o) => `${chosen(o.value) ? '■' : '□'} ${o.label}`));
      }
      if (field.lines) expect(row).toContain(`<w:trHeight w:val="${field.lines * 360 + 80}" w:hRule="atLeast"/>`);
    }
  });

  it('gives each section heading a row of its own across the three columns', async () => {
    const rows = rowsOf((await partsOf(await writeDocxForm()))['word/document.xml'] ?? '');
    for (const section of SECTIONS) {
      const row = rows.find((r) => textOf(r).join('') === `${section.no}. ${section.title}`);
      expect(row).toBeDefined();
      expect(cellsOf(row ?? '')).toHaveLength(1);
      expect(row).toContain('<w:gridSpan w:val="3"/>');
    }
  });

  it('keeps line breaks of a free-text answer as separate paragraphs of the answer cell', async () => {
    const rows = rowsOf((await partsOf(await writeDocxForm({ values: { 'business.plan': '2024年度：試作\n2025年度：提供開始' } })))['word/document.xml'] ?? '');
    const row = rows.find((r) => textOf(cellsOf(r)[0] ?? '').join('') === '実用化・事業化計画');
    expect(textOf(cellsOf(row ?? '')[1] ?? '')).toEqual(['2024年度：試作', '2025年度：提供開始']);
  });
});
