// A worker process's parts, started and stopped together: the store, the extraction threads, one
// IMAP session, and the BullMQ worker that feeds jobs to intakeJobHandler.
import { requireImap, type Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { ImapSession } from '../mailbox/imap-session.js';
import { isolatedPipelineOptions } from '../pipeline.js';
import { IntakeWorker } from '../queue/intake-worker.js';
import { workerTuning } from '../queue/worker-tuning.js';
import { openStore } from '../store/open-store.js';
import type { RecordStore } from '../store/store.js';
import type { DaemonSettings } from './daemon-settings.js';
import { createReportRefresher } from '../report/refresh.js';
import { intakeJobHandler } from './intake-job.js';
import { announceTestHooks, withTestFaults } from './test-hooks.js';

/** At most this long after a record is stored, both reports are rewritten (one refresh per burst). */
export const REPORT_REFRESH_DELAY_MS = 2_000;

export interface WorkerOptions {
  /** An already open store (the `daemon` command shares one); opened from INTAKE_DATA_DIR otherwise. */
  store?: RecordStore;
}

export interface RunningWorker {
  /**
   * Stops taking jobs and waits up to INTAKE_SHUTDOWN_TIMEOUT_S for the running ones; jobs still
   * running then are given back to the queue (not counted as an attempt). Closes IMAP, Redis and
   * the store.
   */
  stop(): Promise<void>;
}

export async function startWorker(config: Readonly<Config>, settings: DaemonSettings, logger: Logger, options: WorkerOptions = {}): Promise<RunningWorker> {
  const imap = requireImap(config);
  const log = logger.child({ component: 'worker' });
  announceTestHooks(settings, log);
  const ownStore = !options.store;
  const store = options.store ?? (await openStore(config.dataDir, config.receiptPrefix));
  // Extraction in worker threads with a heap cap and a deadline (issue 5): a hostile attachment
  // cannot hang or exhaust this process, and the event loop stays free to renew job locks.
  const pipeline = isolatedPipelineOptions(config, logger, config.workerConcurrency);
  const session = new ImapSession(imap, log);
  // Staff keep the report open during the rush: refreshed shortly after records are stored.
  const reports = createReportRefresher(store, config.reportDir, log, REPORT_REFRESH_DELAY_MS, config);
  const handler = intakeJobHandler({
    imap,
    session,
    store: withTestFaults(store, settings),
    pipeline,
    settings,
    logger,
    onStored: () => reports.schedule(),
  });
  const tuning = workerTuning(config.workerConcurrency, settings.lockDurationMs);
  const worker = new IntakeWorker(config.redisUrl, config.queueName, tuning, handler, {
    onFailed: (jobId, err, final) =>
      (final ? log.error : log.warn).call(log, { jobId, err: { message: err.message, name: err.name } }, final ? 'job failed for good' : 'job failed; will retry'),
    onStalled: (jobId) => log.warn({ jobId }, 'job stalled (its worker died or lost the lock); re-queued'),
    onError: (err) => log.error({ err }, 'worker error'),
  });
  await worker.start();
  log.info({ queue: config.queueName, concurrency: tuning.concurrency, lockDurationMs: tuning.lockDurationMs, mailbox: imap.mailbox }, 'worker started');

  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    log.info({ timeoutMs: settings.shutdownTimeoutMs }, 'worker stopping');
    const closing = worker.close();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), settings.shutdownTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      log.warn('running jobs did not finish in time; giving them back to the queue');
      worker.releaseAll('shutdown');
      await Promise.race([closing, new Promise((r) => setTimeout(r, 5_000))]);
      await worker.close(true).catch(() => undefined);
    }
    await session.close();
    await reports.close();
    await pipeline.close();
    if (ownStore) await store.close();
    log.info('worker stopped');
  };
  return { stop: () => (stopping ??= stop()) };
}
