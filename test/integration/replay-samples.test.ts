// Every sample through the whole system: `intake replay` APPENDs them to Dovecot, the poller queues
// them, a worker stores them. Exactly one record per message, equal to what processMessage gives for
// the same files with no IMAP and no Redis, and every message marked done.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { messageSources } from '../../src/files/message-files.js';
import { pipelineOptions, processMessage } from '../../src/pipeline.js';
import type { IntakeRecord } from '../../src/record.js';
import { openStore } from '../../src/store/open-store.js';
import { comparable, receiptMap } from '../support/compare-records.js';
import { REPO, testLogger } from '../support/daemon-harness.js';
import { listMessages } from '../support/imap-helpers.js';
import { useServers } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const run = promisify(execFile);
const SAMPLES = path.join(REPO, 'samples');

const servers = useServers();

async function reference(files: string[], config: Parameters<typeof pipelineOptions>[0]): Promise<IntakeRecord[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-ref-'));
  const store = await openStore(dir, config.receiptPrefix);
  try {
    const out: IntakeRecord[] = [];
    for (const source of await messageSources(files)) {
      out.push((await processMessage(await source.read(), {}, pipelineOptions(config, testLogger()), store)).record);
    }
    return out;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('replaying the samples through Dovecot, the poller, the queue and a worker', () => {
  it('gives exactly one record per message, equal to processMessage on the files', async () => {
    // One job at a time keeps the processing order the files' order, as `intake process` has it:
    // resubmission links depend on which record came first.
    const world = await servers.world({ INTAKE_WORKER_CONCURRENCY: '1' });
    try {
      const sources = await messageSources([SAMPLES]);
      expect(sources.length).toBeGreaterThanOrEqual(20);

      const replay = await run(process.execPath, [path.join(REPO, 'dist/src/cli.js'), 'replay', SAMPLES], { env: { ...process.env, ...world.env } });
      expect(replay.stdout).toContain(`${sources.length} message(s) appended to ${world.mailbox}`);

      await world.startWorker();
      await world.startPoller();
      const records = await waitFor('a record for every sample', async () => {
        const list = await world.records();
        return list.length >= sources.length ? list : null;
      }, 120_000, 250);
      const mailbox = await waitFor('every message marked done', async () => {
        const box = await listMessages(servers.dovecot, world.mailbox);
        return box.messages.every((m) => m.flags.has('$IntakeDone')) ? box : null;
      });

      // The worker refreshes both reports shortly after storing: the last sample is in the page.
      await waitFor('the reports refreshed with every record', async () => {
        const html = await readFile(path.join(world.config.reportDir, 'intake-report.html'), 'utf8').catch(() => '');
        const xlsx = await stat(path.join(world.config.reportDir, 'intake-report.xlsx')).catch(() => null);
        return html.includes('星AI株式会社') && xlsx && xlsx.size > 0 ? true : null;
      }, 30_000, 250);

      const ours = records.map((r) => r.record);
      expect(ours).toHaveLength(sources.length);
      expect(new Set(ours.map((r) => r.message.sha256)).size).toBe(sources.length);
      expect(mailbox.messages).toHaveLength(sources.length);

      const ref = await reference([SAMPLES], world.config);
      const receipts = receiptMap(ours, ref);
      const bySha = new Map(ours.map((r) => [r.message.sha256, r]));
      for (const expected of ref) {
        const got = bySha.get(expected.message.sha256);
        expect(got, expected.message.subject).toBeDefined();
        expect(comparable(got!, receipts)).toEqual(comparable(expected));
        // The arrival time is the server's INTERNALDATE, which replay took from the message itself.
        expect(got!.message.receivedAtSource).toBe('internaldate');
        expect(got!.message.mailbox).toEqual({ uidValidity: mailbox.uidValidity, uid: expect.any(Number) });
      }
    } finally {
      await world.cleanup();
    }
  });
});
