// A small MIME writer for samples, tests and benchmarks: the Japanese charsets and header encodings
// real mailers produce (ISO-2022-JP with CP50220 extensions, Shift_JIS, EUC-JP, UTF-8; RFC 2047 B/Q
// encoded-words, RFC 2231 parameters with continuations).
import Encoding from 'encoding-japanese';

export type Charset = 'utf-8' | 'iso-2022-jp' | 'shift_jis' | 'euc-jp';

const TO: Record<Exclude<Charset, 'utf-8'>, Encoding.Encoding> = { 'iso-2022-jp': 'JIS', shift_jis: 'SJIS', 'euc-jp': 'EUCJP' };

export function encodeText(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: TO[charset], from: 'UNICODE' }));
}

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** The Q encoding of an encoded-word (RFC 2047 §4.2): printable ASCII but "=", "?" and "_" as is. */
export function qEncoded(bytes: Buffer): string {
  return [...bytes].map((b) => (b > 32 && b < 127 && b !== 61 && b !== 63 && b !== 95 ? String.fromCharCode(b) : `=${hex(b)}`)).join('');
}

/** RFC 2231 percent-encoding, one string per byte (so callers may split anywhere, mid-character too). */
export function percentUnits(bytes: Buffer): string[] {
  return [...bytes].map((b) => (/[A-Za-z0-9.\-_]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(b)}`));
}

/** RFC 2047 encoded-word(s); ISO-2022-JP text may be split over several words, as mailers do. */
export function encodedWord(text: string, charset: Charset = 'utf-8', encoding: 'B' | 'Q' = 'B', splitAt?: number): string {
  const pieces = splitAt ? [text.slice(0, splitAt), text.slice(splitAt)] : [text];
  return pieces
    .map((piece) => {
      const bytes = encodeText(piece, charset);
      const payload = encoding === 'B' ? bytes.toString('base64') : qEncoded(bytes);
      return `=?${charset.toUpperCase()}?${encoding}?${payload}?=`;
    })
    .join('\r\n ');
}

/** RFC 2231 parameter, percent-encoded, split into continuations of `chunk` bytes. */
export function rfc2231Param(name: string, value: string, charset: Charset = 'utf-8', chunk = 30): string {
  const encoded = percentUnits(encodeText(value, charset)).join('');
  const pieces: string[] = [];
  let rest = encoded;
  while (rest.length > 0) {
    let cut = Math.min(chunk, rest.length);
    // Never cut inside a %XX escape.
    const lastPercent = rest.lastIndexOf('%', cut - 1);
    if (lastPercent > cut - 3 && lastPercent >= 0 && cut < rest.length) cut = lastPercent;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return pieces.map((piece, i) => `${name}*${i}*=${i === 0 ? `${charset.toUpperCase()}''` : ''}${piece}`).join(';\r\n ');
}

export interface MimeLeaf {
  contentType: string;
  /** Extra header lines, e.g. Content-Disposition. */
  headers?: string[];
  body: Buffer;
  transferEncoding?: 'base64' | '7bit' | '8bit' | 'quoted-printable';
}

export interface MimeMultipart {
  contentType: 'multipart/mixed' | 'multipart/alternative' | 'multipart/related';
  boundary: string;
  parts: MimeNode[];
}

export type MimeNode = MimeLeaf | MimeMultipart;

function base64Lines(bytes: Buffer): string {
  return bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
}

function quotedPrintable(bytes: Buffer): string {
  let line = '';
  let out = '';
  for (const b of bytes) {
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${hex(b)}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

/** A multipart body (RFC 2046 §5.1.1): the preamble, each part after its delimiter, the close delimiter. */
export function multipartBody(boundary: string, parts: readonly Buffer[], preamble = 'This is a multi-part message in MIME format.\r\n'): Buffer {
  const chunks: Buffer[] = [Buffer.from(preamble)];
  for (const part of parts) chunks.push(Buffer.from(`--${boundary}\r\n`), part, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export function renderNode(node: MimeNode): Buffer {
  if ('parts' in node) {
    return Buffer.concat([Buffer.from(`Content-Type: ${node.contentType}; boundary="${node.boundary}"\r\n\r\n`), multipartBody(node.boundary, node.parts.map(renderNode))]);
  }
  const encoding = node.transferEncoding ?? 'base64';
  const head = [`Content-Type: ${node.contentType}`, `Content-Transfer-Encoding: ${encoding}`, ...(node.headers ?? [])].join('\r\n');
  const body = encoding === 'base64' ? Buffer.from(base64Lines(node.body)) : encoding === 'quoted-printable' ? Buffer.from(quotedPrintable(node.body)) : node.body;
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body, Buffer.from('\r\n')]);
}

export interface MessageSpec {
  /** Header lines in order (Received first, as servers prepend them). Raw: encode words yourself. */
  headers: string[];
  body: MimeNode;
}

export function renderMessage(spec: MessageSpec): Buffer {
  return Buffer.concat([Buffer.from(`${[...spec.headers, 'MIME-Version: 1.0'].join('\r\n')}\r\n`), renderNode(spec.body)]);
}

/** A text/plain body part in the given charset. */
export function textPart(text: string, charset: Charset = 'utf-8'): MimeLeaf {
  return {
    contentType: `text/plain; charset=${charset === 'iso-2022-jp' ? 'ISO-2022-JP' : charset === 'shift_jis' ? 'Shift_JIS' : charset === 'euc-jp' ? 'EUC-JP' : 'UTF-8'}`,
    body: encodeText(text.replace(/\n/g, '\r\n'), charset),
    transferEncoding: charset === 'iso-2022-jp' ? '7bit' : 'base64',
  };
}

/** An attachment part; `filenameParam` is the already-encoded Content-Disposition parameter. */
export function attachmentPart(contentType: string, filenameParam: string, bytes: Buffer): MimeLeaf {
  return { contentType, headers: [`Content-Disposition: attachment;\r\n ${filenameParam}`], body: bytes };
}
