// Workers as the deployment runs them (`node dist/workers/intake.worker.js`, a child process):
// killed with SIGKILL in the middle of a job, the job runs again and gives one record; stopped with
// SIGTERM in the middle of a job, the worker gives the job back and exits 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import { jobIdFor } from '../../src/queue/job-types.js';
import { makeWorld, type World } from '../support/daemon-harness.js';
import { startDovecot, type TestDovecot } from '../support/dovecot-server.js';
import { append, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { startRedis, type TestRedis } from '../support/redis-server.js';
import { waitFor } from '../support/wait.js';

let redis: TestRedis;
let dovecot: TestDovecot;
beforeAll(async () => {
  [redis, dovecot] = await Promise.all([startRedis(), startDovecot()]);
});
afterAll(async () => {
  await Promise.all([redis?.stop(), dovecot?.stop()]);
});

function queueOf(world: World): IntakeQueue {
  return new IntakeQueue({ redisUrl: redis.url, queueName: world.queueName, attempts: 3, backoffMs: 200 });
}

async function isDone(world: World, uid: number): Promise<boolean> {
  const box = await listMessages(dovecot, world.mailbox);
  return Boolean(box.messages.find((m) => m.uid === uid)?.flags.has('$IntakeDone'));
}

describe('a worker process', () => {
  it('killed with SIGKILL mid-job: the job runs again on another worker, one record', async () => {
    // A 3 s lock: the killed worker's job is re-queued by the next stalled check after it expires.
    const world = await makeWorld(redis, dovecot, { INTAKE_JOB_LOCK_S: '3' });
    const queue = queueOf(world);
    try {
      const uid = await append(dovecot, world.mailbox, variant(await sample('01-ok-xlsx.eml'), world.queueName));
      await world.startPoller();
      const { uidValidity } = await listMessages(dovecot, world.mailbox);
      const jobId = jobIdFor(uidValidity, uid);

      const slow = world.spawnWorker({ INTAKE_TEST_JOB_DELAY_MS: '120000' });
      await waitFor('the job to be active on the slow worker', async () => (await queue.queue.getJobState(jobId)) === 'active');
      slow.kill('SIGKILL');
      expect((await slow.exited).signal).toBe('SIGKILL');
      expect(await world.records()).toHaveLength(0);
      expect(await isDone(world, uid)).toBe(false);

      const second = world.spawnWorker();
      const records = await waitFor('the record', async () => {
        const list = await world.records();
        return list.length > 0 ? list : null;
      });
      await waitFor('the done mark', () => isDone(world, uid));
      expect(records).toHaveLength(1);
      expect(records[0]!.record.message.mailbox).toEqual({ uidValidity, uid });
      const job = await queue.queue.getJob(jobId);
      expect(await job!.getState()).toBe('completed');
      expect(job!.attemptsStarted).toBeGreaterThanOrEqual(2);

      const exit = await second.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await world.records()).toHaveLength(1);
    } finally {
      await queue.close();
      await world.cleanup();
    }
  });

  it('stopped with SIGTERM mid-job: gives the job back within the timeout and exits 0', async () => {
    const world = await makeWorld(redis, dovecot, { INTAKE_SHUTDOWN_TIMEOUT_S: '1' });
    const queue = queueOf(world);
    try {
      const uid = await append(dovecot, world.mailbox, variant(await sample('06-no-attachment.eml'), world.queueName));
      await world.startPoller();
      const { uidValidity } = await listMessages(dovecot, world.mailbox);
      const jobId = jobIdFor(uidValidity, uid);

      const slow = world.spawnWorker({ INTAKE_TEST_JOB_DELAY_MS: '120000' });
      await waitFor('the job to be active', async () => (await queue.queue.getJobState(jobId)) === 'active');
      const exit = await slow.stop(30_000);
      expect(exit, slow.output()).toEqual({ code: 0, signal: null });
      // Back in the wait list, with no attempt used up.
      expect(await queue.queue.getJobState(jobId)).toBe('waiting');
      expect((await queue.queue.getJob(jobId))!.attemptsMade).toBe(0);
      expect(await isDone(world, uid)).toBe(false);

      world.spawnWorker();
      await waitFor('the done mark', () => isDone(world, uid));
      expect(await world.records()).toHaveLength(1);
    } finally {
      await queue.close();
      await world.cleanup();
    }
  });
});
