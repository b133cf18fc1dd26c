// npm run bench:extract — for each format, forms per second through the whole pipeline (MIME to
// stored record) and through the library parse alone (mailparser + exceljs / the docx reader /
// pdf-parse) on the same messages, their ratio, and peak RSS as the count grows.
// BENCH_N messages per format (default 2000) from BENCH_APPLICANTS applicants (default 200).
// Figures, not a test.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { PDFParse } from 'pdf-parse';
import { pino } from 'pino';
import { loadConfig } from '../src/config/env.js';
import { extractDocx } from '../src/extract/docx.js';
import { extractLimits } from '../src/extract/extractors.js';
import { isolatedPipelineOptions, processMessage } from '../src/pipeline.js';
import { openStore } from '../src/store/open-store.js';
import { writeDocxForm } from '../src/form/template-docx.js';
import { writePdfForm } from '../src/form/template-pdf.js';
import { writeXlsxForm } from '../src/form/template-xlsx.js';
import { SAKURA, varied } from '../scripts/lib/applicants.js';
import { attachmentPart, encodedWord, renderMessage, rfc2231Param, textPart } from '../scripts/lib/eml.js';
import { variant } from './hostile-pipeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = Number(process.env.BENCH_N ?? 2000);
const config = loadConfig({});
const limits = extractLimits(config.limits);

type Format = 'xlsx' | 'docx' | 'pdf';
const FORMATS: readonly Format[] = ['xlsx', 'docx', 'pdf'];
/**
 * Distinct applicants the messages cycle through. One applicant sending every message would make
 * each save relink an ever longer resubmission chain: a real intake has a few resubmissions each.
 */
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 200);

const WRITERS = { xlsx: writeXlsxForm, docx: writeDocxForm, pdf: writePdfForm } as const;
const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

async function applicantMessages(format: Format): Promise<Buffer[]> {
  const messages: Buffer[] = [];
  for (let i = 0; i < APPLICANTS; i += 1) {
    const answers = varied(SAKURA, { 'applicant.name': `株式会社ベンチ${i}`, 'applicant.corporateNumber': '' });
    const form = await WRITERS[format]({ values: answers.values, chosen: answers.chosen });
    messages.push(
      renderMessage({
        headers: [`Received: by mx.survey.example.go.jp; Thu, 5 Oct 2023 10:${String(i % 60).padStart(2, '0')}:00 +0900`, `From: bench${i}@example.jp`, `Subject: ${encodedWord(`申請書 ${i}`)}`, `Message-ID: <bench-${format}-${i}@example.jp>`],
        body: { contentType: 'multipart/mixed', boundary: `bench-${i}`, parts: [textPart('申請書を提出します。'), attachmentPart(TYPES[format], rfc2231Param('filename', `申請書.${format}`), form)] },
      }),
    );
  }
  return messages;
}

async function libraryParse(format: Format, raw: Buffer): Promise<void> {
  const mail = await simpleParser(raw);
  for (const attachment of mail.attachments) {
    if (format === 'xlsx') await new ExcelJS.Workbook().xlsx.load(attachment.content as unknown as ArrayBuffer);
    else if (format === 'docx') await extractDocx(attachment.content, limits);
    else {
      const parser = new PDFParse({ data: new Uint8Array(attachment.content) });
      await parser.getText();
      await parser.destroy();
    }
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(label: string, count: number, run: (i: number) => Promise<void>) {
  const rssAt: number[] = [];
  let peak = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    await run(i);
    peak = Math.max(peak, process.memoryUsage().rss);
    if ((i + 1) % Math.ceil(count / 4) === 0) rssAt.push(mb(process.memoryUsage().rss));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, perSecond: count / seconds, peakRssMb: mb(peak), rssQuartersMb: rssAt };
}

const results = [];
for (const format of FORMATS) {
  const pool = await applicantMessages(format);
  const message = (i: number) => variant(pool[i % pool.length] ?? Buffer.alloc(0), i);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-'));
  const store = await openStore(dataDir, 'R-');
  // As `intake process` runs it: extraction in an isolated thread.
  const options = isolatedPipelineOptions(config, pino({ level: 'silent' }), 1);
  const library = await measure(`${format} library`, N, (i) => libraryParse(format, message(i)));
  const pipeline = await measure(`${format} pipeline`, N, async (i) => {
    await processMessage(message(i), {}, options, store);
  });
  await options.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  results.push({ format, messages: N, pipelinePerSecond: pipeline.perSecond, libraryPerSecond: library.perSecond, costRatio: library.perSecond / pipeline.perSecond, peakRssMb: pipeline.peakRssMb, rssQuartersMb: pipeline.rssQuartersMb });
}

process.stdout.write(`format  messages  pipeline/s  library/s  cost ratio  peak RSS MB  RSS at 25/50/75/100 %\n`);
for (const r of results) {
  process.stdout.write(`${r.format.padEnd(6)}  ${String(r.messages).padStart(8)}  ${r.pipelinePerSecond.toFixed(1).padStart(10)}  ${r.libraryPerSecond.toFixed(1).padStart(9)}  ${r.costRatio.toFixed(2).padStart(10)}  ${String(r.peakRssMb).padStart(11)}  ${r.rssQuartersMb.join('/')}\n`);
}
await mkdir(path.join(root, 'bench', 'results'), { recursive: true });
await writeFile(path.join(root, 'bench', 'results', 'extract.json'), `${JSON.stringify(results, null, 2)}\n`);
