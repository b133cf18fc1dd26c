// APPEND for `intake replay` (RFC 3501 §6.3.11): the message goes in with the INTERNALDATE given,
// so a replayed late or early sample keeps its meaning.
import type { ImapFlow } from 'imapflow';
import { ImapCommandError } from './errors.js';

export interface Appended {
  uid: number | null;
  uidValidity: string | null;
}

export async function appendMessage(client: ImapFlow, mailbox: string, raw: Buffer, internalDate: Date | null): Promise<Appended> {
  const result = await client.append(mailbox, raw, [], internalDate ?? undefined);
  if (!result) throw new ImapCommandError('APPEND', `to ${mailbox}`);
  return { uid: result.uid ?? null, uidValidity: result.uidValidity?.toString() ?? null };
}
