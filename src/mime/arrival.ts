// When the message arrived, read from its own headers (application-form.md, "Arrival time"): the
// date of the topmost Received: field — the one our own server added last — and the sender's
// Date: field. Dates are RFC 5322 §3.3 date-times, read leniently (§4.3 obsolete forms, comments
// such as "(JST)", odd spacing) because relays and old mailers write them every which way.
//
// Deliberately not `new Date(text)`: it reads a date without a zone in the host's local time,
// and mailparser turns an unreadable Date: into "now".
import { firstField, readHeaderBlock, type HeaderField } from './raw-headers.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 5322 §4.3 obsolete zones, plus JST which Japanese mailers write in place of +0900.
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  jst: 540, kst: 540,
};

/** Removes (possibly nested) comments, returning the text and the comments' words. */
function stripComments(text: string): { text: string; comments: string[] } {
  let out = '';
  let comment = '';
  const comments: string[] = [];
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        comments.push(comment.trim());
        comment = '';
      }
    } else if (depth > 0) comment += c;
    else out += c;
  }
  return { text: out.replace(/\s+/g, ' ').trim(), comments };
}

function zoneMinutes(zone: string | undefined, comments: string[]): number | null {
  if (zone) {
    const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
    const named = ZONES[zone.toLowerCase()];
    if (named !== undefined) return named;
    if (/^[a-ik-z]$/i.test(zone)) return 0; // RFC 5322 §4.3: military zones are to be read as -0000
    return null;
  }
  // "Thu, 5 Oct 2023 10:00:00 (JST)": the zone only in a comment.
  for (const comment of comments) {
    const named = ZONES[comment.toLowerCase()];
    if (named !== undefined) return named;
  }
  return null;
}

function fullYear(year: string): number {
  const n = Number(year);
  if (year.length === 2) return n < 50 ? 2000 + n : 1900 + n; // RFC 5322 §4.3
  if (year.length === 3) return 1900 + n;
  return n;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number): Date | null {
  if (mo < 0 || mo > 11 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo, d, h, mi, Math.min(s, 59));
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo) return null; // 31 Feb
  return new Date(utc - offset * 60_000);
}

const RFC5322 =
  /^(?:[a-z]{2,}\.?,?\s*)?(\d{1,2})[\s-]*([a-z]{3})[a-z]*\.?[\s-]*(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?(?:\s.*)?$/i;
const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** An RFC 5322 date-time (or ISO 8601 with an offset); null when unreadable or without a zone. */
export function parseMailDate(input: string): Date | null {
  const { text, comments } = stripComments(input);
  const m = RFC5322.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    const offset = zoneMinutes(m[7], comments);
    if (month < 0 || offset === null) return null;
    return build(fullYear(m[3]!), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
  }
  const iso = ISO8601.exec(text);
  if (iso) {
    const offset = zoneMinutes(iso[7], comments);
    if (offset === null) return null;
    return build(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), offset);
  }
  return null;
}

function fieldsOf(source: Buffer | readonly HeaderField[]): readonly HeaderField[] {
  return Buffer.isBuffer(source) ? readHeaderBlock(source).fields : source;
}

/**
 * The date of the topmost Received: field (RFC 5321 §4.4: the date-time follows the last ";").
 * When the topmost one carries no readable date, the next one down is the closest stand-in.
 */
export function topReceivedDate(source: Buffer | readonly HeaderField[]): Date | null {
  for (const field of fieldsOf(source)) {
    if (field.name !== 'received') continue;
    const text = field.value.toString('latin1');
    const semicolon = text.lastIndexOf(';');
    if (semicolon === -1) continue;
    const date = parseMailDate(text.slice(semicolon + 1));
    if (date) return date;
  }
  return null;
}

/** The Date: field (RFC 5322 §3.6.1), or null when absent or unreadable. */
export function dateHeader(source: Buffer | readonly HeaderField[]): Date | null {
  const value = firstField(fieldsOf(source), 'date');
  return value ? parseMailDate(value.toString('latin1')) : null;
}
