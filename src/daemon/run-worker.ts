// A worker process from start to exit 0: shared by `intake work` and workers/intake.worker.ts.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { loadDaemonSettings } from './daemon-settings.js';
import type { OnStored } from './intake-job.js';
import { shutdownSignal } from './shutdown.js';
import { startWorker } from './start-worker.js';

export async function runWorkerUntilSignal(config: Readonly<Config>, logger: Logger, onStored?: OnStored): Promise<number> {
  const settings = loadDaemonSettings();
  const signal = shutdownSignal(logger);
  const worker = await startWorker(config, settings, logger, { onStored });
  await signal;
  await worker.stop();
  return 0;
}
