// The arrival time `intake replay` gives a message as its INTERNALDATE: the date of the topmost
// (newest) Received: header, else the Date: header, as application-form.md's arrival rule reads a
// file. Only the header block is read, and only ASCII matters here.

/** Header blocks longer than this are not real mail; the pipeline flags them anyway. */
const MAX_HEADER_SCAN = 256 * 1024;

function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, MAX_HEADER_SCAN).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

/** Unfolded header fields in order (RFC 5322 §2.2.3: a line starting with white space continues). */
function fields(block: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1]!.value += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) out.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
    }
  }
  return out;
}

function parseDate(text: string): Date | null {
  const d = new Date(text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface ArrivalDate {
  date: Date;
  source: 'received_header' | 'date_header';
}

export function arrivalDate(raw: Buffer): ArrivalDate | null {
  const all = fields(headerBlock(raw));
  const received = all.find((f) => f.name === 'received');
  // RFC 5321 §4.4: the date-time follows the last ";" of a Received field.
  if (received && received.value.includes(';')) {
    const date = parseDate(received.value.slice(received.value.lastIndexOf(';') + 1));
    if (date) return { date, source: 'received_header' };
  }
  const dateField = all.find((f) => f.name === 'date');
  const date = dateField ? parseDate(dateField.value) : null;
  return date ? { date, source: 'date_header' } : null;
}
