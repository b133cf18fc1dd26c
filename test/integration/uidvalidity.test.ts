// A UIDVALIDITY change (RFC 3501 §2.3.1.1): the mailbox is deleted and recreated with the same
// messages while the daemon runs. Every UID now names possibly another message; the poller
// re-scans, the workers store nothing new (the raw message's sha256 is already recorded) and mark
// the messages done in the new mailbox.
import { describe, expect, it } from 'vitest';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import { jobIdFor } from '../../src/queue/job-types.js';
import { PollerState } from '../../src/queue/poller-state.js';
import { append, createMailbox, deleteMailbox, isDone, listMessages, removeFlag } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const servers = useServers();

describe('the mailbox recreated with the same messages (new UIDVALIDITY)', () => {
  it('re-scans and creates no second records', async () => {
    const world = await servers.world({ INTAKE_POLL_INTERVAL_S: '2' });
    const queue = new IntakeQueue({ redisUrl: servers.redis.url, queueName: world.queueName, attempts: 1, backoffMs: 1 });
    try {
      const messages = [
        variant(await sample('01-ok-xlsx.eml'), world.queueName),
        variant(await sample('06-no-attachment.eml'), world.queueName),
        variant(await sample('04-late.eml'), world.queueName),
      ];
      for (const raw of messages) await append(servers.dovecot, world.mailbox, raw);
      await world.startWorker();
      await world.startPoller();
      const allDone = async (): Promise<Awaited<ReturnType<typeof listMessages>> | null> => {
        const box = await listMessages(servers.dovecot, world.mailbox).catch(() => null);
        return box && box.messages.length === messages.length && box.messages.every((m) => m.flags.has('$IntakeDone')) ? box : null;
      };
      const first = await waitFor('every message done', allDone);
      const before = (await world.records()).map((r) => r.record);
      expect(before).toHaveLength(messages.length);

      await deleteMailbox(servers.dovecot, world.mailbox);
      await createMailbox(servers.dovecot, world.mailbox);
      for (const raw of messages) await append(servers.dovecot, world.mailbox, raw);
      const second = await waitFor('every message done in the recreated mailbox', async () => {
        const box = await allDone();
        return box && box.uidValidity !== first.uidValidity ? box : null;
      }, 90_000, 250);

      const after = (await world.records()).map((r) => r.record);
      expect(after.map((r) => r.receiptNo).sort()).toEqual(before.map((r) => r.receiptNo).sort());
      // Each message was processed again under its new UID and found already stored.
      for (const m of second.messages) {
        const job = await queue.queue.getJob(jobIdFor(second.uidValidity, m.uid));
        expect(job?.returnvalue).toMatchObject({ outcome: 'stored', created: false });
      }
      const cp = await waitFor('the checkpoint under the new UIDVALIDITY', async () => {
        const snap = await new PollerState(queue.redis, world.queueName).snapshot();
        return snap.checkpoint?.uidValidity === second.uidValidity ? snap.checkpoint : null;
      });
      expect(cp.doneThrough).toBeLessThanOrEqual(cp.queuedThrough);
    } finally {
      await queue.close();
      await world.cleanup();
    }
  });

  it('a done mark removed by hand: the reconcile queues the message again, no second record', async () => {
    const world = await servers.world({ INTAKE_POLL_INTERVAL_S: '2' });
    try {
      const uid = await append(servers.dovecot, world.mailbox, variant(await sample('06-no-attachment.eml'), world.queueName));
      await world.startWorker();
      await world.startPoller();
      const done = (): Promise<boolean> => isDone(servers.dovecot, world.mailbox, uid);
      await waitFor('the done mark', done);
      const before = await world.records();

      await removeFlag(servers.dovecot, world.mailbox, uid, '$IntakeDone');
      await waitFor('the done mark again', done, 60_000, 200);
      const after = await world.records();
      expect(after.map((r) => r.record.receiptNo)).toEqual(before.map((r) => r.record.receiptNo));
    } finally {
      await world.cleanup();
    }
  });
});
