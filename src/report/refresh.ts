// Writing both reports from the store: after `intake process` and, debounced, after each record the
// daemon stores.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import type { RecordStore } from '../store/store.js';
import { writeChunksAtomic } from './atomic-write.js';
import { htmlReportChunks } from './html-page.js';
import { buildReportModel, type ReportModel } from './model.js';
import { DEFAULT_REPORT_WINDOW, type ReportWindow } from './window.js';
import { writeXlsxReport } from './xlsx-report.js';

export const REPORT_FILES = { xlsx: 'intake-report.xlsx', html: 'intake-report.html' } as const;

export interface ReportPaths {
  xlsx: string;
  html: string;
}

/** intake-report.html, streamed to disk: 10,000 submissions make a page of tens of megabytes. */
export function writeHtmlReport(model: ReportModel, file: string): Promise<void> {
  return writeChunksAtomic(file, htmlReportChunks(model));
}

/** Writes intake-report.xlsx and intake-report.html into reportDir (created if missing). */
export async function refreshReports(store: RecordStore, reportDir: string, now: Date = new Date(), window: ReportWindow = DEFAULT_REPORT_WINDOW): Promise<ReportPaths> {
  const model = buildReportModel(await store.list(), window, now);
  // Owner and group only, like the files: the reports hold personal data.
  await mkdir(reportDir, { recursive: true, mode: 0o750 });
  const paths = { xlsx: path.join(reportDir, REPORT_FILES.xlsx), html: path.join(reportDir, REPORT_FILES.html) };
  await writeXlsxReport(model, paths.xlsx);
  await writeHtmlReport(model, paths.html);
  return paths;
}

export interface ReportRefresher {
  /** Asks for a refresh; requests within delayMs of the first one are served by one refresh. */
  schedule(): void;
  /** Runs a pending refresh now and waits for any refresh in progress. */
  flush(): Promise<void>;
  /** flush(), then ignore further requests (at shutdown). */
  close(): Promise<void>;
}

/**
 * A refresh at most delayMs after a record is stored, and at most one running at a time. The timer
 * starts at the first request and is not pushed back by later ones: during a deadline rush records
 * arrive continuously, and a debounce that restarts on every record would never refresh at all.
 * A failed refresh is logged, never thrown: the record is stored, the next one retries the reports.
 */
export function createReportRefresher(store: RecordStore, reportDir: string, logger: Logger, delayMs: number, window: ReportWindow = DEFAULT_REPORT_WINDOW): ReportRefresher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** A record was stored since the last refresh began. */
  let dirty = false;
  let closed = false;

  async function refreshWhileDirty(): Promise<void> {
    // Records stored during a refresh are not in it: go round again until none arrived meanwhile.
    while (dirty) {
      dirty = false;
      const started = Date.now();
      try {
        const paths = await refreshReports(store, reportDir, new Date(), window);
        logger.info({ ...paths, ms: Date.now() - started }, 'reports refreshed');
      } catch (err) {
        logger.error({ err }, 'reports could not be refreshed');
      }
    }
  }

  function start(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    running ??= refreshWhileDirty().finally(() => {
      running = null;
      // A request that came after the last round but before this line would otherwise be left.
      if (dirty) arm();
    });
    return running;
  }

  function arm(): void {
    if (closed || timer || running) return;
    timer = setTimeout(() => void start(), delayMs);
    // A pending refresh alone must not keep the process alive; close() runs it at shutdown.
    timer.unref();
  }

  return {
    schedule() {
      if (closed) return;
      dirty = true;
      arm();
    },
    async flush() {
      while (dirty || running) await start();
    },
    async close() {
      closed = true;
      await this.flush();
    },
  };
}
