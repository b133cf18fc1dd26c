// What "marked done" means in the mailbox (INTAKE_DONE_ACTION), and how to search for its opposite.
import type { ImapConfig } from '../config/env.js';
import type { ImapFlow } from 'imapflow';
import { ImapCommandError, KeywordNotPermittedError } from './errors.js';
import type { SelectedMailbox } from './with-mailbox.js';

export type DoneAction = ImapConfig['doneAction'];

/**
 * The SEARCH that finds every message not marked done. With a keyword: UNKEYWORD (RFC 3501
 * §6.4.4). With a move, done messages leave the watched mailbox, so everything still in it is
 * pending.
 */
export function pendingQuery(action: DoneAction): { unKeyword: string } | { all: true } {
  return action.kind === 'keyword' ? { unKeyword: action.keyword } : { all: true };
}

export function isDone(action: DoneAction, flags: ReadonlySet<string> | undefined): boolean {
  return action.kind === 'keyword' && Boolean(flags?.has(action.keyword));
}

/**
 * A server may refuse to keep a new keyword: PERMANENTFLAGS lists the flags a client can change
 * permanently, and "\*" means new keywords may be created (RFC 3501 §7.1, PERMANENTFLAGS). imapflow
 * silently drops flags outside that list, so check it before relying on the keyword.
 */
export function assertKeywordPermitted(action: DoneAction, mailbox: SelectedMailbox): void {
  if (action.kind !== 'keyword') return;
  if (mailbox.permanentFlags.has('\\*') || mailbox.permanentFlags.has(action.keyword)) return;
  throw new KeywordNotPermittedError(action.keyword);
}

/** Marks one message done. Must run inside withMailbox() for the mailbox the UID belongs to. */
export async function markDone(client: ImapFlow, action: DoneAction, mailbox: SelectedMailbox, uid: number): Promise<void> {
  if (action.kind === 'keyword') {
    assertKeywordPermitted(action, mailbox);
    const ok = await client.messageFlagsAdd(String(uid), [action.keyword], { uid: true });
    if (!ok) throw new ImapCommandError('UID STORE +FLAGS', `keyword ${action.keyword} on UID ${uid}`);
    return;
  }
  // UID MOVE (RFC 6851); imapflow falls back to COPY + STORE \Deleted + UID EXPUNGE (RFC 4315)
  // where MOVE is absent.
  const moved = await client.messageMove(String(uid), action.folder, { uid: true });
  if (!moved) throw new ImapCommandError('UID MOVE', `UID ${uid} to ${action.folder}`);
}
