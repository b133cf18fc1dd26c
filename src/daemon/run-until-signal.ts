// A daemon process from start to exit 0, shared by `intake daemon`, `intake poll`, `intake work` and
// workers/intake.worker.ts: its parts started in the order given, run until SIGTERM/SIGINT, then
// stopped in the reverse order. For `daemon` (worker, then poller) the poller stops first, so no new
// jobs arrive while the worker finishes or gives back its running ones.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { loadDaemonSettings } from './daemon-settings.js';
import { shutdownSignal } from './shutdown.js';
import { startPoller } from './start-poller.js';
import { startWorker } from './start-worker.js';

const STARTERS = { worker: startWorker, poller: startPoller };

export type DaemonPart = keyof typeof STARTERS;

export async function runUntilSignal(config: Readonly<Config>, logger: Logger, parts: readonly DaemonPart[]): Promise<number> {
  const settings = loadDaemonSettings();
  const signal = shutdownSignal(logger);
  const running: { stop(): Promise<void> }[] = [];
  for (const part of parts) running.push(await STARTERS[part](config, settings, logger));
  await signal;
  for (const part of running.reverse()) await part.stop();
  return 0;
}
