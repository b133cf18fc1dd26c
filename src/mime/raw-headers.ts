// The header block of a message read straight from its bytes (RFC 5322 §2.2), leniently: used for
// the message's own metadata and for messages the MIME parser refuses. Values stay raw bytes so
// that unlabelled 8-bit and JIS headers can be decoded by charset.ts rather than guessed as UTF-8.

export interface HeaderField {
  /** Lower-cased field name. */
  name: string;
  /** The value's raw bytes, unfolded (CRLF before white space removed, RFC 5322 §2.2.3). */
  value: Buffer;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Offset where the body starts (after the empty line), or where reading stopped. */
  bodyStart: number;
  /** True when the empty line ending the block was found within the bytes read. */
  complete: boolean;
}

// RFC 5322 §3.6.8 ftext: printable US-ASCII except ":".
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

function lineEnd(raw: Buffer, from: number, limit: number): number {
  const nl = raw.indexOf(0x0a, from);
  return nl === -1 || nl >= limit ? limit : nl + 1;
}

function trimEol(line: Buffer): Buffer {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 0x0a || line[end - 1] === 0x0d)) end--;
  return line.subarray(0, end);
}

/**
 * Reads header fields from the start of `raw`, at most `maxBytes` of it. An mbox "From " line is
 * skipped; lines that are not fields are ignored (they would be body text or junk).
 */
export function readHeaderBlock(raw: Buffer, maxBytes = raw.length): HeaderBlock {
  const limit = Math.min(raw.length, maxBytes);
  const fields: Array<{ name: string; chunks: Buffer[] }> = [];
  let pos = 0;
  let complete = false;
  let first = true;
  while (pos < limit) {
    const end = lineEnd(raw, pos, limit);
    const line = trimEol(raw.subarray(pos, end));
    pos = end;
    if (line.length === 0) {
      complete = true;
      break;
    }
    const isFirst = first;
    first = false;
    if (isFirst && line.subarray(0, 5).toString('latin1') === 'From ') continue;
    const last = fields.at(-1);
    if ((line[0] === 0x20 || line[0] === 0x09) && last) {
      last.chunks.push(line);
      continue;
    }
    const colon = line.indexOf(0x3a);
    const name = colon > 0 ? line.subarray(0, colon).toString('latin1').trimEnd() : '';
    if (!FIELD_NAME.test(name)) continue;
    fields.push({ name: name.toLowerCase(), chunks: [line.subarray(colon + 1)] });
  }
  return {
    fields: fields.map((f) => ({ name: f.name, value: trimWsp(Buffer.concat(f.chunks)) })),
    bodyStart: pos,
    complete,
  };
}

function trimWsp(value: Buffer): Buffer {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === 0x20 || value[start] === 0x09)) start++;
  while (end > start && (value[end - 1] === 0x20 || value[end - 1] === 0x09)) end--;
  return value.subarray(start, end);
}

/** The first field of that name, or undefined. */
export function firstField(fields: readonly HeaderField[], name: string): Buffer | undefined {
  return fields.find((f) => f.name === name)?.value;
}

/** Raw header lines as mailparser/mailsplit hand them over ("Key: value" with folding, latin1) → fields. */
export function fieldsFromLines(lines: ReadonlyArray<{ key: string; line: string }>): HeaderField[] {
  const raw = Buffer.from(lines.map((l) => l.line).join('\r\n') + '\r\n\r\n', 'latin1');
  return readHeaderBlock(raw).fields;
}
