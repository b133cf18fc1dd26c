// The poller's connection to the watched mailbox: selects it, keeps IDLE running between checks
// (imapflow's auto-IDLE, RFC 2177) or NOOP polling where the server has no IDLE, and reports new
// messages and the end of the connection. Every operation has a deadline: an IDLE that died
// silently leaves a socket that never answers, and the next check must notice instead of hanging.
import { EventEmitter } from 'node:events';
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { withTimeout } from './backoff.js';
import { assertKeywordPermitted } from './done-action.js';
import { ImapTimeoutError } from './errors.js';
import { closeImap, connectImap, type ImapFlow } from './imap-connect.js';
import { fetchMeta, fetchNewerThan, searchPending, type MessageMeta } from './scan.js';
import { ensureMailbox, withMailbox, type SelectedMailbox } from './with-mailbox.js';

/** A check that takes longer than this means the connection is dead (or the server is stuck). */
const OPERATION_DEADLINE_MS = 90_000;

/**
 * Back to IDLE 100 ms after the last command. A message that arrives while the connection is not in
 * IDLE is only reported when IDLE starts again (the server syncs then), so this delay is added to the
 * latency of every message that arrives just after a check: imapflow's default (15 s) would add up
 * to 15 s; 500 ms measured a 350 ms median at 20 msg/s. An incremental check is one command, so
 * 100 ms does not split one.
 */
const IDLE_AGAIN_AFTER_MS = 100;

/** IDLE is restarted at least this often; RFC 2177 asks clients to re-issue it within 29 minutes. */
const MAX_IDLE_MS = 25 * 60_000;

export interface PendingView {
  mailbox: SelectedMailbox;
  /** UIDs not marked done, ascending. */
  pending: number[];
}

export interface MetaView {
  mailbox: SelectedMailbox;
  messages: MessageMeta[];
}

export interface WatcherEvents {
  /** The server reported new messages (untagged EXISTS during IDLE or a NOOP poll). */
  exists: [count: number];
  /** The connection ended (server restart, network, logout). */
  close: [];
}

export class MailboxWatcher extends EventEmitter<WatcherEvents> {
  private client: ImapFlow | null = null;

  constructor(
    private readonly imap: ImapConfig,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** Connects, makes sure the done folder exists, selects the mailbox. Returns the wait mode. */
  async connect(): Promise<{ mode: 'idle' | 'poll'; mailbox: SelectedMailbox }> {
    const client = await connectImap(this.imap, this.logger, {
      idle: true,
      maxIdleTimeMs: Math.min(this.imap.pollIntervalMs, MAX_IDLE_MS),
      autoIdleDelayMs: IDLE_AGAIN_AFTER_MS,
    });
    this.client = client;
    client.on('exists', (event: { path: string; count: number; prevCount: number }) => {
      if (event.path === this.imap.mailbox && event.count > event.prevCount) this.emit('exists', event.count);
    });
    client.on('close', () => this.emit('close'));
    if (this.imap.doneAction.kind === 'move') {
      if (await ensureMailbox(client, this.imap.doneAction.folder)) {
        this.logger.info({ folder: this.imap.doneAction.folder }, 'created the done folder');
      }
    }
    const mailbox = await this.run('SELECT', (_c, mb) => Promise.resolve(mb));
    assertKeywordPermitted(this.imap.doneAction, mailbox);
    return { mode: client.capabilities.has('IDLE') ? 'idle' : 'poll', mailbox };
  }

  get connected(): boolean {
    return Boolean(this.client?.usable);
  }

  private run<T>(operation: string, fn: (client: ImapFlow, mailbox: SelectedMailbox) => Promise<T>): Promise<T> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('not connected'));
    return withTimeout(
      withMailbox(client, this.imap.mailbox, (mailbox) => fn(client, mailbox)),
      OPERATION_DEADLINE_MS,
      () => new ImapTimeoutError(operation, OPERATION_DEADLINE_MS),
    );
  }

  /** Every message not marked done (the reconcile's view). */
  pending(): Promise<PendingView> {
    return this.run('UID SEARCH', async (client, mailbox) => ({
      mailbox,
      pending: await searchPending(client, this.imap.doneAction),
    }));
  }

  /** INTERNALDATE, Message-ID and done state of some UIDs. */
  meta(uids: readonly number[]): Promise<MetaView> {
    return this.run('UID FETCH', async (client, mailbox) => ({
      mailbox,
      messages: uids.length ? await fetchMeta(client, uids, this.imap.doneAction) : [],
    }));
  }

  /** Messages with a UID above `after`. */
  newerThan(after: number): Promise<MetaView> {
    return this.run('UID FETCH', async (client, mailbox) => ({
      mailbox,
      messages: mailbox.exists > 0 ? await fetchNewerThan(client, after, this.imap.doneAction) : [],
    }));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await closeImap(client);
  }
}
