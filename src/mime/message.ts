// What the MIME stage hands to the pipeline: the message's metadata and every attachment found,
// nested ones (inside forwarded messages and zip files) flattened with their path.
import type { AttachmentFormat } from '../record.js';

export interface FoundAttachment {
  /** Decoded file name (RFC 2231/2047, any Japanese charset, CP932 zip names); only ever shown. */
  filename: string;
  /** "forwarded.eml/申請書.xlsx", "bundle.zip/申請書.pdf" when nested; absent at the top level. */
  path?: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Decided from the bytes, not the name or Content-Type. */
  format: AttachmentFormat;
  /**
   * Finer kind from the bytes: 'xlsx' 'docx' 'pdf' 'zip' 'eml' 'xls' 'doc' 'ppt' 'ooxml-encrypted'
   * 'pptx' 'odf' 'rtf' 'html' 'png' 'jpeg' 'gif' 'tiff' 'text' 'unknown' …
   */
  kind: string;
  /** Nesting depth: 0 for a top-level attachment. */
  depth: number;
  /** The bytes, or null when a limit kept them from being read (see `problem`). */
  bytes: Buffer | null;
  /** Why this attachment (or container) could not be read completely, e.g. a limit that was hit. */
  problem?: string;
}

export interface ParsedMessage {
  messageId: string | null;
  /** Lower-cased sender address, "" when absent. */
  from: string;
  fromName: string | null;
  subject: string;
  /** Date: header. */
  date: Date | null;
  /** Date of the topmost (newest) Received: header. */
  receivedDate: Date | null;
  attachments: FoundAttachment[];
  /** Encoding problems noticed while decoding (leftover ESC, U+FFFD): logged for operators. */
  encodingProblems: string[];
}

/** What could still be read from a message the parser refused (for `unreadable_message`). */
export interface MessageHeaders {
  messageId: string | null;
  from: string;
  fromName: string | null;
  subject: string;
  date: Date | null;
  receivedDate: Date | null;
}

export type MimeResult = { ok: true; message: ParsedMessage } | { ok: false; headers: MessageHeaders; reason: string };
