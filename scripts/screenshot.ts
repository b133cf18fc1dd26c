// npm run screenshot (after npm run demo): the README's picture of the report page, taken in headless
// Chromium from the samples' report as staff see it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const report = path.join(root, 'data', 'demo', 'reports', 'intake-report.html');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: path.join(root, 'docs', 'report-screenshot.png') });
} finally {
  await browser.close();
}
process.stdout.write(`docs/report-screenshot.png written from ${path.relative(root, report)}\n`);
