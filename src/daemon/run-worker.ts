// A worker process from start to exit 0: shared by `intake work` and workers/intake.worker.ts.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { loadDaemonSettings } from './daemon-settings.js';
import { shutdownSignal } from './shutdown.js';
import { startWorker } from './start-worker.js';

export async function runWorkerUntilSignal(config: Readonly<Config>, logger: Logger): Promise<number> {
  const settings = loadDaemonSettings();
  const signal = shutdownSignal(logger);
  const worker = await startWorker(config, settings, logger);
  await signal;
  await worker.stop();
  return 0;
}
