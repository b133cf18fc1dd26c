// The BullMQ queue shared by the poller (adds), the workers (take) and status/retry (inspect).
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisConnection } from './connection.js';
import { JobNotFailedError, JobNotFoundError } from './errors.js';
import { INTAKE_JOB, jobIdFor, type IntakeJobData, type IntakeJobName, type IntakeJobResult } from './job-types.js';

export interface QueueSettings {
  redisUrl: string;
  queueName: string;
  /** INTAKE_JOB_ATTEMPTS. */
  attempts: number;
  /** First retry delay; doubles on each further attempt (BullMQ's exponential backoff). */
  backoffMs: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  jobId: string;
  uidValidity: string;
  uid: number;
  messageId: string | null;
  reason: string;
  attemptsMade: number;
  failedAt: string | null;
}

export type IntakeJob = Job<IntakeJobData, IntakeJobResult, IntakeJobName>;

/**
 * Completed jobs are kept a week (and at most 50,000): they are what makes a second `add` of the
 * same jobId a no-op while the poller might still see the message before its done mark. Failed
 * jobs are never removed automatically: they wait for `intake retry` with their reason.
 */
const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 50_000 } as const;

/** How long close() waits for in-flight commands before dropping the connection. */
const CLOSE_DEADLINE_MS = 5_000;

/** Job-state lookups per round trip when the poller asks which UIDs are not queued yet. */
const LOOKUP_BATCH = 500;

export class IntakeQueue {
  readonly queue: Queue<IntakeJobData, IntakeJobResult, IntakeJobName>;
  private readonly connection: Redis;

  constructor(readonly settings: QueueSettings) {
    this.connection = redisConnection(settings.redisUrl, `intake:${settings.queueName}:queue`);
    this.queue = new Queue<IntakeJobData, IntakeJobResult, IntakeJobName>(settings.queueName, {
      connection: this.connection,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: 'exponential', delay: settings.backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: false,
      },
    });
  }

  /** The plain Redis connection, for the poller's checkpoint (same server, same lifetime). */
  get redis(): Redis {
    return this.connection;
  }

  /**
   * Queues messages. The jobId makes this idempotent: BullMQ ignores an add whose id already exists
   * in any state (waiting, active, delayed, completed, failed).
   */
  async enqueue(jobs: readonly IntakeJobData[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += LOOKUP_BATCH) {
      const batch = jobs.slice(i, i + LOOKUP_BATCH);
      await this.queue.addBulk(
        batch.map((data) => ({ name: INTAKE_JOB, data, opts: { jobId: jobIdFor(data.uidValidity, data.uid) } })),
      );
    }
  }

  /**
   * Sorts UIDs of messages not marked done by what the queue knows of them: no job at all, or a
   * completed job (which should be impossible for a message not done, since a worker marks the
   * message before it completes the job; it happens when someone removes the done mark by hand to
   * have a message processed again). Waiting, active, delayed and failed jobs count as queued: a
   * failed job waits for `intake retry`.
   */
  async notQueued(uidValidity: string, uids: readonly number[]): Promise<{ absent: number[]; completed: number[] }> {
    const absent: number[] = [];
    const completed: number[] = [];
    for (let i = 0; i < uids.length; i += LOOKUP_BATCH) {
      const batch = uids.slice(i, i + LOOKUP_BATCH);
      const states = await Promise.all(batch.map((uid) => this.queue.getJobState(jobIdFor(uidValidity, uid))));
      states.forEach((state, k) => {
        if (state === 'unknown') absent.push(batch[k]!);
        else if (state === 'completed') completed.push(batch[k]!);
      });
    }
    return { absent, completed };
  }

  /** Removes finished jobs so that their ids can be queued again. */
  async forget(jobIds: readonly string[]): Promise<void> {
    for (const id of jobIds) await this.queue.remove(id);
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    };
  }

  async failed(limit = 100): Promise<FailedJob[]> {
    const jobs = await this.queue.getFailed(0, limit - 1);
    return jobs.filter((job): job is IntakeJob => Boolean(job)).map(describeFailed);
  }

  /** Re-queues failed jobs: the given ids, or every failed job. Returns the ids re-queued. */
  async retry(jobIds?: readonly string[]): Promise<string[]> {
    if (!jobIds || jobIds.length === 0) {
      const ids: string[] = [];
      // Page through the failed set: retrying moves jobs out of it, so always read from the start.
      for (;;) {
        const jobs = (await this.queue.getFailed(0, LOOKUP_BATCH - 1)).filter(Boolean);
        if (jobs.length === 0) return ids;
        for (const job of jobs) {
          await job.retry('failed');
          ids.push(job.id!);
        }
      }
    }
    for (const id of jobIds) {
      const job = await this.queue.getJob(id);
      if (!job) throw new JobNotFoundError(id);
      const state = await job.getState();
      if (state !== 'failed') throw new JobNotFailedError(id, state);
    }
    for (const id of jobIds) await (await this.queue.getJob(id))!.retry('failed');
    return [...jobIds];
  }

  /** Closes the queue; with Redis unreachable it gives up waiting after a few seconds. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.queue.close().catch(() => undefined),
      new Promise((resolve) => {
        timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
      }),
    ]);
    clearTimeout(timer);
    this.connection.disconnect();
  }
}

function describeFailed(job: IntakeJob): FailedJob {
  return {
    jobId: job.id ?? '',
    uidValidity: job.data.uidValidity,
    uid: job.data.uid,
    messageId: job.data.messageId,
    reason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
