// npm run bench:report — both reports for 10,000 synthetic records (BENCH_N to change it): the time
// to build and write each, and the peak RSS of a process that does only that one (each report runs
// in its own child process, so one's memory never counts against the other). Figures, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORY_OPTIONS, DEVELOPMENT_CATEGORY_OPTIONS, FIELDS, OPENNESS_OPTIONS } from '../src/form/definition.js';
import { RECORD_SCHEMA, statusOf, type FlagCode, type FormRecord } from '../src/record.js';
import { buildReportModel } from '../src/report/model.js';
import { writeHtmlReport } from '../src/report/refresh.js';
import { DEFAULT_REPORT_WINDOW } from '../src/report/window.js';
import { writeXlsxReport } from '../src/report/xlsx-report.js';
import type { StoredRecord } from '../src/store/store.js';
import { makeFlag } from '../src/validate/flags.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const AIM = { ms: 5_000, rssMB: 300 };
const REPORTS = ['xlsx', 'html'] as const;
type Report = (typeof REPORTS)[number];

/** A small deterministic generator, so every run measures the same records. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function syntheticRecords(n: number): StoredRecord[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = DEFAULT_REPORT_WINDOW.windowStart.getTime();
  const span = DEFAULT_REPORT_WINDOW.windowEnd.getTime() - start;
  const FLAGS: FlagCode[] = ['missing_field', 'invalid_value', 'exceeds_program_period', 'inconsistent_value', 'late', 'multiple_forms'];
  return Array.from({ length: n }, (_, i): StoredRecord => {
    const receiptNo = `R-${String(i + 1).padStart(5, '0')}`;
    const values: Record<string, unknown> = {};
    for (const field of FIELDS) values[field.key] = field.type === 'freeText' ? `${field.label}について：日本語の大規模言語モデルを開発し、評価結果を公開する。`.repeat(1 + Math.floor(next() * 4)) : `${field.label}${i}`;
    Object.assign(values, {
      'applicant.name': `株式会社サンプル${i}研究所`,
      'applicant.category': pick(CATEGORY_OPTIONS).value,
      'development.categories': [pick(DEVELOPMENT_CATEGORY_OPTIONS).value, pick(DEVELOPMENT_CATEGORY_OPTIONS).value],
      'development.openness': [pick(OPENNESS_OPTIONS).value],
      'development.parameterCount': 13_000_000_000,
      'development.trainingTokens': 1_000_000_000_000,
      'compute.gpuType': pick(['H100', 'A100', 'L40S']),
      'compute.gpuCount': 32 * (1 + Math.floor(next() * 32)),
      'compute.periodMonths': 6,
      'compute.gpuHours': 2_000_000,
      'compute.requestedAmountYen': 10_000_000 * (1 + Math.floor(next() * 300)),
      'organization.teamSize': 15,
      'contact.email': `contact${i}@example.co.jp`,
      'contact.phone': '03-1234-5678',
    });
    const form = { sourceAttachment: '申請書.xlsx', applicant: {}, contact: {}, development: {}, compute: {}, organization: {}, business: {}, form: {}, raw: {} } as FormRecord;
    for (const [key, value] of Object.entries(values)) {
      const [section, name] = key.split('.') as [keyof FormRecord, string];
      (form[section] as Record<string, unknown>)[name] = value;
    }
    const flags = next() < 0.3 ? [makeFlag(pick(FLAGS), { field: 'contact.phone', detail: '電話番号' })] : [];
    return {
      record: {
        schema: RECORD_SCHEMA,
        receiptNo,
        message: {
          messageId: `<${i}@example.co.jp>`,
          from: `contact${i}@example.co.jp`,
          fromName: `担当 ${i}`,
          subject: '【事前調査】申請書の提出',
          receivedAt: new Date(start + next() * span).toISOString(),
          receivedAtSource: 'internaldate',
          sha256: String(i).padStart(64, '0'),
          mailbox: null,
        },
        status: statusOf(flags),
        flags,
        attachments: [{ filename: `申請書_${i}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 48_000, sha256: 'a'.repeat(64), format: 'xlsx', role: 'application_form' }],
        form: next() < 0.05 ? null : form,
        supersedes: null,
      },
      supersededBy: next() < 0.03 ? `R-${String(n + i).padStart(5, '0')}` : null,
      storedAt: new Date().toISOString(),
    };
  });
}

/** In the child: make the records, then build and write one report, and print its figures. */
async function measure(report: Report, dir: string): Promise<void> {
  const records = syntheticRecords(N);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const model = buildReportModel(records, DEFAULT_REPORT_WINDOW, new Date('2023-10-12T10:00:00+09:00'));
  const file = path.join(dir, `intake-report.${report}`);
  if (report === 'xlsx') await writeXlsxReport(model, file);
  else await writeHtmlReport(model, file);
  const ms = performance.now() - started;
  const result = { ms, peakRssMB: process.resourceUsage().maxRSS / 1024, inputRssMB: before / 2 ** 20, fileMB: (await stat(file)).size / 2 ** 20 };
  process.stdout.write(JSON.stringify(result));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-report-'));
  try {
    console.log(`intake reports for ${N.toLocaleString('en')} records (aim: under ${AIM.ms / 1000} s and ${AIM.rssMB} MB each)`);
    for (const report of REPORTS) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), report, dir], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${report} run failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout) as { ms: number; peakRssMB: number; inputRssMB: number; fileMB: number };
      const verdict = r.ms < AIM.ms && r.peakRssMB < AIM.rssMB ? 'within aim' : 'OVER AIM';
      console.log(
        `  ${report.padEnd(5)} ${(r.ms / 1000).toFixed(2)} s   peak RSS ${r.peakRssMB.toFixed(0)} MB (records alone ${r.inputRssMB.toFixed(0)} MB)   file ${r.fileMB.toFixed(1)} MB   ${verdict}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [report, dir] = process.argv.slice(2) as [Report | undefined, string | undefined];
if (report && dir) await measure(report, dir);
else await main();
