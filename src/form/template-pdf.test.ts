// The PDF 申請書 as any viewer shows it: fonts embedded, A4, page numbers, no row split by a page.
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { FIELDS } from './definition.js';
import { writePdfForm } from './template-pdf.js';

async function pagesOf(bytes: Buffer): Promise<string[][]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const text = await parser.getText();
    return text.pages.map((page) => page.text.split('\n').map((line) => line.trim()));
  } finally {
    await parser.destroy();
  }
}

// Long enough that the form runs over more pages and rows meet page ends.
const LONG = Array.from({ length: 9 }, (_, i) => `第${i + 1}項：日本語と英語の学習データを用いて基盤モデルを段階的に事前学習し、評価する。`).join('\n');
const LONG_FILL = {
  values: Object.fromEntries(FIELDS.filter((f) => f.type === 'freeText').map((f) => [f.key, LONG])),
};

const LABELS = FIELDS.map((f) => f.label);

describe('writePdfForm', () => {
  it('embeds Noto Sans JP (regular and bold) and uses no font it does not embed', async () => {
    const raw = (await writePdfForm()).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Bold/);
    const fonts = raw.match(/\/BaseFont \/[^\s/]+/g) ?? [];
    expect(raw.match(/\/FontFile2 /g)?.length).toBe(new Set(fonts).size);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('numbers every page "n / N"', async () => {
    const pages = await pagesOf(await writePdfForm(LONG_FILL));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((lines, i) => expect(lines).toContain(`${i + 1} / ${pages.length}`));
  });

  it('never splits a row over two pages: a label and all its answer lines stay on one page', async () => {
    const pages = await pagesOf(await writePdfForm({ ...LONG_FILL, chosen: { 'development.categories': ['task_tuning'] } }));
    const pageOf = (text: string) => pages.findIndex((lines) => lines.some((line) => line.includes(text)));
    for (const field of FIELDS.filter((f) => f.type === 'freeText')) {
      const page = pageOf(`${field.label}${field.required ? '※' : ''} 第1項`);
      expect(page, field.label).toBeGreaterThanOrEqual(0);
      const lines = pages[page] ?? [];
      const start = lines.findIndex((line) => line.startsWith(field.label));
      const next = lines.findIndex((line, i) => i > start && LABELS.some((label) => line.startsWith(label)));
      const row = lines.slice(start, next < 0 ? undefined : next).join('');
      expect(row).toContain('第9項：日本語と英語の学習データを用いて基盤モデルを段階的に事前学習し、評価する。');
    }
    const categories = pageOf('開発区分※ □ 大規模言語モデル');
    expect(pages[categories]).toContain('■ 対話データ等を用いて特定タスク向けのチューニング');
  });

  it('runs an answer longer than a page on over pages, the label only on its first part', async () => {
    const lines = Array.from({ length: 90 }, (_, i) => `${i + 1}行目：学習計画の詳細`);
    const paragraph = '長文'.repeat(700);
    const pages = await pagesOf(await writePdfForm({ values: { 'development.summary': [...lines, paragraph].join('\n') } }));
    const all = pages.flat();
    expect(all.filter((line) => line.startsWith('開発内容の概要※'))).toEqual(['開発内容の概要※ 1行目：学習計画の詳細']);
    for (const line of lines.slice(1)) expect(all).toContain(line);
    expect(all.filter((line) => !/^\d+ \/ \d+$/.test(line)).join('')).toContain(paragraph);
    // The hint closes the answer: it comes after the last line of it.
    expect(all.indexOf('開発する基盤モデルの概要')).toBeGreaterThan(all.findIndex((line) => line.includes('長文長文')));
    pages.forEach((page, i) => expect(page).toContain(`${i + 1} / ${pages.length}`));
  });

  it('wraps a long answer inside its cell and keeps every character', async () => {
    const pages = await pagesOf(await writePdfForm({ values: { 'development.novelty': LONG } }));
    const all = pages.flat().join('');
    for (const line of LONG.split('\n')) expect(all).toContain(line);
  });

  it('prints check marks Noto Sans JP lacks (☑ ☐ ✔) with a stand-in font, on the same line', async () => {
    const pages = await pagesOf(await writePdfForm({ values: { 'development.categories': '☑ 大規模言語モデル ☐ 特定分野に特化した基盤モデル ✔' } }));
    expect(pages.flat()).toContain('開発区分※ ☑ 大規模言語モデル ☐ 特定分野に特化した基盤モデル ✔');
    expect(pages.flat().join('')).toContain('■（または☑）');
  });
});
