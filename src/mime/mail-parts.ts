// Splits a message into its leaf MIME parts with mailparser's streaming MailParser (not
// simpleParser, which buffers every attachment whatever its size): transfer encodings decoded,
// bytes counted and hashed as they stream, held only up to INTAKE_MAX_ATTACHMENT_MB.
//
// What we take from mailparser and what we redo (measured, see mail-parts.test.ts):
// - ignoreEmbedded: message/rfc822 parts stay single attachments; attachment-tree.ts opens them
//   itself, so nesting depth is ours to bound.
// - Every leaf part is taken as a stream, text ones too: mailparser folds a text/plain part with a
//   file name into the body text, and decodes bodies by their label only.
// - File names: mailparser's, except when the part's raw Content-Type/Content-Disposition bytes
//   hold 8-bit or JIS escapes — it reads those as UTF-8 (or drops bytes inside quoted strings,
//   where a Shift_JIS trail byte 0x5C looks like a backslash), so they are re-decoded here.
import { MailParser, type AttachmentStream, type HeaderLines, type MailParserOptions, type MessageText, type StructuredHeader } from 'mailparser';
import type { Limits } from '../config/limits.js';
import { decodeUnlabelled, needsRawDecoding, repairLeftoverJis } from './charset.js';
import { ByteCollector, type CollectedBytes } from './collect-bytes.js';
import { parseStructuredValue } from './header-params.js';
import { overLimit } from './limit-messages.js';
import { fieldsFromLines, firstField } from './raw-headers.js';

export interface MimePart {
  /** Declared type, lower-cased, without parameters. */
  contentType: string;
  charset: string | null;
  disposition: string | null;
  /** Decoded file name (Content-Disposition filename, else Content-Type name), or null. */
  filename: string | null;
  /** A text/plain or text/html part that is not an attachment: message text, not a file. */
  isBody: boolean;
  content: CollectedBytes;
  /** Set when the bytes were not kept: over INTAKE_MAX_ATTACHMENT_MB. */
  problem?: string;
}

/** The parser refused the message; `message` says why, naming the limit when one was hit. */
export class MimeParseError extends Error {
  readonly code = 'MIME_UNREADABLE';
}

const BODY_TYPES = new Set(['text/plain', 'text/html']);

interface ParserNode {
  headers: object;
  headerLines?: HeaderLines;
  decoder?: unknown;
  isAttachment?: boolean;
}

/** MailParser that hands every leaf part out as a stream and remembers each part's raw header lines. */
class PartParser extends MailParser {
  readonly rawLines = new WeakMap<object, HeaderLines>();

  constructor(options: MailParserOptions) {
    super(options);
    const internals = this as unknown as { createNode?: (node: unknown) => ParserNode };
    const createNode = internals.createNode?.bind(this);
    if (!createNode) throw new Error('mailparser internals changed: MailParser#createNode is missing');
    internals.createNode = (node) => {
      const created = createNode(node);
      if (created.decoder) created.isAttachment = true;
      if (created.headerLines) this.rawLines.set(created.headers, created.headerLines);
      return created;
    };
  }
}

function rawFilename(lines: HeaderLines | undefined): string | null | undefined {
  const fields = lines ? fieldsFromLines(lines) : [];
  const disposition = firstField(fields, 'content-disposition');
  const contentType = firstField(fields, 'content-type');
  if (!(disposition && needsRawDecoding(disposition)) && !(contentType && needsRawDecoding(contentType))) return undefined;
  const fromDisposition = disposition ? parseStructuredValue(decodeUnlabelled(disposition)).params['filename'] : undefined;
  const fromType = contentType ? parseStructuredValue(decodeUnlabelled(contentType)).params['name'] : undefined;
  return fromDisposition || fromType || null;
}

function toPart(item: AttachmentStream, content: CollectedBytes, lines: HeaderLines | undefined, limits: Limits): MimePart {
  const declared = item.headers.get('content-type') as StructuredHeader | undefined;
  const contentType = (declared?.value || item.contentType || 'application/octet-stream').toLowerCase();
  const disposition = item.contentDisposition?.toLowerCase() ?? null;
  const raw = rawFilename(lines);
  const filename = raw !== undefined ? raw : item.filename ? repairLeftoverJis(item.filename) : null;
  const part: MimePart = {
    contentType,
    charset: declared?.params?.['charset'] ?? null,
    disposition,
    filename: filename || null,
    isBody: BODY_TYPES.has(contentType) && disposition !== 'attachment' && !filename,
    content,
  };
  if (content.overLimit) part.problem = overLimit('maxAttachmentBytes', limits);
  return part;
}

export function readParts(raw: Buffer, limits: Limits): Promise<MimePart[]> {
  const parser = new PartParser({
    ignoreEmbedded: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    checksumAlgo: false,
    maxHeadSize: limits.maxHeaderBytes,
    maxChildNodes: limits.maxMimeParts,
  });
  return new Promise((resolve, reject) => {
    const parts: MimePart[] = [];
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      parser.destroy();
      const text = err instanceof Error ? err.message : String(err);
      if (/header size/i.test(text)) reject(new MimeParseError(overLimit('maxHeaderBytes', limits, 'ヘッダー')));
      else if (/child nodes/i.test(text)) reject(new MimeParseError(overLimit('maxMimeParts', limits, 'MIME パート数')));
      else reject(new MimeParseError(`MIME を解析できません: ${text}`));
    };
    parser.on('error', fail);
    parser.on('data', (item: AttachmentStream | MessageText) => {
      if (item.type !== 'attachment') return;
      const collector = new ByteCollector(limits.maxAttachmentBytes);
      item.content.on('data', (chunk: Buffer) => collector.push(chunk));
      item.content.on('error', fail);
      item.content.on('end', () => {
        parts.push(toPart(item, collector.finish(), parser.rawLines.get(item.headers), limits));
        item.release?.();
      });
    });
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(parts);
    });
    parser.end(raw);
  });
}
