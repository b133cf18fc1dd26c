// `intake daemon` (poller and worker in one child process) while Dovecot restarts under it: the
// poller and the worker's IMAP session reconnect, and messages appended while they were away are
// processed. SIGTERM then stops the daemon with exit 0.
//
// Second case, a regression: when only Dovecot's master process restarts, logged-in sessions keep
// running detached from it and stop seeing new mail (neither IDLE nor SEARCH reported it, and UID
// FETCH ignored the new UIDs). The worker failed such a message for good with message_not_found and
// the poller never queued the next ones. Now "not found" is only believed on a fresh connection,
// and the poller reconciles on a fresh connection every INTAKE_POLL_INTERVAL_S.
import { describe, expect, it } from 'vitest';
import { PollerState } from '../../src/queue/poller-state.js';
import { IntakeQueue } from '../../src/queue/intake-queue.js';
import { startCli } from '../support/daemon-harness.js';
import { append, listMessages } from '../support/imap-helpers.js';
import { sample, variant } from '../support/messages.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const servers = useServers();

describe('Dovecot restarted while the daemon is connected', () => {
  it('reconnects and processes the messages appended meanwhile', { timeout: 150_000 }, async () => {
    const world = await servers.world();
    const queue = new IntakeQueue({ redisUrl: servers.redis.url, queueName: world.queueName, attempts: 1, backoffMs: 1 });
    const state = new PollerState(queue.redis, world.queueName);
    const daemon = startCli(world, 'daemon');
    try {
      const base = await sample('06-no-attachment.eml');
      await append(servers.dovecot, world.mailbox, variant(base, `${world.queueName}-before`));
      await waitFor('the first record', async () => (await world.records()).length === 1, 60_000, 200);
      const before = await state.snapshot();
      expect(before.health.connection).toBe('connected');
      expect(before.health.mode).toBe('idle');

      await servers.dovecot.restart();
      // Appended while the daemon's connections are down or still in their reconnect backoff.
      for (let i = 0; i < 3; i++) await append(servers.dovecot, world.mailbox, variant(base, `${world.queueName}-after-${i}`));

      await waitFor('records for the messages appended during the restart', async () => (await world.records()).length === 4, 90_000, 250).catch((err) => {
        throw new Error(`${(err as Error).message}\n${daemon.output()}`);
      });
      await waitFor('every message marked done', async () => {
        const box = await listMessages(servers.dovecot, world.mailbox);
        return box.messages.length === 4 && box.messages.every((m) => m.flags.has('$IntakeDone'));
      });
      const after = await waitFor('the poller connected again', async () => {
        const s = await state.snapshot();
        return s.health.connection === 'connected' ? s : null;
      });
      // It noticed: the disconnect was recorded with its reason, and "since" moved on.
      expect(Date.parse(after.health.since!)).toBeGreaterThan(Date.parse(before.health.since!));
      expect(after.health.lastError).toBeNull();
      expect(daemon.output()).toContain('reconnecting');

      expect(await daemon.stop(30_000), daemon.output()).toEqual({ code: 0, signal: null });
      expect((await state.snapshot()).health.connection).toBe('stopped');
    } finally {
      await daemon.stop(5_000);
      await queue.close();
      await world.cleanup();
    }
  });

  it('dovecot-master-restart: sessions that outlive the master do not lose messages', { timeout: 150_000 }, async () => {
    const world = await servers.world({ INTAKE_POLL_INTERVAL_S: '2' });
    const daemon = startCli(world, 'daemon');
    try {
      const base = await sample('06-no-attachment.eml');
      await append(servers.dovecot, world.mailbox, variant(base, `${world.queueName}-before`));
      await waitFor('the first record', async () => (await world.records()).length === 1, 60_000, 200);

      await servers.dovecot.restartMaster();
      for (let i = 0; i < 3; i++) await append(servers.dovecot, world.mailbox, variant(base, `${world.queueName}-after-${i}`));

      await waitFor('every message marked done', async () => {
        const box = await listMessages(servers.dovecot, world.mailbox);
        return box.messages.length === 4 && box.messages.every((m) => m.flags.has('$IntakeDone'));
      }, 90_000, 250).catch((err) => {
        throw new Error(`${(err as Error).message}\n${daemon.output()}`);
      });
      expect(await world.records()).toHaveLength(4);
      expect(daemon.output()).not.toContain('message_not_found');
      expect(await daemon.stop(30_000), daemon.output()).toEqual({ code: 0, signal: null });
    } finally {
      await daemon.stop(5_000);
      await world.cleanup();
    }
  });
});
