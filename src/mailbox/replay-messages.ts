// `intake replay`: APPENDs messages into the mailbox, each with the INTERNALDATE its own headers
// give (topmost Received:, else Date:), so that a replayed late or early sample is still late or
// early when the daemon judges it by INTERNALDATE. The bytes are appended unchanged.
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { appendMessage } from './append-message.js';
import { arrivalDate, type ArrivalDate } from './arrival-date.js';
import { closeImap, connectImap } from './imap-connect.js';
import { ensureMailbox } from './with-mailbox.js';

export interface ReplaySource {
  name: string;
  read(): Promise<Buffer>;
}

export interface Replayed {
  name: string;
  uid: number | null;
  arrival: ArrivalDate | null;
  error?: string;
}

export async function replayMessages(
  imap: ImapConfig,
  mailbox: string,
  sources: readonly ReplaySource[],
  logger: Logger,
  onEach: (result: Replayed) => void = () => undefined,
): Promise<Replayed[]> {
  const client = await connectImap(imap, logger, { idle: false });
  const results: Replayed[] = [];
  try {
    if (await ensureMailbox(client, mailbox)) logger.info({ mailbox }, 'created the mailbox');
    for (const source of sources) {
      let result: Replayed;
      try {
        const raw = await source.read();
        const arrival = arrivalDate(raw);
        const appended = await appendMessage(client, mailbox, raw, arrival?.date ?? null);
        result = { name: source.name, uid: appended.uid, arrival };
      } catch (err) {
        result = { name: source.name, uid: null, arrival: null, error: (err as Error).message };
        if (!client.usable) {
          results.push(result);
          onEach(result);
          throw err;
        }
      }
      results.push(result);
      onEach(result);
    }
  } finally {
    await closeImap(client);
  }
  return results;
}
