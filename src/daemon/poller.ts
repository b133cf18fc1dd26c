// The poller: one per mailbox. Keeps a connection to the mailbox, queues every message that is not
// marked done, and keeps its checkpoint. Nothing here decides that a message was processed: only a
// worker's done mark in the mailbox does, after the record is stored.
//
//   connect ─► reconcile ─► wait: EXISTS (IDLE push or NOOP poll) ─► check new UIDs
//      ▲                     │ INTAKE_POLL_INTERVAL_S passed ─► new connection (see serve())
//      └─────────────────────┴ connection lost ─► backoff (capped, jittered) ─► connect
import { hostname } from 'node:os';
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { backoffDelay, sleep } from '../mailbox/backoff.js';
import { MailboxWatcher } from '../mailbox/mailbox-watcher.js';
import type { MessageMeta } from '../mailbox/scan.js';
import type { SelectedMailbox } from '../mailbox/with-mailbox.js';
import type { IntakeQueue } from '../queue/intake-queue.js';
import { jobIdFor, type IntakeJobData } from '../queue/job-types.js';
import type { Checkpoint, PollerState } from '../queue/poller-state.js';

/** How often a healthy poller refreshes its heartbeat for `intake status`. */
const HEARTBEAT_MS = 15_000;

type Work = 'check' | 'reconcile';

export class Poller {
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private checkpoint: Checkpoint | null = null;
  /** Serializes checks: one at a time, and a request during one runs once after it. */
  private running: Promise<void> | null = null;
  private wanted: Work | null = null;
  private firstReconcile: { promise: Promise<void>; resolve: () => void };
  private connectedOnce = false;

