// One message (the top-level one or a forwarded one inside it) → its metadata and leaf parts,
// after the structural checks; bad input comes back as a reason, never as an exception.
import type { Limits } from '../config/limits.js';
import type { MessageHeaders } from './message.js';
import { decodeBytes } from './charset.js';
import { readParts, MimeParseError, type MimePart } from './mail-parts.js';
import { noteEncoding, readMessageHeaders } from './message-headers.js';
import { readHeaderBlock } from './raw-headers.js';
import { scanStructure } from './structure-scan.js';

export type MessageRead = { ok: true; headers: MessageHeaders; parts: MimePart[] } | { ok: false; reason: string };

/**
 * Reads a message. Encoding problems (in Subject, From, body text) go to `problems`, prefixed with
 * `label` ("forwarded.eml: ") for a nested message.
 */
export async function readMessage(raw: Buffer, limits: Limits, problems: string[], label = ''): Promise<MessageRead> {
  const structure = scanStructure(raw, limits);
  if (!structure.ok) return structure;
  let parts: MimePart[];
  try {
    parts = await readParts(raw, limits);
  } catch (err) {
    if (err instanceof MimeParseError) return { ok: false, reason: err.message };
    throw err;
  }
  const headers = readMessageHeaders(readHeaderBlock(raw, limits.maxHeaderBytes).fields, problems, label);
  for (const part of parts) {
    // The body is not kept, but an undecodable one is worth an operator's look: the same
    // sender's form is likely mangled too. Unlabelled JIS / 8-bit bodies decode cleanly here.
    if (part.isBody && part.content.bytes) noteEncoding(problems, `${label}本文`, decodeBytes(part.content.bytes, part.charset));
  }
  return { ok: true, headers, parts };
}
