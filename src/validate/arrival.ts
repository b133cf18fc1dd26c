// The arrival time (application-form.md): the IMAP server's INTERNALDATE; for a message read from a
// file, the topmost Received: header; only failing both, the Date: header, flagged as uncertain.
// Compared in JST with the submission window.
import type { Flag, ReceivedAtSource } from '../record.js';
import { makeFlag } from './flags.js';

export interface ArrivalEvidence {
  internalDate?: Date;
  receivedHeader: Date | null;
  dateHeader: Date | null;
}

export interface ArrivalTime {
  at: Date;
  source: ReceivedAtSource;
  flags: Flag[];
}

export function decideArrival(evidence: ArrivalEvidence, now: Date): ArrivalTime {
  if (evidence.internalDate && !Number.isNaN(evidence.internalDate.getTime())) {
    return { at: evidence.internalDate, source: 'internaldate', flags: [] };
  }
  if (evidence.receivedHeader) return { at: evidence.receivedHeader, source: 'received_header', flags: [] };
  if (evidence.dateHeader) return { at: evidence.dateHeader, source: 'date_header', flags: [makeFlag('received_time_uncertain')] };
  // No date anywhere: the time it was processed is all there is; staff must check it by hand.
  return { at: now, source: 'date_header', flags: [makeFlag('received_time_uncertain', { detail: '日付ヘッダもないため処理時刻を使用' })] };
}

export function windowFlags(at: Date, window: { start: Date; end: Date }): Flag[] {
  if (at > window.end) return [makeFlag('late', { detail: `${toJst(at)} 受信（期限 ${toJst(window.end)}）` })];
  if (at < window.start) return [makeFlag('early', { detail: `${toJst(at)} 受信（開始 ${toJst(window.start)}）` })];
  return [];
}

/** Japan has no daylight saving time: a fixed offset is exact. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The JST wall-clock time of an instant, as a Date whose UTC fields hold it. */
export function jstWallClock(instant: Date): Date {
  return new Date(instant.getTime() + JST_OFFSET_MS);
}

/** ISO 8601 in Japan time with its offset: 2023-10-11T23:59:59+09:00 (milliseconds only when set). */
export function toJstIso(date: Date): string {
  const shifted = jstWallClock(date).toISOString();
  const withoutZone = shifted.endsWith('.000Z') ? shifted.slice(0, -5) : shifted.slice(0, -1);
  return `${withoutZone}+09:00`;
}

/** "2023/10/11 23:59" for staff-facing messages. */
export function toJst(date: Date): string {
  const iso = toJstIso(date);
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 16)}`;
}
