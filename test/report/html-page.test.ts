// The page opened in headless Chromium and used as staff would: count, sort, filter, search, detail;
// applicant markup shown as text and never run; nothing loaded from anywhere.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/form/definition.js';
import { renderHtmlReport } from '../../src/report/html-page.js';
import { buildReportModel } from '../../src/report/model.js';
import { DEFAULT_REPORT_WINDOW } from '../../src/report/window.js';
import { FLAG_SPECS } from '../../src/validate/flags.js';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { busyIntake, NOW, sampleRecords, SCRIPT_FILE, SCRIPT_NAME, SCRIPT_SUMMARY } from './fixtures.js';

let dir: string;
let browser: Browser;
let page: Page;
let pageUrl: string;
const dialogs: string[] = [];
const requests: string[] = [];
const problems: string[] = [];

async function writePage(name: string, html: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, html);
  return pathToFileURL(file).href;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-html-'));
  pageUrl = await writePage('intake-report.html', renderHtmlReport(buildReportModel(sampleRecords(), DEFAULT_REPORT_WINDOW, NOW)));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const visibleRows = () => page.locator('#submissions tbody tr:visible');
const receiptNos = async () => (await visibleRows().locator('td:first-child').allTextContents()).map((t) => t.trim());
const column = async (header: string) => {
  const headers = (await page.locator('#submissions thead th').allTextContents()).map((t) => t.trim());
  return visibleRows().locator(`td:nth-child(${headers.indexOf(header) + 1})`).allTextContents();
};

const rowOf = (receiptNo: string) => page.locator(`#submissions tbody tr:has(td:first-child:text-is("${receiptNo}"))`);

async function resetFilters(): Promise<void> {
  await page.fill('#q', '');
  await page.selectOption('#status', 'current');
  await page.selectOption('#flag', '');
}

