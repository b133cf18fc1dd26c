// RFC 2047 encoded-words ("=?ISO-2022-JP?B?...?=") in unstructured header text.
//
// Adjacent encoded-words in the same charset are joined as BYTES before decoding: Japanese mailers
// split one ISO-2022-JP escape sequence, or one Shift_JIS/UTF-8 character, across two words
// (RFC 2047 §5 forbids it; it happens). White space between adjacent encoded-words is dropped
// (RFC 2047 §6.2). Encoded-words inside quoted strings are decoded too — not compliant, universal.
import { decodeBytes } from './charset.js';

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/g;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) bytes.push(0x20); // "_" is a space in Q (RFC 2047 §4.2)
    else if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

const decodeB = (text: string): Buffer => Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');

interface Run {
  charset: string;
  bytes: Buffer[];
}

const decodeRun = (run: Run | null): string => (run ? decodeBytes(Buffer.concat(run.bytes), run.charset) : '');

/** Decodes every encoded-word in `text`; text outside encoded-words is kept as it is. */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  let out = '';
  let run: Run | null = null;
  let last = 0;
  for (const match of text.matchAll(ENCODED_WORD)) {
    const between = text.slice(last, match.index);
    const charset = (match[1] ?? '').replace(/\*.*$/, '').toLowerCase(); // RFC 2231 §5 language suffix
    const encoded = match[3] ?? '';
    const bytes = (match[2] ?? '').toUpperCase() === 'B' ? decodeB(encoded) : decodeQ(encoded);
    const adjacent = run !== null && /^[ \t\r\n]*$/.test(between);
    if (run !== null && adjacent && run.charset === charset) run.bytes.push(bytes);
    else {
      out += decodeRun(run) + (adjacent ? '' : between);
      run = { charset, bytes: [bytes] };
    }
    last = match.index + match[0].length;
  }
  return out + decodeRun(run) + text.slice(last);
}
