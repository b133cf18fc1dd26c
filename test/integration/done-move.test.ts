// INTAKE_DONE_ACTION=move:<folder>: a message leaves the watched mailbox for the done folder only
// after its record is stored; the poller creates the folder when it is missing.
import { describe, expect, it } from 'vitest';
import { randomName } from '../support/daemon-harness.js';
import { append, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const servers = useServers();

describe('done by moving the message', () => {
  it('moves each message to the done folder after storing its record', async () => {
    const folder = randomName('Done');
    const world = await servers.world({ INTAKE_DONE_ACTION: `move:${folder}` });
    try {
      const names = ['01-ok-xlsx.eml', '06-no-attachment.eml', '09-corrupt-xlsx.eml'];
      for (const name of names) await append(servers.dovecot, world.mailbox, variant(await sample(name), world.queueName));
      await world.startWorker();
      await world.startPoller();
      const moved = await waitFor('every message in the done folder', async () => {
        const box = await listMessages(servers.dovecot, folder).catch(() => null);
        return box && box.messages.length === names.length ? box : null;
      });
      expect((await listMessages(servers.dovecot, world.mailbox)).messages).toHaveLength(0);
      expect(moved.messages).toHaveLength(names.length);
      expect(await world.records()).toHaveLength(names.length);
    } finally {
      await world.cleanup();
    }
  });
});
