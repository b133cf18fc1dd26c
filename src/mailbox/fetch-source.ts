// A worker's fetch of one message's raw bytes by UID, streamed, with a hard size limit.
import type { ImapFlow } from 'imapflow';
import { ImapCommandError, MessageNotFoundError } from './errors.js';
import { isDone, type DoneAction } from './done-action.js';

export interface FetchedSource {
  raw: Buffer;
  /** RFC822.SIZE as the server reported it. */
  size: number;
  internalDate: Date | null;
  /** The message already carries the done mark: another worker finished it. */
  done: boolean;
  /** Only the first `raw.length` bytes were fetched (the message is over the hard limit). */
  truncated: boolean;
}

/**
 * How much of a message a worker holds in memory. Messages up to this size are fetched whole so
 * that their sha256, archive and record match `intake process` on the same file exactly; the
 * pipeline flags anything over INTAKE_MAX_MESSAGE_MB as unreadable without parsing it. Beyond
 * twice the limit only the first limit + 1 bytes are fetched: enough for the pipeline to see the
 * message is over the limit and to read its headers, and nothing more is held in memory. The whole
 * message stays in the mailbox.
 */
export function fetchLimits(maxMessageBytes: number): { whole: number; head: number } {
  return { whole: maxMessageBytes * 2, head: maxMessageBytes + 1 };
}

/**
 * Bytes per partial FETCH of the download. imapflow's default (64 KB) costs a round trip per 64 KB;
 * a form with its attachment is typically 20–150 KB, so one chunk usually carries the whole message,
 * and a large one still streams in bounded pieces.
 */
const DOWNLOAD_CHUNK = 1024 * 1024;

/** Must run inside withMailbox(). Uses BODY.PEEK (imapflow's download does), so \Seen is not set. */
export async function fetchSource(client: ImapFlow, uid: number, action: DoneAction, maxMessageBytes: number): Promise<FetchedSource> {
  const query = { uid: true, size: true, flags: true, internalDate: true } as const;
  let meta = await client.fetchOne(String(uid), query, { uid: true });
  if (!meta) {
    // A UID the session has not been told about yet is silently ignored by UID FETCH (RFC 3501
    // §6.4.8: non-existent UIDs are ignored): this connection does not IDLE, so a message that
    // arrived since its last command is outside its view until the server syncs it. NOOP is the
    // sync point (RFC 3501 §6.1.2); only a miss after it means the message is gone.
    const synced = await client.noop().then(() => true, () => false);
    if (!synced) throw new ImapCommandError('NOOP', 'sync before re-fetch failed');
    meta = await client.fetchOne(String(uid), query, { uid: true });
  }
  if (!meta) throw new MessageNotFoundError(uid);
  const size = meta.size ?? 0;
  const internalDate = meta.internalDate ? new Date(meta.internalDate) : null;
  const done = isDone(action, meta.flags);
  if (done) return { raw: Buffer.alloc(0), size, internalDate, done, truncated: false };

  const limits = fetchLimits(maxMessageBytes);
  const truncated = size > limits.whole;
  const cap = truncated ? limits.head : limits.whole;
  const download = await client.download(String(uid), undefined, { uid: true, maxBytes: cap, chunkSize: DOWNLOAD_CHUNK });
  if (!download.content) throw new MessageNotFoundError(uid);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of download.content) {
      const buf = chunk as Buffer;
      total += buf.length;
      chunks.push(buf);
    }
  } catch (err) {
    throw new ImapCommandError('UID FETCH BODY.PEEK[]', (err as Error).message);
  }
  // A dropped connection fails the stream above; an empty answer for a non-empty message is the
  // server losing the message between the two commands.
  if (total === 0 && size > 0) throw new MessageNotFoundError(uid);
  return { raw: Buffer.concat(chunks, total), size, internalDate, done, truncated };
}
