// What an attachment really is, from its bytes: never from its name or declared Content-Type
// (a ".pdf" that is an HTML error page is 'html'; a ".xlsx" that is not a zip is whatever it is).
import Encoding from 'encoding-japanese';
import type { AttachmentFormat } from '../record.js';
import { CFB_SIGNATURE, listCfbNames } from './cfb-directory.js';
import { listZipNames, storedMimetype } from './zip-directory.js';

export interface Sniffed {
  format: AttachmentFormat;
  kind: string;
}

const FORMAT_OF_KIND: Readonly<Record<string, AttachmentFormat>> = { xlsx: 'xlsx', docx: 'docx', pdf: 'pdf', zip: 'zip', eml: 'eml' };

const sniffed = (kind: string): Sniffed => ({ format: FORMAT_OF_KIND[kind] ?? 'other', kind });

const startsWith = (bytes: Buffer, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);

function zipKind(bytes: Buffer): string {
  const names = listZipNames(bytes);
  if (!names) return 'zip'; // e.g. only the head of an oversized file: a zip of some sort
  // OPC part names compare case-insensitively (ECMA-376 Part 2 §6.2.2.3).
  const lower = new Set(names.map((n) => n.toLowerCase().replace(/^\//, '')));
  const has = (name: string) => lower.has(name);
  const under = (prefix: string) => [...lower].some((n) => n.startsWith(prefix));
  if (has('[content_types].xml')) {
    if (has('xl/workbook.xml')) return 'xlsx';
    if (has('word/document.xml')) return 'docx';
    if (under('ppt/')) return 'pptx';
    if (under('xl/')) return 'xlsx-other'; // xlsb and friends: an Excel file we cannot read
  }
  if (has('mimetype') && (storedMimetype(bytes) ?? '').startsWith('application/vnd.oasis.opendocument')) return 'odf';
  return 'zip';
}

function cfbKind(bytes: Buffer): string {
  const names = new Set(listCfbNames(bytes) ?? []);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'ooxml-encrypted';
  if (names.has('WordDocument')) return 'doc';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('PowerPoint Document')) return 'ppt';
  if ([...names].some((n) => n.startsWith('__substg1.0_'))) return 'msg'; // Outlook message
  return 'cfb';
}

const SAMPLE = 8 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function isUtf16Bom(bytes: Buffer): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

const TEXT_CHARSETS = new Set(['ASCII', 'UTF8', 'JIS', 'SJIS', 'EUCJP']);

/** Text in some charset we know: few control characters, no NUL, and a charset that fits. */
function isText(sample: Buffer, truncated: boolean): boolean {
  if (sample.length === 0) return false;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b && b !== 0x0e && b !== 0x0f) controls++;
  }
  if (controls > sample.length / 100) return false;
  // A multi-byte character cut at the end of a truncated sample is not a reason to call it binary.
  const cuts = truncated ? [0, 1, 2, 3] : [0];
  return cuts.some((cut) => TEXT_CHARSETS.has(String(Encoding.detect(sample.subarray(0, sample.length - cut)))));
}

// Fields a stored or forwarded message starts with (Outlook, Thunderbird, Gmail, mbox exports);
// after the first, any syntactically valid field may follow (RFC 5322 §3.6.8).
const FIRST_FIELDS = /^(received|from|message-id|mime-version|return-path|date|delivered-to|x-[a-z0-9-]+|subject|to|reply-to|sender|content-type|dkim-signature|arc-[a-z-]+|authentication-results|thread-topic|thread-index)$/i;
const STRONG_FIELDS = /^(received|message-id|mime-version|return-path|from|date|delivered-to)$/i;
const FIELD = /^([\x21-\x39\x3b-\x7e]+):/;

/**
 * Starts with a header block (RFC 5322 §2.2): every line up to the empty one a field or its
 * folding, at least two fields, one of them one that every message has.
 */
function isMessage(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const start = lines[0]?.startsWith('From ') ? 1 : 0; // mbox separator line
  let fields = 0;
  let strong = false;
  for (let i = start; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line === '') break;
    if (/^[ \t]/.test(line) && fields > 0) continue;
    const name = FIELD.exec(line)?.[1];
    if (!name || (fields === 0 && !FIRST_FIELDS.test(name))) return false;
    fields++;
    strong ||= STRONG_FIELDS.test(name);
  }
  return fields >= 2 && strong;
}

function isHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return true;
  return start.startsWith('<') && /<html[\s>]|<head[\s>]|<body[\s>]/.test(start);
}

export function sniffFormat(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return sniffed('unknown');
  if (bytes.subarray(0, 1024).includes('%PDF-')) return sniffed('pdf'); // PDF 32000 §7.5.2; readers accept leading junk
  if (startsWith(bytes, [0x50, 0x4b]) && (startsWith(bytes, [3, 4], 2) || startsWith(bytes, [5, 6], 2) || startsWith(bytes, [7, 8], 2))) {
    return sniffed(zipKind(bytes));
  }
  if (bytes.subarray(0, 8).equals(CFB_SIGNATURE)) return sniffed(cfbKind(bytes));
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return sniffed('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return sniffed('jpeg');
  if (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a') return sniffed('gif');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return sniffed('tiff');
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return sniffed('rtf');

  const sample = bytes.subarray(startsWith(bytes, UTF8_BOM) ? 3 : 0, SAMPLE);
  if (isUtf16Bom(bytes)) {
    const text = (startsWith(bytes, [0xff, 0xfe]) ? bytes.subarray(2, SAMPLE) : Buffer.from(bytes.subarray(2, SAMPLE)).swap16()).toString('utf16le');
    return sniffed(isHtml(text) ? 'html' : 'text');
  }
  if (!isText(sample, bytes.length > SAMPLE)) return sniffed('unknown');
  const text = sample.toString('latin1');
  if (isHtml(text)) return sniffed('html');
  if (isMessage(text)) return sniffed('eml');
  return sniffed('text');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  zip: 'application/zip',
  eml: 'message/rfc822',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
  rtf: 'application/rtf',
  html: 'text/html',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  tiff: 'image/tiff',
  text: 'text/plain',
};

/** A Content-Type for bytes that came with none (zip entries), from what they sniffed as. */
export function contentTypeOfKind(kind: string): string {
  return CONTENT_TYPES[kind] ?? 'application/octet-stream';
}

const EXTENSIONS: Readonly<Record<string, string>> = { jpeg: 'jpg', text: 'txt', 'ooxml-encrypted': 'bin', unknown: 'bin', cfb: 'bin', 'xlsx-other': 'bin' };

/** File extension for a generated fallback name ("attachment-1.pdf"). */
export function extensionOfKind(kind: string): string {
  return EXTENSIONS[kind] ?? kind;
}
