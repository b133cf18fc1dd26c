// Regression: a worker's IMAP connection does not IDLE, so a message that arrived after its last
// command is outside its view, and Dovecot silently ignores a UID FETCH for it. The worker failed
// such jobs with message_not_found; it now syncs with NOOP and fetches again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../support/daemon-harness.js';
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

describe('worker-stale-view', () => {
  it('fetches a message that arrived after the worker connection last spoke to the server', async () => {
    const world = await makeWorld(redis, dovecot);
    try {
      const base = await sample('06-no-attachment.eml');
      await world.startWorker();
      await world.startPoller();
      for (let i = 1; i <= 3; i++) {
        await append(dovecot, world.mailbox, variant(base, `${world.queueName}-${i}`));
        await waitFor(`record ${i}`, async () => (await world.records()).length === i);
      }
      const box = await listMessages(dovecot, world.mailbox);
      expect(box.messages.every((m) => m.flags.has('$IntakeDone'))).toBe(true);
    } finally {
      await world.cleanup();
    }
  });
});