describe('intake-report.html in Chromium', () => {
  it('shows every current submission, latest arrival first, with the summary figures', async () => {
    expect(await visibleRows().count()).toBe(7);
    expect(await receiptNos()).toEqual(['R-0007', 'R-0008', 'R-0005', 'R-0004', 'R-0003', 'R-0002', 'R-0001']);
    expect(await page.locator('#submissions thead th', { hasText: '受信日時' }).getAttribute('aria-sort')).toBe('descending');
    // No 申請書, so no applicant name: the page names the sender instead.
    expect(await rowOf('R-0005').locator('td:nth-child(4)').textContent()).toBe('（申請書なし）田中 一郎 <tanaka@example.co.jp>');
    await expect.poll(() => page.locator('#count').textContent()).toBe('7件を表示（受信 8件中）');
    const summary = await page.locator('#summary').innerText();
    expect(summary).toContain('現行の受付\n7件');
    expect(summary).toContain('要対応\n5件');
    expect(summary).toContain('48.8億円');
    expect(await page.locator('#chart svg rect.bar').count()).toBe(20 + 2);
    expect(await page.locator('#chart').innerText()).toContain('締切 2023-10-11 23:59');
  });

  it('sorts by any column when its header is clicked, blanks last', async () => {
    await resetFilters();
    const amount = page.locator('#submissions thead th', { hasText: '希望助成額' });
    await amount.locator('button').click();
    expect(await amount.getAttribute('aria-sort')).toBe('ascending');
    expect(await column('希望助成額')).toEqual(['¥50,000,000', '¥80,000,000', '¥450,000,000', '¥600,000,000', '¥1,200,000,000', '¥2,500,000,000', '']);
    await amount.locator('button').click();
    expect(await amount.getAttribute('aria-sort')).toBe('descending');
    expect((await column('希望助成額')).slice(0, 2)).toEqual(['¥2,500,000,000', '¥1,200,000,000']);
    expect((await column('希望助成額')).at(-1)).toBe('');
    await page.locator('#submissions thead th button', { hasText: '受信日時' }).click();
    expect(await receiptNos()).toEqual(['R-0001', 'R-0002', 'R-0003', 'R-0004', 'R-0005', 'R-0008', 'R-0007']);
    expect(await amount.getAttribute('aria-sort')).toBe('none');
  });

  it('filters by status', async () => {
    await resetFilters();
    await page.selectOption('#status', 'needs_attention');
    expect((await receiptNos()).sort()).toEqual(['R-0003', 'R-0004', 'R-0005', 'R-0007', 'R-0008']);
    await page.selectOption('#status', 'superseded');
    expect(await receiptNos()).toEqual(['R-0006']);
    await page.selectOption('#status', 'all');
    expect(await visibleRows().count()).toBe(8);
    expect(await page.locator('#count').textContent()).toBe('8件を表示（受信 8件中）');
  });

  it('filters by flag, together with the status filter', async () => {
    await resetFilters();
    const options = await page.locator('#flag option').allTextContents();
    expect(options).toContain(`${FLAG_SPECS.missing_field.text}（2件）`);
    await page.selectOption('#flag', 'missing_field');
    expect((await receiptNos()).sort()).toEqual(['R-0004', 'R-0008']);
    await page.selectOption('#flag', 'exceeds_program_period');
    expect(await receiptNos()).toEqual(['R-0002']);
    await page.selectOption('#status', 'needs_attention');
    expect(await visibleRows().count()).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
  });

  it('searches names, addresses and file names, ignoring full-width and case', async () => {
    await resetFilters();
    await page.fill('#q', '東都');
    expect(await receiptNos()).toEqual(['R-0002']);
    await page.fill('#q', 'ＮＥＸＴＬＡＢ');
    expect(await receiptNos()).toEqual(['R-0007']);
    // Only in the detail: the attachment's file name.
    await page.fill('#q', '修正版');
    expect(await receiptNos()).toEqual(['R-0008']);
    await page.fill('#q', 'みらい 修正版');
    expect(await receiptNos()).toEqual(['R-0008']);
    await page.fill('#q', '該当なしの語');
    expect(await visibleRows().count()).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
  });

  it('opens a detail view with every field, every flag and the attachment names', async () => {
    await resetFilters();
    await rowOf('R-0001').click();
    const dialog = page.locator('dialog#detail');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(await page.locator('#detail-title').textContent()).toBe('R-0001　株式会社さくらAI研究所');
    for (const field of FIELDS) expect(text).toContain(field.label);
    expect(text).toContain('¥1,200,000,000');
    expect(text).toContain('13,000,000,000');
    expect(text).toContain('申請書_さくらAI研究所.xlsx');
    expect(text).toContain('定額');
    await page.click('#detail-close');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await rowOf('R-0008').click();
    const flags = await dialog.locator('table').first().innerText();
    expect(flags).toContain('電話番号');
    expect(flags).toContain(FLAG_SPECS.missing_field.action);
    expect(flags).toContain('同一申請者からの再提出');
    expect(await dialog.innerText()).toContain('R-0006 を差替え');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await rowOf('R-0003').click();
    expect(await dialog.innerText()).toContain('（解釈できない記入）info@@example');
    await page.click('#detail-close');
  });

  it('shows injected markup as text and never runs it', async () => {
    await resetFilters();
    const row = rowOf('R-0004');
    expect(await row.locator('td:nth-child(4)').textContent()).toBe(SCRIPT_NAME);
    await row.click();
    const text = await page.locator('dialog#detail').innerText();
    expect(text).toContain(SCRIPT_SUMMARY);
    expect(text).toContain(SCRIPT_FILE);
    await page.click('#detail-close');
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      svgOnload: document.querySelectorAll('svg[onload], [onerror], [onload]').length,
    }));
    expect(injected).toEqual({ images: 0, scripts: 2, svgOnload: 0 });
  });

  it('loads nothing beyond itself and logs no errors', () => {
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('prints without its controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('#submissions').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('renders a full intake as a laptop screen shows it', async () => {
    const url = await writePage('busy.html', renderHtmlReport(buildReportModel(busyIntake(), DEFAULT_REPORT_WINDOW, NOW)));
    const shot = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await shot.goto(url);
    expect(await shot.locator('#submissions tbody tr:visible').count()).toBe(19);
    const png = await shot.screenshot({ fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await shot.close();
  });
});
