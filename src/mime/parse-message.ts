// The MIME stage: raw message bytes → metadata and every attachment (message.ts is the contract).
// Bad input never throws: a message that cannot be read comes back ok:false with what its
// headers still tell; an attachment that cannot be read carries a `problem`.
import type { Limits } from '../config/limits.js';
import type { MimeResult } from './message.js';
import { attachmentsOf, type TreeContext } from './attachment-tree.js';
import { unreadableMessage } from './headers-fallback.js';
import { overLimit } from './limit-messages.js';
import { readMessage } from './message-reader.js';

export async function parseMessage(raw: Buffer, limits: Limits): Promise<MimeResult> {
  // Not parsed at all: only the header block is read, from at most maxHeaderBytes.
  if (raw.length > limits.maxMessageBytes) return unreadableMessage(raw, limits, overLimit('maxMessageBytes', limits, 'メッセージ'));

  const ctx: TreeContext = {
    limits,
    budget: { bytesLeft: limits.maxUncompressedBytes, entriesLeft: limits.maxZipEntries },
    problems: [],
  };
  const read = await readMessage(raw, limits, ctx.problems);
  if (!read.ok) return unreadableMessage(raw, limits, read.reason);
  const attachments = await attachmentsOf(read.parts, ctx);
  return { ok: true, message: { ...read.headers, attachments, encodingProblems: ctx.problems } };
}
