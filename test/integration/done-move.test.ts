// INTAKE_DONE_ACTION=move:<folder>: a message leaves the watched mailbox for the done folder only
// after its record is stored; the poller creates the folder when it is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, randomName } from '../support/daemon-harness.js';
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

describe('done by moving the message', () => {
  it('moves each message to the done folder after storing its record', async () => {
    const folder = randomName('Done');
    const world = await makeWorld(redis, dovecot, { INTAKE_DONE_ACTION: `move:${folder}` });
    try {
      const names = ['01-ok-xlsx.eml', '06-no-attachment.eml', '09-corrupt-xlsx.eml'];
      for (const name of names) await append(dovecot, world.mailbox, variant(await sample(name), world.queueName));
      await world.startWorker();
      await world.startPoller();
      const moved = await waitFor('every message in the done folder', async () => {
        const box = await listMessages(dovecot, folder).catch(() => null);
        return box && box.messages.length === names.length ? box : null;
      });
      expect((await listMessages(dovecot, world.mailbox)).messages).toHaveLength(0);
      expect(moved.messages).toHaveLength(names.length);
      expect(await world.records()).toHaveLength(names.length);
    } finally {
      await world.cleanup();
    }
  });
});
