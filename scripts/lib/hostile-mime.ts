// Message-level pieces of the hostile corpus that eml.ts deliberately cannot write: parts assembled
// by hand (so a Content-Transfer-Encoding can announce what the body then breaks), damaged base64
// and quoted-printable, and the envelope every corpus message shares.
import { multipartBody, renderMessage, type MimeNode } from './eml.js';

/** Headers of a message the survey's server received inside the window, named after the corpus entry. */
export function envelope(name: string, subject = `hostile corpus: ${name}`, from = 'attacker@hostile.example'): string[] {
  return [
    `Received: from mta.hostile.example (mta.hostile.example [198.51.100.7])\r\n\tby mx.survey.example.go.jp with ESMTPS id ${name};\r\n\tThu, 5 Oct 2023 10:00:00 +0900`,
    `Message-ID: <${name}@hostile.example>`,
    `From: ${from}`,
    'To: genai-survey@survey.example.go.jp',
    `Subject: ${subject}`,
    'Date: Thu, 5 Oct 2023 09:59:00 +0900',
  ];
}

export function messageOf(name: string, body: MimeNode, subject?: string, from?: string): Buffer {
  return renderMessage({ headers: envelope(name, subject, from), body });
}

/** One part, headers and body exactly as given. */
export function rawPart(headers: readonly string[], body: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')]);
}

/** A multipart/mixed message of hand-made parts. */
export function rawMultipartMessage(name: string, parts: readonly Buffer[]): Buffer {
  const boundary = `=_hostile_${name}`;
  const head = `${[...envelope(name), 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`].join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), multipartBody(boundary, parts, '')]);
}

/**
 * Base64 that no decoder can get right: characters dropped mid-quad (everything after shifts),
 * characters outside the alphabet, and "=" padding in the middle of the data.
 */
export function brokenBase64(bytes: Buffer): string {
  const text = bytes.toString('base64');
  const third = Math.floor(text.length / 3);
  const damaged = `${text.slice(0, third)}*!${text.slice(third + 3, 2 * third)}==${text.slice(2 * third)}`;
  return damaged.replace(/.{76}/g, '$&\r\n');
}

/**
 * Quoted-printable with escapes that are not hex ("=G1"), soft line breaks turned into hard ones
 * (CR LF bytes land in the data) and a lone "=" at the very end. The first bytes stay intact, so the
 * file still looks like what it claims to be and is damaged, not disguised.
 */
export function brokenQuotedPrintable(bytes: Buffer): string {
  let line = '';
  const lines: string[] = [];
  for (const [index, b] of bytes.entries()) {
    const escaped = index % 97 === 96 ? '=G1' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + escaped.length > 75) {
      lines.push(lines.length % 5 === 0 ? line : `${line}=`);
      line = '';
    }
    line += escaped;
  }
  return `${[...lines, line].join('\r\n')}\r\n=`;
}

/** A long header value folded the RFC 5322 way: lines stay short, the field grows without bound. */
export function foldedValue(totalBytes: number): string {
  const line = 'A'.repeat(76);
  return Array.from({ length: Math.ceil(totalBytes / 79) }, () => line).join('\r\n ');
}
