// One test's world: its own queue name, mailbox, data directory and configuration, against the
// file's Redis and Dovecot; poller and workers started in this process or as child processes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config/env.js';
import { loadDaemonSettings, type DaemonSettings } from '../../src/daemon/daemon-settings.js';
import { startPoller, type RunningPoller } from '../../src/daemon/start-poller.js';
import { startWorker, type RunningWorker } from '../../src/daemon/start-worker.js';
import type { Logger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { StoredRecord } from '../../src/store/store.js';
import { startChild, type Child } from './child.js';
import { daemonEnv } from './daemon-env.js';
import type { TestDovecot } from './dovecot-server.js';
import { createMailbox } from './imap-helpers.js';
import type { TestRedis } from './redis-server.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Logs of in-process daemons: silent unless TEST_LOG_LEVEL says otherwise. */
export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }, pino.destination(2));
}

export function randomName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export interface World {
  env: Record<string, string>;
  config: Readonly<Config>;
  settings: DaemonSettings;
  mailbox: string;
  queueName: string;
  dataDir: string;
  logger: Logger;
  startPoller(): Promise<RunningPoller>;
  /** A worker in this process; `env` overrides this world's environment for its daemon settings. */
  startWorker(env?: Record<string, string>): Promise<RunningWorker>;
  /** `node dist/workers/intake.worker.js` with this world's environment plus `extra`. */
  spawnWorker(extra?: Record<string, string>): Child;
  records(): Promise<StoredRecord[]>;
  cleanup(): Promise<void>;
}

/** `node dist/src/cli.js <args>` (`intake daemon`, `intake poll`, …) with this world's environment. */
export function startCli(world: World, ...args: string[]): Child {
  return startChild(process.execPath, [path.join(REPO, 'dist/src/cli.js'), ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...world.env } });
}

export async function makeWorld(redis: TestRedis, dovecot: TestDovecot, extra: Record<string, string> = {}): Promise<World> {
  const mailbox = randomName('Survey');
  const queueName = randomName('intake-test');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'intake-data-'));
  await createMailbox(dovecot, mailbox);
  const env: Record<string, string> = {
    ...daemonEnv({ dataDir, mailbox, queueName, redis, dovecot }),
    INTAKE_POLL_INTERVAL_S: '5',
    INTAKE_WORKER_CONCURRENCY: '2',
    INTAKE_JOB_ATTEMPTS: '3',
    INTAKE_JOB_BACKOFF_S: '0.2',
    INTAKE_JOB_LOCK_S: '5',
    INTAKE_SHUTDOWN_TIMEOUT_S: '10',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
    ...extra,
  };
  const config = loadConfig(env);
  const settings = loadDaemonSettings(env);
  const logger = testLogger();
  const running: { stop(): Promise<void> }[] = [];
  const children: Child[] = [];
  return {
    env,
    config,
    settings,
    mailbox,
    queueName,
    dataDir,
    logger,
    async startPoller() {
      const p = await startPoller(config, settings, logger);
      running.push(p);
      return p;
    },
    async startWorker(more) {
      const w = await startWorker(config, more ? loadDaemonSettings({ ...env, ...more }) : settings, logger);
      running.push(w);
      return w;
    },
    spawnWorker(more = {}) {
      const child = startChild(process.execPath, [path.join(REPO, 'dist/workers/intake.worker.js')], {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, ...more },
      });
      children.push(child);
      return child;
    },
    async records() {
      const store = await openStore(dataDir, config.receiptPrefix);
      try {
        return await store.list();
      } finally {
        await store.close();
      }
    },
    async cleanup() {
      for (const child of children) await child.stop(5_000);
      for (const r of running.reverse()) await r.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
