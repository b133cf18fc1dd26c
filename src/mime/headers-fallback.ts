// For a message that will not be parsed (over a limit, broken structure, refused by the parser):
// whatever its header block still tells, read leniently from at most maxHeaderBytes of raw bytes,
// so that the record keeps Message-ID, From, Subject and the arrival time (application-form.md,
// `unreadable_message`).
import type { Limits } from '../config/limits.js';
import type { MessageHeaders, MimeResult } from './message.js';
import { readMessageHeaders } from './message-headers.js';
import { readHeaderBlock } from './raw-headers.js';

export function readHeadersLeniently(raw: Buffer, limits: Limits): MessageHeaders {
  const block = readHeaderBlock(raw, limits.maxHeaderBytes);
  // Encoding problems are not reported for a message that is flagged unreadable anyway.
  return readMessageHeaders(block.fields, []);
}

export function unreadableMessage(raw: Buffer, limits: Limits, reason: string): MimeResult {
  return { ok: false, headers: readHeadersLeniently(raw, limits), reason };
}
