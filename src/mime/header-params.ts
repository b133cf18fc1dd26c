// Content-Type / Content-Disposition values with parameters (RFC 2045 §5.1), including RFC 2231
// parameter value continuations and charsets (name*0*=ISO-2022-JP''%1B%24B…; name*1*=…).
//
// Input is already text: callers decode raw 8-bit header bytes first (charset.ts), which also
// keeps a Shift_JIS trail byte 0x5C ("表", "申") from being read as a quoted-pair backslash.
import { decodeBytes } from './charset.js';
import { decodeEncodedWords } from './encoded-words.js';

export interface StructuredValue {
  /** Lower-cased main value, e.g. "attachment" or "text/plain". */
  value: string;
  /** Parameters by lower-cased name, decoded (RFC 2231 and RFC 2047). */
  params: Record<string, string>;
}

interface Segment {
  index: number;
  extended: boolean;
  text: string;
}

/** Splits at `;` outside quoted strings; quoted strings are unquoted (RFC 5322 quoted-pair kept as the char). */
function splitParams(input: string): Array<{ text: string; quoted: boolean }> {
  const parts: Array<{ text: string; quoted: boolean }> = [];
  let text = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '"') {
      quoted = true;
      for (i++; i < input.length && input[i] !== '"'; i++) text += input[i] === '\\' && i + 1 < input.length ? input[++i] : input[i];
    } else if (c === ';') {
      parts.push({ text, quoted });
      text = '';
      quoted = false;
    } else text += c;
  }
  parts.push({ text, quoted });
  return parts;
}

function percentBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2231 §3–4: joins the segments' bytes in index order, then decodes once in the declared charset. */
function joinSegments(segments: Segment[]): string {
  segments.sort((a, b) => a.index - b.index);
  let charset: string | null = null;
  const bytes: Buffer[] = [];
  segments.forEach((segment, position) => {
    let text = segment.text;
    if (segment.extended && position === 0) {
      const match = /^([^']*)'[^']*'(.*)$/s.exec(text);
      if (match) {
        charset = match[1] || null;
        text = match[2] ?? '';
      }
    }
    bytes.push(segment.extended ? percentBytes(text) : Buffer.from(text, 'utf8'));
  });
  return decodeBytes(Buffer.concat(bytes), charset ?? 'utf-8');
}

export function parseStructuredValue(input: string): StructuredValue {
  const [head, ...rest] = splitParams(input);
  // Null prototype: parameter names come from the message ("__proto__=…").
  const plain: Record<string, string> = Object.create(null) as Record<string, string>;
  const continued = new Map<string, Segment[]>();
  for (const part of rest) {
    const eq = part.text.indexOf('=');
    if (eq <= 0) continue;
    const key = part.text.slice(0, eq).trim().toLowerCase();
    const value = part.quoted ? part.text.slice(eq + 1).replace(/^\s+/, '') : part.text.slice(eq + 1).trim();
    const rfc2231 = /^([^*]+)\*(?:(\d+)(\*)?|)$/.exec(key);
    if (!rfc2231) {
      if (!(key in plain)) plain[key] = decodeEncodedWords(value);
      continue;
    }
    const name = rfc2231[1]!;
    const indexed = rfc2231[2] !== undefined;
    const segment: Segment = { index: indexed ? Number(rfc2231[2]) : 0, extended: indexed ? rfc2231[3] === '*' : true, text: value };
    const list = continued.get(name) ?? [];
    list.push(segment);
    continued.set(name, list);
  }
  const params: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, plain);
  for (const [name, segments] of continued) params[name] = joinSegments(segments); // RFC 2231 wins over a plain twin
  return { value: (head?.text ?? '').trim().toLowerCase(), params };
}
