// The poller's two questions to the mailbox: which messages are not marked done (reconcile), and
// which messages arrived after a UID (incremental check).
import type { ImapFlow } from 'imapflow';
import { isDone, pendingQuery, type DoneAction } from './done-action.js';
import { ImapCommandError } from './errors.js';
import { uidSet } from './uid-set.js';

export interface MessageMeta {
  uid: number;
  internalDate: Date | null;
  messageId: string | null;
  done: boolean;
}

/** UIDs per FETCH: keeps one response (and one command line) of bounded size. */
const FETCH_BATCH = 500;

/** Every UID in the selected mailbox that is not marked done, ascending. */
export async function searchPending(client: ImapFlow, action: DoneAction): Promise<number[]> {
  const result = await client.search(pendingQuery(action), { uid: true });
  if (result === false) throw new ImapCommandError('UID SEARCH', 'refused by the server');
  if (result === undefined) throw new ImapCommandError('UID SEARCH', 'no mailbox selected');
  return [...result].sort((a, b) => a - b);
}

function toDate(value: Date | string | undefined): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

async function fetchRange(client: ImapFlow, range: string, action: DoneAction): Promise<MessageMeta[]> {
  const out: MessageMeta[] = [];
  for await (const msg of client.fetch(range, { uid: true, internalDate: true, envelope: true, flags: true }, { uid: true })) {
    out.push({
      uid: msg.uid,
      internalDate: toDate(msg.internalDate),
      messageId: msg.envelope?.messageId ?? null,
      done: isDone(action, msg.flags),
    });
  }
  return out;
}

/** INTERNALDATE, Message-ID and done state of the given UIDs (missing UIDs are left out). */
export async function fetchMeta(client: ImapFlow, uids: readonly number[], action: DoneAction): Promise<MessageMeta[]> {
  const out: MessageMeta[] = [];
  for (let i = 0; i < uids.length; i += FETCH_BATCH) {
    out.push(...(await fetchRange(client, uidSet(uids.slice(i, i + FETCH_BATCH)), action)));
  }
  return out;
}

/**
 * Messages with a UID above `after`. "N:*" always matches the highest UID in the mailbox, even when
 * that is below N (RFC 3501 §6.4.8: "*" is the largest UID in use, and a range is unordered), so
 * the answer is filtered again here.
 */
export async function fetchNewerThan(client: ImapFlow, after: number, action: DoneAction): Promise<MessageMeta[]> {
  const all = await fetchRange(client, `${after + 1}:*`, action);
  return all.filter((m) => m.uid > after).sort((a, b) => a.uid - b.uid);
}
