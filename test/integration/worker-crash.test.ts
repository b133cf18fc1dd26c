// Workers as the deployment runs them (`node dist/workers/intake.worker.js`, a child process):
// killed with SIGKILL in the middle of a job, the job runs again and gives one record; stopped with
// SIGTERM in the middle of a job, the worker gives the job back and exits 0.
import { describe, expect, it } from 'vitest';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import { jobIdFor } from '../../src/queue/job-types.js';
import type { Child } from '../support/child.js';
import type { World } from '../support/daemon-harness.js';
import { append, isDone, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const servers = useServers();

interface QueuedJob {
  world: World;
  queue: IntakeQueue;
  uid: number;
  uidValidity: string;
  jobId: string;
  /** Whether the message carries the done mark. */
  done(): Promise<boolean>;
  /** A worker child that holds the job for two minutes: started, and the job active on it. */
  slowWorker(): Promise<Child>;
}

/** One sample queued by a poller in a world with `env`, no worker yet; cleaned up after `test`. */
async function withQueuedJob(env: Record<string, string>, name: string, test: (job: QueuedJob) => Promise<void>): Promise<void> {
  const world = await servers.world(env);
  const queue = new IntakeQueue({ redisUrl: servers.redis.url, queueName: world.queueName, attempts: 3, backoffMs: 200 });
  try {
    const uid = await append(servers.dovecot, world.mailbox, variant(await sample(name), world.queueName));
    await world.startPoller();
    const { uidValidity } = await listMessages(servers.dovecot, world.mailbox);
    const jobId = jobIdFor(uidValidity, uid);
    const slowWorker = async (): Promise<Child> => {
      const slow = world.spawnWorker({ INTAKE_TEST_JOB_DELAY_MS: '120000' });
      await waitFor('the job to be active on the slow worker', async () => (await queue.queue.getJobState(jobId)) === 'active');
      return slow;
    };
    await test({ world, queue, uid, uidValidity, jobId, done: () => isDone(servers.dovecot, world.mailbox, uid), slowWorker });
  } finally {
    await queue.close();
    await world.cleanup();
  }
}

describe('a worker process', () => {
  it('killed with SIGKILL mid-job: the job runs again on another worker, one record', async () => {
    // A 3 s lock: the killed worker's job is re-queued by the next stalled check after it expires.
    await withQueuedJob({ INTAKE_JOB_LOCK_S: '3' }, '01-ok-xlsx.eml', async ({ world, queue, uid, uidValidity, jobId, done, slowWorker }) => {
      const slow = await slowWorker();
      slow.kill('SIGKILL');
      expect((await slow.exited).signal).toBe('SIGKILL');
      expect(await world.records()).toHaveLength(0);
      expect(await done()).toBe(false);

      const second = world.spawnWorker();
      const records = await waitFor('the record', async () => {
        const list = await world.records();
        return list.length > 0 ? list : null;
      });
      await waitFor('the done mark', done);
      expect(records).toHaveLength(1);
      expect(records[0]!.record.message.mailbox).toEqual({ uidValidity, uid });
      const job = await queue.queue.getJob(jobId);
      expect(await job!.getState()).toBe('completed');
      expect(job!.attemptsStarted).toBeGreaterThanOrEqual(2);

      const exit = await second.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await world.records()).toHaveLength(1);
    });
  });

  it('stopped with SIGTERM mid-job: gives the job back within the timeout and exits 0', async () => {
    await withQueuedJob({ INTAKE_SHUTDOWN_TIMEOUT_S: '1' }, '06-no-attachment.eml', async ({ world, queue, jobId, done, slowWorker }) => {
      const slow = await slowWorker();
      const exit = await slow.stop(30_000);
      expect(exit, slow.output()).toEqual({ code: 0, signal: null });
      // Back in the wait list, with no attempt used up.
      expect(await queue.queue.getJobState(jobId)).toBe('waiting');
      expect((await queue.queue.getJob(jobId))!.attemptsMade).toBe(0);
      expect(await done()).toBe(false);

      world.spawnWorker();
      await waitFor('the done mark', done);
      expect(await world.records()).toHaveLength(1);
    });
  });
});
