// A worker's IMAP connection: opened on first use, shared by the jobs running at once (imapflow
// queues their commands and the mailbox lock keeps each job's commands together), reopened when
// the server dropped it.
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { closeImap, connectImap, type ImapFlow } from './imap-connect.js';
import { withMailbox, type SelectedMailbox } from './with-mailbox.js';

export class ImapSession {
  private client: ImapFlow | null = null;
  private connecting: Promise<ImapFlow> | null = null;
  private closed = false;

  constructor(
    private readonly imap: ImapConfig,
    private readonly logger: Logger,
  ) {}

  private async connection(): Promise<ImapFlow> {
    if (this.closed) throw new Error('IMAP session closed');
    if (this.client?.usable) return this.client;
    this.connecting ??= connectImap(this.imap, this.logger, { idle: false })
      .then((client) => {
        this.client = client;
        this.logger.info({ host: this.imap.host }, 'imap connected');
        client.on('close', () => {
          if (this.client === client) this.client = null;
          if (!this.closed) this.logger.info('imap connection closed; reopened on next job');
        });
        return client;
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  /** Runs `fn` with the mailbox selected and locked on this session's connection. */
  async withMailbox<T>(path: string, fn: (client: ImapFlow, mailbox: SelectedMailbox) => Promise<T>): Promise<T> {
    const client = await this.connection();
    return withMailbox(client, path, (mailbox) => fn(client, mailbox));
  }

  /** Drops the connection; the next operation opens a fresh one (a fresh view of the mailbox). */
  async reset(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await closeImap(client);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.connecting;
    if (pending) await pending.catch(() => undefined);
    if (this.client) await closeImap(this.client);
    this.client = null;
  }
}
