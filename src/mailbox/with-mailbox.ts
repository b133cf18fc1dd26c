// Runs IMAP commands against one selected mailbox under imapflow's mailbox lock, so that the
// poller's scan, a worker's fetch and its done mark never interleave with a SELECT of another
// mailbox on the same connection.
import type { ImapFlow, MailboxObject } from 'imapflow';
import { ImapConnectionLostError, MailboxMissingError } from './errors.js';

export interface SelectedMailbox {
  path: string;
  /** RFC 3501 §2.3.1.1: UIDs name messages only together with this value. */
  uidValidity: string;
  uidNext: number;
  exists: number;
  permanentFlags: ReadonlySet<string>;
}

function describe(m: MailboxObject): SelectedMailbox {
  return {
    path: m.path,
    uidValidity: m.uidValidity.toString(),
    uidNext: m.uidNext,
    exists: m.exists,
    permanentFlags: m.permanentFlags ?? new Set(['\\*']),
  };
}

export async function withMailbox<T>(client: ImapFlow, path: string, fn: (mailbox: SelectedMailbox) => Promise<T>): Promise<T> {
  if (!client.usable) throw new ImapConnectionLostError('the IMAP connection is closed');
  let lock;
  try {
    lock = await client.getMailboxLock(path);
  } catch (err) {
    const e = err as Error & { serverResponseCode?: string; code?: string; responseText?: string };
    if (!client.usable) throw new ImapConnectionLostError(`the IMAP connection closed while selecting ${path}`, { cause: err });
    // RFC 5530 response code NONEXISTENT; older servers only say so in the text.
    if (e.serverResponseCode === 'NONEXISTENT' || /doesn't exist|does not exist|not exist|unknown mailbox/i.test(`${e.responseText ?? ''} ${e.message}`)) {
      throw new MailboxMissingError(path);
    }
    throw err;
  }
  try {
    if (!client.mailbox) throw new ImapConnectionLostError(`mailbox ${path} is not selected`);
    return await fn(describe(client.mailbox));
  } finally {
    lock.release();
  }
}

/** Creates the mailbox when it does not exist yet (the done folder, a replay target). */
export async function ensureMailbox(client: ImapFlow, path: string): Promise<boolean> {
  const list = await client.list();
  if (list.some((m) => m.path === path)) return false;
  // imapflow answers created: false when the server says ALREADYEXISTS (RFC 5530): someone else
  // created it meanwhile, which is what we wanted.
  const result = await client.mailboxCreate(path);
  return result.created;
}
