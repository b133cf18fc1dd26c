// The worker entry point: `node dist/workers/intake.worker.js` (what `intake work` runs, and what a
// container scaled with `docker compose up --scale worker=N` runs). Configuration from the
// environment (configuration.md); exits 0 after a graceful SIGTERM/SIGINT.
import { ConfigError, loadConfig, requireImap } from '../src/config/env.js';
import { runWorkerUntilSignal } from '../src/daemon/run-worker.js';
import { createLogger } from '../src/log/logger.js';

const logger = createLogger();

async function main(): Promise<number> {
  try {
    const config = loadConfig();
    requireImap(config);
    return await runWorkerUntilSignal(config, logger);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`intake worker: ${err.message}\n`);
      return 2;
    }
    logger.fatal({ err }, 'worker failed');
    return 1;
  }
}

const code = await main();
// Anything still holding the event loop after a clean stop (a socket in TIME_WAIT, a timer in a
// library) must not keep a stopped worker alive: the orchestrator waits for the exit.
logger.flush();
process.exit(code);
