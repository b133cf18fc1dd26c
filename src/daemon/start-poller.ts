// The poller's parts, started and stopped together: its queue connection, its state in Redis, and
// the Poller itself.
import { requireImap, type Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { IntakeQueue } from '../queue/intake-queue.js';
import { PollerState } from '../queue/poller-state.js';
import type { DaemonSettings } from './daemon-settings.js';
import { Poller } from './poller.js';

export interface RunningPoller {
  /** Resolves after the first full reconcile. */
  ready(): Promise<void>;
  /** Stops watching, records the stopped state, closes IMAP and Redis. */
  stop(): Promise<void>;
}

export function pollerQueue(config: Readonly<Config>, settings: DaemonSettings): IntakeQueue {
  return new IntakeQueue({ redisUrl: config.redisUrl, queueName: config.queueName, attempts: config.jobAttempts, backoffMs: settings.backoffMs });
}

export async function startPoller(config: Readonly<Config>, settings: DaemonSettings, logger: Logger): Promise<RunningPoller> {
  const imap = requireImap(config);
  const queue = pollerQueue(config, settings);
  await queue.queue.waitUntilReady();
  const poller = new Poller(imap, queue, new PollerState(queue.redis, config.queueName), logger);
  poller.start();
  logger.info({ component: 'poller', queue: config.queueName, mailbox: imap.mailbox, host: imap.host, intervalS: imap.pollIntervalMs / 1000 }, 'poller started');
  let stopping: Promise<void> | null = null;
  return {
    ready: () => poller.ready(),
    stop: () =>
      (stopping ??= (async () => {
        await poller.stop();
        await queue.close();
      })()),
  };
}
