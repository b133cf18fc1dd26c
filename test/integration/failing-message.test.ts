// A message whose processing always fails (the store refuses it: INTAKE_TEST_FAIL_SUBJECT, a
// test-only hook) ends in the failed set with its reason after its attempts, `intake status` shows
// it, the other messages go on, and it is not marked done. `intake retry` re-queues it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import { jobIdFor } from '../../src/queue/job-types.js';
import { REPO } from '../support/daemon-harness.js';
import { append, isDone, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const run = promisify(execFile);

const servers = useServers();

describe('a message whose processing always fails', () => {
  it('ends in the failed set with its reason, shows in `intake status`, is not marked done; the others go on', async () => {
    const poison = `poison-${Date.now()}`;
    const world = await servers.world({ INTAKE_TEST_FAIL_SUBJECT: poison, INTAKE_JOB_ATTEMPTS: '3' });
    const queue = new IntakeQueue({ redisUrl: servers.redis.url, queueName: world.queueName, attempts: 3, backoffMs: 200 });
    const intake = async (...args: string[]) =>
      run(process.execPath, [path.join(REPO, 'dist/src/cli.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...world.env } });
    try {
      const base = await sample('01-ok-xlsx.eml');
      const uids: number[] = [];
      uids.push(await append(servers.dovecot, world.mailbox, variant(base, 'a')));
      const badUid = await append(servers.dovecot, world.mailbox, variant(base, 'bad', `${poison} 申請書`));
      uids.push(await append(servers.dovecot, world.mailbox, variant(base, 'b')));
      uids.push(await append(servers.dovecot, world.mailbox, variant(await sample('06-no-attachment.eml'), 'c')));
      const worker = await world.startWorker();
      await world.startPoller();

      const { uidValidity } = await listMessages(servers.dovecot, world.mailbox);
      const badJob = jobIdFor(uidValidity, badUid);
      await waitFor('the poison job in the failed set', async () => (await queue.queue.getJobState(badJob)) === 'failed');
      await waitFor('records of the other messages', async () => (await world.records()).length === 3);

      const job = await queue.queue.getJob(badJob);
      expect(job!.attemptsMade).toBe(3);
      expect(job!.failedReason).toContain('the store refuses');
      const box = await listMessages(servers.dovecot, world.mailbox);
      const flags = new Map(box.messages.map((m) => [m.uid, m.flags.has('$IntakeDone')]));
      expect(flags.get(badUid)).toBe(false);
      for (const uid of uids) expect(flags.get(uid)).toBe(true);
      expect((await world.records()).every((r) => !r.record.message.subject.includes(poison))).toBe(true);

      // The operator's view.
      const text = (await intake('status')).stdout;
      expect(text).toContain('failed 1');
      expect(text).toContain(`${badJob}  UID ${badUid}`);
      expect(text).toContain('after 3 attempt(s)');
      expect(text).toContain('the store refuses');
      expect(text).toMatch(/poller: connected/);
      const json = JSON.parse((await intake('status', '--json')).stdout);
      expect(json.queue.counts).toMatchObject({ failed: 1, completed: 3, waiting: 0, active: 0 });
      expect(json.queue.failed).toEqual([expect.objectContaining({ jobId: badJob, uid: badUid, attemptsMade: 3 })]);
      expect(json.records).toMatchObject({ ok: expect.any(Number) });

      // A reconcile after the failure leaves the failed job alone: it waits for the operator.
      const failedAt = job!.finishedOn!;
      await waitFor('a reconcile after the failure', async () => {
        const status = JSON.parse((await intake('status', '--json')).stdout);
        return Date.parse(status.poller.health.lastReconcileAt) > failedAt;
      }, 30_000, 250);
      expect(await queue.queue.getJobState(badJob)).toBe('failed');
      // The low watermark stops below the message that is not done.
      const checkpoint = JSON.parse((await intake('status', '--json')).stdout).poller.checkpoint;
      expect(checkpoint).toMatchObject({ uidValidity, queuedThrough: 4, doneThrough: badUid - 1 });

      // Fixed (here: a worker without the hook), `intake retry` re-queues it and it goes through.
      await worker.stop();
      await world.startWorker({ INTAKE_TEST_FAIL_SUBJECT: '' });
      const notFailed = await intake('retry', jobIdFor(uidValidity, uids[0]!)).catch((e: { code: number; stderr: string }) => e);
      expect(notFailed).toMatchObject({ code: 1, stderr: expect.stringContaining('is completed, not failed') });
      expect((await intake('retry', badJob)).stdout).toContain(`re-queued ${badJob}`);
      await waitFor('the done mark on the retried message', () => isDone(servers.dovecot, world.mailbox, badUid));
      expect(await world.records()).toHaveLength(4);
      expect(JSON.parse((await intake('status', '--json')).stdout).queue.counts).toMatchObject({ failed: 0, completed: 4 });
    } finally {
      await queue.close();
      await world.cleanup();
    }
  });
});
