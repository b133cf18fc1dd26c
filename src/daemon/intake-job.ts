// What a worker does with one job: fetch the message by UID, run the pipeline (the same function as
// `intake process`), and only after the record is stored, mark the message done in the mailbox.
// Any step can run twice (a retry, a worker killed after storing): storing is idempotent on the raw
// message's sha256, and marking done twice is harmless.
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { markDone } from '../mailbox/done-action.js';
import { MessageNotFoundError } from '../mailbox/errors.js';
import { fetchSource, type FetchedSource } from '../mailbox/fetch-source.js';
import type { ImapSession } from '../mailbox/imap-session.js';
import { processMessage, type PipelineOptions } from '../pipeline.js';
import { JobReleasedError, type JobContext, type JobHandler } from '../queue/intake-worker.js';
import type { IntakeJobData, IntakeJobResult } from '../queue/job-types.js';
import type { RecordStore, SaveResult } from '../store/store.js';
import type { DaemonSettings } from './daemon-settings.js';
import { testDelay } from './test-hooks.js';

export type OnStored = (result: SaveResult) => void | Promise<void>;

export interface JobDeps {
  imap: ImapConfig;
  session: ImapSession;
  store: RecordStore;
  pipeline: PipelineOptions;
  settings: DaemonSettings;
  logger: Logger;
  /** Called after a record is stored and its message marked done (the lead wires report refresh). */
  onStored?: OnStored;
}

/** Resolves like `work`, or rejects with JobReleasedError as soon as the job is asked to let go. */
function unlessReleased<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new JobReleasedError('released on shutdown'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new JobReleasedError('released on shutdown'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

type Fetched = FetchedSource | { skipped: 'uidvalidity_changed' | 'not_in_mailbox' };

export function intakeJobHandler(deps: JobDeps): JobHandler {
  const { imap, session, store, pipeline, settings } = deps;
  return async (data: IntakeJobData, ctx: JobContext): Promise<IntakeJobResult> => {
    const log = deps.logger.child({ component: 'worker', jobId: ctx.jobId, uid: data.uid });
    log.debug({ attempt: ctx.attempt }, 'job started');

    const fetch = (): Promise<Fetched> =>
      session.withMailbox(data.mailbox, async (client, mailbox) => {
        // A UID means nothing under another UIDVALIDITY (RFC 3501 §2.3.1.1): the poller re-scans the
        // mailbox and queues the message again under its new UID.
        if (mailbox.uidValidity !== data.uidValidity) return { skipped: 'uidvalidity_changed' } as const;
        return fetchSource(client, data.uid, imap.doneAction, pipeline.limits.maxMessageBytes);
      });
    // A long-lived connection can hold a stale view of the mailbox: still the mailbox that was
    // deleted and recreated (its old UIDVALIDITY), or blind to new mail after a server restart
    // (dovecot-restart.test.ts). Neither "not found" nor "another UIDVALIDITY" is believed until a
    // fresh connection says so too.
    const fetchOrGone = async (): Promise<Fetched> => {
      try {
        const first = await fetch();
        if (!('skipped' in first)) return first;
      } catch (err) {
        if (!(err instanceof MessageNotFoundError)) throw err;
      }
      log.info('message not found under this UIDVALIDITY on this connection; asking a fresh one');
      await session.reset();
      try {
        return await fetch();
      } catch (err) {
        // With move:<folder>, a message a previous attempt already moved is no longer here.
        if (err instanceof MessageNotFoundError && imap.doneAction.kind === 'move') return { skipped: 'not_in_mailbox' } as const;
        throw err;
      }
    };
    const fetched: Fetched = await unlessReleased(fetchOrGone(), ctx.signal);
    if ('skipped' in fetched) {
      log.warn({ reason: fetched.skipped }, 'job skipped');
      return { outcome: 'skipped', reason: fetched.skipped };
    }
    if (fetched.done) {
      log.info('already marked done; nothing to do');
      return { outcome: 'skipped', reason: 'already_done' };
    }
    if (fetched.truncated) log.warn({ size: fetched.size, kept: fetched.raw.length }, 'message over twice the size limit: only its head is recorded');

    await testDelay(settings, ctx.signal);
    const internalDate = fetched.internalDate ?? (data.internalDate ? new Date(data.internalDate) : undefined);
    const result = await unlessReleased(
      processMessage(fetched.raw, { internalDate, mailbox: { uidValidity: data.uidValidity, uid: data.uid } }, pipeline, store),
      ctx.signal,
    );

    // Only now, with the record stored, may the mailbox say "done".
    const marked = await session.withMailbox(data.mailbox, async (client, mailbox) => {
      if (mailbox.uidValidity !== data.uidValidity) return false;
      await markDone(client, imap.doneAction, mailbox, data.uid);
      return true;
    });
    if (!marked) {
      // The record is stored; the re-scan under the new UIDVALIDITY finds it by sha256 and marks it.
      log.warn({ receiptNo: result.record.receiptNo }, 'UIDVALIDITY changed before the done mark; left to the re-scan');
      return { outcome: 'skipped', reason: 'uidvalidity_changed' };
    }
    const { record, created } = result;
    log.info({ receiptNo: record.receiptNo, status: record.status, created, sha256: record.message.sha256.slice(0, 12) }, created ? 'record stored' : 'record already stored');

    if (deps.onStored) {
      try {
        await deps.onStored(result);
      } catch (err) {
        // The record and the done mark are what matter; a report can be refreshed later.
        log.warn({ err }, 'onStored hook failed');
      }
    }
    return { outcome: 'stored', receiptNo: record.receiptNo, sha256: record.message.sha256, created };
  };
}