  constructor(
    private readonly imap: ImapConfig,
    private readonly queue: IntakeQueue,
    private readonly state: PollerState,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'poller', mailbox: imap.mailbox });
    let resolve!: () => void;
    this.firstReconcile = { promise: new Promise<void>((r) => (resolve = r)), resolve };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Resolves after the first complete reconcile (for tests and `intake daemon` logs). */
  ready(): Promise<void> {
    return this.firstReconcile.promise;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await this.state.update({ connection: 'stopped', since: new Date().toISOString() }).catch(() => undefined);
    this.log.info('poller stopped');
  }

  private async setState(fields: Parameters<PollerState['update']>[0]): Promise<void> {
    try {
      await this.state.update(fields);
    } catch (err) {
      this.log.warn({ err }, 'could not record poller state');
    }
  }

  private async run(): Promise<void> {
    await this.setState({ connection: 'starting', pid: process.pid, host: hostname(), since: new Date().toISOString() });
    let attempt = 0;
    while (!this.abort.signal.aborted) {
      const watcher = new MailboxWatcher(this.imap, this.log);
      let failure: unknown = null;
      let outcome: 'recycle' | 'closed' = 'closed';
      try {
        if (attempt > 0) await this.setState({ connection: 'connecting', since: new Date().toISOString() });
        const { mode } = await watcher.connect();
        if (attempt > 0 || !this.connectedOnce) {
          this.log.info({ mode, host: this.imap.host }, mode === 'idle' ? 'connected; waiting with IDLE' : 'connected; server has no IDLE, polling');
          await this.setState({ connection: 'connected', mode, since: new Date().toISOString(), lastError: null });
        }
        this.connectedOnce = true;
        outcome = await this.serve(watcher, () => {
          attempt = 0;
          this.firstReconcile.resolve();
        });
      } catch (err) {
        failure = err;
      } finally {
        await watcher.close().catch(() => undefined);
        // A check still running on the closed connection fails now; let it end before the next one.
        await this.running?.catch(() => undefined);
      }
      if (this.abort.signal.aborted) break;
      if (outcome === 'recycle' && !failure) {
        this.log.debug('connection recycled for the periodic reconcile');
        continue;
      }
      const message = failure ? (failure as Error).message : 'connection closed';
      const delayMs = backoffDelay(attempt++);
      this.log.warn({ err: failure ?? undefined, delayMs }, `disconnected (${message}); reconnecting`);
      await this.setState({ connection: 'disconnected', since: new Date().toISOString(), lastError: message });
      await sleep(delayMs, this.abort.signal);
    }
  }

  /**
   * Reconciles, then waits on the connection until it closes, a check fails, the poller stops, or
   * INTAKE_POLL_INTERVAL_S passes ('recycle'). The listeners go on before the reconcile, so an
   * EXISTS during it is not lost.
   *
   * Why a new connection for every periodic reconcile: IDLE can die silently, and not only as a dead
   * socket (which any command would notice). A session can stay up and answer every command while
   * no longer seeing new mail: measured here with Dovecot 2.3, whose logged-in sessions outlive a
   * restart of its master process and then saw neither new messages in IDLE nor in SEARCH. A
   * reconcile on that same session would be blind too. A fresh login costs milliseconds once a
   * minute and always sees the mailbox as it is.
   */
  private serve(watcher: MailboxWatcher, onReconciled: () => void): Promise<'recycle' | 'closed'> {
    return new Promise<'recycle' | 'closed'>((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      const finish = (err: unknown, outcome: 'recycle' | 'closed' = 'closed'): void => {
        timers.forEach(clearTimeout);
        watcher.off('exists', onExists);
        watcher.off('close', onClose);
        this.abort.signal.removeEventListener('abort', onStop);
        if (err) reject(err);
        else resolve(outcome);
      };
      const onExists = (): void => {
        this.request(watcher, 'check').catch(finish);
      };
      const onClose = (): void => finish(null);
      const onStop = (): void => finish(null);
      watcher.on('exists', onExists);
      watcher.on('close', onClose);
      this.abort.signal.addEventListener('abort', onStop, { once: true });
      timers.push(setTimeout(() => finish(null, 'recycle'), this.imap.pollIntervalMs));
      timers.push(setInterval(() => void this.setState({ heartbeatAt: new Date().toISOString() }), HEARTBEAT_MS));
      if (!watcher.connected) return finish(null);
      // On every connect: whatever happened meanwhile, the mailbox says what is left.
      this.request(watcher, 'reconcile').then(onReconciled, finish);
    });
  }

  /** Runs `work` now, or once after the running check (a reconcile covers a check). */
  private request(watcher: MailboxWatcher, work: Work): Promise<void> {
    if (this.running) {
      if (this.wanted !== 'reconcile') this.wanted = work;
      return this.running;
    }
    const go = async (): Promise<void> => {
      let next: Work | null = work;
      try {
        while (next && !this.abort.signal.aborted) {
          this.wanted = null;
          if (next === 'reconcile') await this.reconcile(watcher);
          else await this.check(watcher);
          next = this.wanted;
        }
      } finally {
        this.running = null;
      }
    };
    this.running = go();
    return this.running;
  }

  private jobs(mailbox: SelectedMailbox, messages: readonly MessageMeta[]): IntakeJobData[] {
    const queuedAt = new Date().toISOString();
    return messages
      .filter((m) => !m.done)
      .map((m) => ({
        mailbox: this.imap.mailbox,
        uidValidity: mailbox.uidValidity,
        uid: m.uid,
        internalDate: m.internalDate?.toISOString() ?? null,
        messageId: m.messageId,
        queuedAt,
      }));
  }

  /**
   * Reconcile: every message not marked done is queued unless a job for it exists. Runs on start, on
   * every reconnect and every INTAKE_POLL_INTERVAL_S. It is what keeps the checkpoint honest: a
   * message the incremental check missed, a job lost with Redis, a done mark removed by hand, all
   * come back here.
   */
  private async reconcile(watcher: MailboxWatcher): Promise<void> {
    const view = await watcher.pending();
    const { uidValidity } = view.mailbox;
    let cp = this.checkpoint ?? (await this.state.checkpoint(this.imap.mailbox));
    if (cp && cp.uidValidity !== uidValidity) {
      // RFC 3501 §2.3.1.1: a new UIDVALIDITY means every UID may now name another message. Start
      // over from UID 1; the records' sha256 keeps the re-scan from creating second records.
      this.log.warn({ was: cp.uidValidity, now: uidValidity }, 'UIDVALIDITY changed; re-scanning the whole mailbox');
      cp = null;
    }
    const { absent, completed } = await this.queue.notQueued(uidValidity, view.pending);
    if (completed.length) {
      this.log.warn({ uids: completed.slice(0, 20), count: completed.length }, 'messages not marked done although their jobs completed; queueing them again');
      await this.queue.forget(completed.map((uid) => jobIdFor(uidValidity, uid)));
    }
    const missing = [...absent, ...completed].sort((a, b) => a - b);
    let queued = 0;
    if (missing.length) {
      const meta = await watcher.meta(missing);
      // The mailbox may have been recreated between the two commands; the next reconcile sorts it out.
      if (meta.mailbox.uidValidity !== uidValidity) return;
      const jobs = this.jobs(meta.mailbox, meta.messages);
      await this.queue.enqueue(jobs);
      queued = jobs.length;
    }
    const highestPending = view.pending.at(-1) ?? 0;
    // uidNext was read before the SEARCH, so every UID below it was either in the answer (and is
    // queued now) or already done or gone.
    const queuedThrough = Math.max(cp?.queuedThrough ?? 0, highestPending, view.mailbox.uidNext - 1);
    const doneThrough = (view.pending[0] ?? queuedThrough + 1) - 1;
    await this.saveCheckpoint({ mailbox: this.imap.mailbox, uidValidity, queuedThrough, doneThrough });
    const now = new Date().toISOString();
    await this.setState({ lastCheckAt: now, lastReconcileAt: now, heartbeatAt: now, pendingAtReconcile: view.pending.length });
    if (queued) this.log.info({ queued, pending: view.pending.length, uidValidity }, 'reconcile queued messages');
    else this.log.debug({ pending: view.pending.length }, 'reconcile: nothing to queue');
  }

  /** Incremental check after EXISTS: only UIDs above the checkpoint. */
  private async check(watcher: MailboxWatcher): Promise<void> {
    const cp = this.checkpoint;
    if (!cp) return this.reconcile(watcher);
    const view = await watcher.newerThan(cp.queuedThrough);
    if (view.mailbox.uidValidity !== cp.uidValidity) return this.reconcile(watcher);
    if (view.messages.length) {
      const jobs = this.jobs(view.mailbox, view.messages);
      await this.queue.enqueue(jobs);
      // Every message up to the highest UID seen is now queued or was done: the checkpoint may pass it.
      const queuedThrough = Math.max(cp.queuedThrough, ...view.messages.map((m) => m.uid));
      await this.saveCheckpoint({ ...cp, queuedThrough });
      if (jobs.length) this.log.info({ queued: jobs.length, through: queuedThrough }, 'new messages queued');
    }
    const now = new Date().toISOString();
    await this.setState({ lastCheckAt: now, heartbeatAt: now });
  }

  private async saveCheckpoint(cp: Checkpoint): Promise<void> {
    await this.state.saveCheckpoint(cp);
    this.checkpoint = cp;
  }
}
