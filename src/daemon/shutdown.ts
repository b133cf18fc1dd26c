// Graceful shutdown: the first SIGTERM/SIGINT asks the daemon to stop (finish or give back running
// jobs, close IMAP and Redis, exit 0); a second one while it is stopping exits at once.
import type { Logger } from '../log/logger.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

export function shutdownSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (received) {
        logger.warn({ signal }, 'second signal while stopping; exiting now');
        process.exit(130);
      }
      received = true;
      logger.info({ signal }, 'shutting down');
      resolve(signal);
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
  });
}
