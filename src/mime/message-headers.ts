// A message's metadata (Message-ID, From, Subject, Date, arrival) from its raw header fields, the
// same way whether or not the MIME parser accepted the message.
//
// Measured against mailparser 3.14 (see message-headers.test.ts): it decodes RFC 2047 words in
// every charset we need, split ISO-2022-JP words included, but reads raw 8-bit header bytes as
// UTF-8 (Shift_JIS/EUC-JP become U+FFFD, unrecoverable), leaves unlabelled JIS escapes in place
// (and a raw JIS From: breaks address parsing, as JIS bytes include "<", ":" and ","), and turns an
// unreadable Date: into the current time. So the raw bytes are decoded here first; the address
// syntax is still mailparser's own parser.
import { parseAddressHeader, type EmailAddress } from 'mailparser';
import type { MessageHeaders } from './message.js';
import { dateHeader, topReceivedDate } from './arrival.js';
import { decodeUnlabelled, encodingProblemIn, repairLeftoverJis } from './charset.js';
import { decodeEncodedWords } from './encoded-words.js';
import { firstField, type HeaderField } from './raw-headers.js';

/** Unstructured header text (Subject): raw bytes → text → RFC 2047 words → leftover JIS repaired. */
function decodeHeaderText(raw: Buffer): string {
  return repairLeftoverJis(decodeEncodedWords(decodeUnlabelled(raw))).replace(/[\r\n]+/g, '').trim();
}

/** Notes leftover ESC / U+FFFD in decoded text under a label such as "Subject". */
export function noteEncoding(problems: string[], where: string, text: string | null): void {
  const problem = text === null ? null : encodingProblemIn(text);
  if (problem) problems.push(`${where}: ${problem}`);
}

/** Message-ID as written, angle brackets included (RFC 5322 §3.6.4 msg-id). */
function messageIdOf(raw: Buffer | undefined): string | null {
  if (!raw) return null;
  const text = raw.toString('latin1').trim();
  const bracketed = /<[^<>\s]+>/.exec(text);
  if (bracketed) return bracketed[0];
  const bare = /^[^\s<>()]+/.exec(text);
  return bare ? `<${bare[0]}>` : null;
}

function firstMailbox(list: readonly EmailAddress[]): EmailAddress | null {
  for (const entry of list) {
    if (entry.group) {
      const inner = firstMailbox(entry.group);
      if (inner) return inner;
    } else if (entry.address) return entry;
  }
  return list.find((entry) => !entry.group) ?? null;
}

function fromOf(raw: Buffer | undefined): { from: string; fromName: string | null } {
  if (!raw) return { from: '', fromName: null };
  // Decoded before parsing: RFC 2047 words stay encoded here (parseAddressHeader decodes them
  // after finding the phrase, RFC 2047 §6.1), only raw 8-bit/JIS bytes become text.
  const mailbox = firstMailbox(parseAddressHeader(decodeUnlabelled(raw)).value);
  const name = mailbox?.name ? repairLeftoverJis(mailbox.name).trim() : '';
  return { from: (mailbox?.address ?? '').trim().toLowerCase(), fromName: name || null };
}

/** Reads the metadata; encoding problems are pushed to `problems` prefixed with `label`. */
export function readMessageHeaders(fields: readonly HeaderField[], problems: string[], label = ''): MessageHeaders {
  const subjectRaw = firstField(fields, 'subject');
  const subject = subjectRaw ? decodeHeaderText(subjectRaw) : '';
  const { from, fromName } = fromOf(firstField(fields, 'from'));
  noteEncoding(problems, `${label}Subject`, subject);
  noteEncoding(problems, `${label}From`, fromName);
  return {
    messageId: messageIdOf(firstField(fields, 'message-id')),
    from,
    fromName,
    subject,
    date: dateHeader(fields),
    receivedDate: topReceivedDate(fields),
  };
}
