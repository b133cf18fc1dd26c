// A BullMQ worker around a plain handler, so that the daemon's job logic never touches bullmq:
// errors that say `retriable: false` become UnrecoverableError (no further attempts), and a job the
// handler gives back on shutdown goes back to the wait list without using up an attempt.
import { UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisConnection } from './connection.js';
import type { IntakeJobData, IntakeJobName, IntakeJobResult } from './job-types.js';
import type { WorkerTuning } from './worker-tuning.js';

export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker is shutting down and will not wait for this job any longer. */
  signal: AbortSignal;
}

export type JobHandler = (data: IntakeJobData, ctx: JobContext) => Promise<IntakeJobResult>;

/** Thrown by a handler that gives its job back (shutdown): the job returns to the wait list. */
export class JobReleasedError extends Error {
  readonly code = 'job_released';
  readonly retriable = true;
}

export interface WorkerEvents {
  onCompleted?: (jobId: string, result: IntakeJobResult) => void;
  onFailed?: (jobId: string, err: Error, final: boolean) => void;
  onStalled?: (jobId: string) => void;
  onError?: (err: Error) => void;
}

function isPermanent(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { retriable?: unknown }).retriable === false;
}

export class IntakeWorker {
  private readonly worker: Worker<IntakeJobData, IntakeJobResult, IntakeJobName>;
  private readonly connection: Redis;

  constructor(redisUrl: string, queueName: string, tuning: WorkerTuning, handler: JobHandler, events: WorkerEvents = {}) {
    this.connection = redisConnection(redisUrl, `intake:${queueName}:worker`);
    this.worker = new Worker<IntakeJobData, IntakeJobResult, IntakeJobName>(
      queueName,
      async (job, token, signal) => {
        const ctx: JobContext = {
          jobId: job.id ?? '',
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          signal: signal ?? new AbortController().signal,
        };
        try {
          return await handler(job.data, ctx);
        } catch (err) {
          if (err instanceof JobReleasedError) {
            await job.moveToWait(token);
            throw new WaitingError();
          }
          if (isPermanent(err)) {
            const e = err as Error & { code?: string };
            throw new UnrecoverableError(e.code ? `${e.code}: ${e.message}` : e.message);
          }
          throw err;
        }
      },
      {
        connection: this.connection,
        concurrency: tuning.concurrency,
        lockDuration: tuning.lockDurationMs,
        stalledInterval: tuning.stalledIntervalMs,
        maxStalledCount: tuning.maxStalledCount,
        autorun: false,
      },
    );
    this.worker.on('completed', (job, result) => events.onCompleted?.(job.id ?? '', result));
    this.worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      events.onFailed?.(job.id ?? '', err, final);
    });
    this.worker.on('stalled', (jobId) => events.onStalled?.(jobId));
    this.worker.on('error', (err) => events.onError?.(err));
  }

  /** Starts taking jobs; resolves once connected. */
  async start(): Promise<void> {
    void this.worker.run().catch((err: Error) => this.worker.emit('error', err));
    await this.worker.waitUntilReady();
  }

  /** Asks every running handler to give its job back (their `signal` aborts). */
  releaseAll(reason: string): void {
    this.worker.cancelAllJobs(reason);
  }

  /** Stops taking jobs and waits for the running ones (or, with force, does not wait). */
  async close(force = false): Promise<void> {
    await this.worker.close(force);
    this.connection.disconnect();
  }
}
