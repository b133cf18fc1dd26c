// The poller (`intake poll`, a child process) stopped and started while messages keep arriving:
// once with SIGTERM (graceful, exit 0), once with SIGKILL. None is missed, none is recorded twice.
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import type { Child } from '../support/child.js';
import { startCli } from '../support/daemon-harness.js';
import { append, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const servers = useServers();

describe('the poller stopped and started while messages keep arriving', () => {
  it('misses none and queues none twice', async () => {
    const world = await servers.world();
    const pollers: Child[] = [];
    try {
      const bases = [await sample('06-no-attachment.eml'), await sample('01-ok-xlsx.eml'), await sample('08-legacy-doc.eml')];
      const TOTAL = 36;
      let appended = 0;
      const appender = (async () => {
        for (; appended < TOTAL; appended++) {
          await append(servers.dovecot, world.mailbox, variant(bases[appended % bases.length]!, `${world.queueName}-${appended}`));
          await delay(40);
        }
      })();
      await world.startWorker();

      const upTo = (n: number): Promise<boolean> => waitFor(`${n} messages appended`, () => appended >= n);
      pollers.push(startCli(world, 'poll'));
      await upTo(8);
      // Stop it only once it runs (a record means it queued mail): a SIGTERM while node is still
      // loading the program is not the graceful stop under test.
      await waitFor('the first poller to queue mail', async () => (await world.records()).length > 0);
      // Graceful stop while mail keeps arriving; the next poller starts from the checkpoint.
      expect(await pollers.at(-1)!.stop(), pollers.at(-1)!.output()).toEqual({ code: 0, signal: null });
      await upTo(14);
      pollers.push(startCli(world, 'poll'));
      await upTo(22);
      // A crash: no chance to record anything; the checkpoint in Redis is whatever it last was.
      pollers.at(-1)!.kill('SIGKILL');
      await pollers.at(-1)!.exited;
      await upTo(28);
      pollers.push(startCli(world, 'poll'));
      await appender;

      const box = await waitFor('every message marked done', async () => {
        const b = await listMessages(servers.dovecot, world.mailbox);
        return b.messages.length === TOTAL && b.messages.every((m) => m.flags.has('$IntakeDone')) ? b : null;
      }, 90_000, 250);
      const records = await world.records();
      expect(records).toHaveLength(TOTAL);
      expect(new Set(records.map((r) => r.record.message.sha256)).size).toBe(TOTAL);
      expect(new Set(records.map((r) => r.record.message.mailbox?.uid)).size).toBe(TOTAL);
      expect(box.messages.map((m) => m.uid).sort((a, b) => a - b)).toEqual(records.map((r) => r.record.message.mailbox!.uid).sort((a, b) => a - b));
      // One job per message: a second add of the same jobId is a no-op, and no message got two ids.
      const queue = new IntakeQueue({ redisUrl: servers.redis.url, queueName: world.queueName, attempts: 1, backoffMs: 1 });
      expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: TOTAL });
      await queue.close();
      expect(await pollers.at(-1)!.stop()).toEqual({ code: 0, signal: null });
    } finally {
      for (const p of pollers) await p.stop(5_000);
      await world.cleanup();
    }
  });
});
