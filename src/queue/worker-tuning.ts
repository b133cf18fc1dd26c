// How a worker holds on to its jobs, and why.

export interface WorkerTuning {
  concurrency: number;
  /** How long a job's lock lives without renewal (BullMQ renews it every lockDuration / 2). */
  lockDurationMs: number;
  /** How often a worker looks for jobs whose lock expired (their worker died) and re-queues them. */
  stalledIntervalMs: number;
  /** Stalls (lost locks) a job survives before it is failed instead of re-queued. */
  maxStalledCount: number;
}

/**
 * The default lock: two minutes, not BullMQ's 30 s.
 *
 * The lock is renewed by a timer on the worker's event loop, so anything that blocks the loop for
 * longer than the lock loses the job to another worker (which then parses it a second time; storing
 * is idempotent, so that costs CPU, not a duplicate). In this worker the heavy parsing is not on
 * the loop: attachment extraction runs in worker threads bounded by INTAKE_EXTRACT_TIMEOUT_S and
 * INTAKE_EXTRACT_MEMORY_MB, and MIME parsing is streamed. What remains synchronous is short but
 * not tiny: hashing a 50 MB message, a better-sqlite3 write and WAL checkpoint on a slow disk, a
 * major GC of a large heap. Two minutes leaves a wide margin over all of them.
 *
 * A sandboxed processor (one child process per slot) would make the margin irrelevant, but costs a
 * process and a SQLite connection per slot and cannot call the in-process onStored hook; with the
 * extraction already off-thread it buys nothing here.
 *
 * The price of a long lock is recovery time: a worker killed mid-job leaves its job locked until the
 * lock expires, then the next stalled check (at most stalledIntervalMs later) re-queues it. For an
 * application mailbox, minutes are fine; nothing is lost either way. INTAKE_JOB_LOCK_S changes it.
 */
export const DEFAULT_LOCK_DURATION_MS = 120_000;

/** BullMQ's default stalled-check period; shorter when the lock itself is shorter. */
const MAX_STALLED_INTERVAL_MS = 30_000;

/**
 * Two stalls are tolerated (a worker killed by a deploy, then by an OOM); a third means the message
 * itself kills workers, and it belongs in the failed set with a reason rather than in an endless
 * loop.
 */
const MAX_STALLED_COUNT = 2;

export function workerTuning(concurrency: number, lockDurationMs: number = DEFAULT_LOCK_DURATION_MS): WorkerTuning {
  return {
    concurrency,
    lockDurationMs,
    stalledIntervalMs: Math.min(MAX_STALLED_INTERVAL_MS, lockDurationMs),
    maxStalledCount: MAX_STALLED_COUNT,
  };
}
