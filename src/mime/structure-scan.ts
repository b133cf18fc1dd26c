// One cheap pass over the raw bytes before the MIME parser sees them: counts the parts, measures
// every header block, and checks that each multipart's boundary really delimits something.
//
// Why: a small crafted message can carry tens of thousands of empty parts or a huge header block
// (limits.ts), and mailparser 3.14 silently returns NO text and NO attachments for a multipart
// whose boundary parameter is missing or never appears (measured) — a message that would then
// look like "no attachment" instead of "unreadable". RFC 2046 §5.1.1 delimiters: "--" boundary,
// optional trailing white space; "--" boundary "--" closes.
import type { Limits } from '../config/limits.js';
import { parseStructuredValue } from './header-params.js';
import { overLimit } from './limit-messages.js';
import { firstField, readHeaderBlock, type HeaderField } from './raw-headers.js';

export type StructureVerdict = { ok: true; parts: number } | { ok: false; reason: string };

const CRLF = Buffer.from('\r\n');

function trimLineEnd(line: Buffer): Buffer {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 0x0a || line[end - 1] === 0x0d || line[end - 1] === 0x20 || line[end - 1] === 0x09)) end--;
  return line.subarray(0, end);
}

/** Registers the boundary of a multipart part; returns a reason when the part cannot be split. */
function registerMultipart(fields: readonly HeaderField[], boundaries: Map<string, number>): string | null {
  const contentType = firstField(fields, 'content-type');
  if (!contentType) return null;
  const parsed = parseStructuredValue(contentType.toString('latin1'));
  if (!parsed.value.startsWith('multipart/')) return null;
  const boundary = (parsed.params['boundary'] ?? '').trimEnd();
  // A boundary is ASCII (RFC 2046 §5.1.1 bchars); the parser treats any other as missing.
  if (!boundary || /[^\x20-\x7e]/.test(boundary)) return `${parsed.value} に boundary がありません`;
  if (!boundaries.has(boundary)) boundaries.set(boundary, 0);
  return null;
}

export function scanStructure(raw: Buffer, limits: Limits): StructureVerdict {
  const top = readHeaderBlock(raw, limits.maxHeaderBytes);
  if (!top.complete && raw.length > limits.maxHeaderBytes) return { ok: false, reason: overLimit('maxHeaderBytes', limits, 'ヘッダー') };
  if (top.fields.length === 0) return { ok: false, reason: 'ヘッダーがありません (RFC 5322 のメッセージではありません)' };

  const boundaries = new Map<string, number>();
  const broken = registerMultipart(top.fields, boundaries);
  if (broken) return { ok: false, reason: broken };

  let parts = 1;
  let head: Buffer[] | null = null; // header lines of the part being read, null while in a body
  let headSize = 0;
  const endHead = (): string | null => {
    const fields = readHeaderBlock(Buffer.concat([...(head ?? []), CRLF])).fields;
    head = null;
    return registerMultipart(fields, boundaries);
  };

  let pos = top.bodyStart;
  while (pos < raw.length) {
    const nl = raw.indexOf(0x0a, pos);
    const end = nl === -1 ? raw.length : nl + 1;
    const line = raw.subarray(pos, end);
    pos = end;
    if (boundaries.size > 0 && line[0] === 0x2d && line[1] === 0x2d) {
      const token = trimLineEnd(line.subarray(2)).toString('latin1');
      const seen = boundaries.get(token);
      if (seen !== undefined) {
        boundaries.set(token, seen + 1);
        if (++parts > limits.maxMimeParts) return { ok: false, reason: overLimit('maxMimeParts', limits, 'MIME パート数') };
        const reason = head ? endHead() : null;
        if (reason) return { ok: false, reason };
        head = [];
        headSize = 0;
        continue;
      }
      if (token.endsWith('--') && boundaries.has(token.slice(0, -2))) {
        const reason = head ? endHead() : null;
        if (reason) return { ok: false, reason };
        continue;
      }
    }
    if (!head) continue;
    if (trimLineEnd(line).length === 0 && (line[0] === 0x0a || line[0] === 0x0d)) {
      const reason = endHead();
      if (reason) return { ok: false, reason };
      continue;
    }
    headSize += line.length;
    if (headSize > limits.maxHeaderBytes) return { ok: false, reason: overLimit('maxHeaderBytes', limits, 'パートのヘッダー') };
    head.push(line);
  }
  if (head) {
    const reason = endHead();
    if (reason) return { ok: false, reason };
  }
  for (const [boundary, seen] of boundaries) {
    if (seen === 0) return { ok: false, reason: `multipart の区切り (boundary "${boundary.slice(0, 70)}") が本文にありません` };
  }
  return { ok: true, parts };
}
