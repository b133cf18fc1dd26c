// A worker process from start to exit 0: the entry point of workers/intake.worker.ts.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { runUntilSignal } from './run-until-signal.js';

export function runWorkerUntilSignal(config: Readonly<Config>, logger: Logger): Promise<number> {
  return runUntilSignal(config, logger, ['worker']);
}
