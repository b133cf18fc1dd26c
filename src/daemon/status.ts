// `intake status`: the queue, the poller's health and checkpoint, and the records by status, read
// from Redis and the store (no IMAP connection needed).
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/env.js';
import type { RecordStatus } from '../record.js';
import { withTimeout } from '../mailbox/backoff.js';
import { IntakeQueue, type FailedJob, type QueueCounts } from '../queue/intake-queue.js';
import { PollerState, type PollerSnapshot } from '../queue/poller-state.js';
import { openStore } from '../store/open-store.js';

/** A poller whose heartbeat is older than this is reported as not running. */
const STALE_AFTER_MS = 60_000;

const REDIS_DEADLINE_MS = 10_000;

export class RedisUnreachableError extends Error {
  readonly code = 'redis_unreachable';
  readonly retriable = true;
}

export interface DaemonStatus {
  queue: { name: string; counts: QueueCounts; failed: FailedJob[] };
  poller: PollerSnapshot & { running: boolean; heartbeatAgeS: number | null };
  /** Null when the data directory holds no records database yet. */
  records: Record<RecordStatus, number> | null;
}

async function recordCounts(config: Readonly<Config>): Promise<Record<RecordStatus, number> | null> {
  try {
    await access(path.join(config.dataDir, 'intake.sqlite'));
  } catch {
    return null;
  }
  const store = await openStore(config.dataDir, config.receiptPrefix);
  try {
    return await store.countByStatus();
  } finally {
    await store.close();
  }
}

export async function collectStatus(config: Readonly<Config>, now: Date = new Date()): Promise<DaemonStatus> {
  const queue = new IntakeQueue({ redisUrl: config.redisUrl, queueName: config.queueName, attempts: config.jobAttempts, backoffMs: 1000 });
  try {
    const [counts, failed, poller] = await withTimeout(
      Promise.all([queue.counts(), queue.failed(100), new PollerState(queue.redis, config.queueName).snapshot()]),
      REDIS_DEADLINE_MS,
      () => new RedisUnreachableError(`no answer from Redis at ${redactUrl(config.redisUrl)} within ${REDIS_DEADLINE_MS / 1000} s`),
    );
    const beat = poller.health.heartbeatAt ? Date.parse(poller.health.heartbeatAt) : NaN;
    const heartbeatAgeS = Number.isNaN(beat) ? null : Math.max(0, Math.round((now.getTime() - beat) / 1000));
    const running = poller.health.connection !== 'stopped' && heartbeatAgeS !== null && heartbeatAgeS * 1000 < STALE_AFTER_MS;
    return {
      queue: { name: config.queueName, counts, failed },
      poller: { ...poller, running, heartbeatAgeS },
      records: await recordCounts(config),
    };
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/** redis://user:secret@host → redis://user:***@host: a URL may carry the password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

export function formatStatus(s: DaemonStatus): string {
  const { counts } = s.queue;
  const h = s.poller.health;
  const cp = s.poller.checkpoint;
  const lines = [
    `queue ${s.queue.name}: waiting ${counts.waiting}  active ${counts.active}  delayed ${counts.delayed}  failed ${counts.failed}  completed ${counts.completed}`,
    `poller: ${s.poller.running ? h.connection : `not running (last state ${h.connection})`}` +
      (h.mode ? `  mode ${h.mode}` : '') +
      (h.host ? `  on ${h.host} pid ${h.pid ?? '?'}` : '') +
      (s.poller.heartbeatAgeS !== null ? `  heartbeat ${s.poller.heartbeatAgeS}s ago` : ''),
    `  last successful check: ${h.lastCheckAt ?? 'never'}   last reconcile: ${h.lastReconcileAt ?? 'never'}` +
      (h.pendingAtReconcile !== null ? `   not done then: ${h.pendingAtReconcile}` : ''),
  ];
  if (h.lastError) lines.push(`  last error: ${h.lastError}`);
  lines.push(
    cp
      ? `checkpoint: mailbox ${cp.mailbox}  UIDVALIDITY ${cp.uidValidity}  queued through UID ${cp.queuedThrough}  done through UID ${cp.doneThrough}`
      : 'checkpoint: none yet',
  );
  lines.push(
    s.records
      ? `records: ${Object.entries(s.records).map(([k, v]) => `${k} ${v}`).join('  ')}`
      : 'records: no records database in the data directory yet',
  );
  if (s.queue.failed.length) {
    lines.push(`failed jobs (${counts.failed}; \`intake retry <jobId>\` or \`intake retry --all\` re-queues):`);
    for (const f of s.queue.failed) {
      lines.push(`  ${f.jobId}  UID ${f.uid}  ${f.messageId ?? '(no Message-ID)'}  after ${f.attemptsMade} attempt(s): ${f.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
