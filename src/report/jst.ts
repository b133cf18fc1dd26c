// Japan time for the reports. Staff read every date in JST whatever the server's time zone.
import { jstWallClock } from '../validate/arrival.js';

/**
 * The JST wall-clock time of an instant, as a Date whose UTC fields hold it. Excel dates have no time
 * zone and exceljs converts through UTC, so this is what a cell must be given to show JST.
 */
export { jstWallClock };

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** "2023-10-05" */
export function jstDay(instant: Date): string {
  return jstWallClock(instant).toISOString().slice(0, 10);
}

/** "2023-10-05 14:03" */
export function jstDateTime(instant: Date): string {
  return jstWallClock(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** The day after (or n days after) a "YYYY-MM-DD" day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** "10/5（木）" for chart axes; "2023-10-05（木）" with the year, for tables. */
export function dayLabel(day: string, withYear = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = `（${WEEKDAYS[date.getUTCDay()]}）`;
  return withYear ? `${day}${weekday}` : `${date.getUTCMonth() + 1}/${date.getUTCDate()}${weekday}`;
}

/** An ISO 8601 instant from a record, or null when it does not parse (a record is never rejected). */
export function parseInstant(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}
