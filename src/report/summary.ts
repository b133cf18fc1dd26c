// The figures of 集計 and of the page's summary: counts, totals and medians over the current
// submissions, arrivals per day over every message. Pure: rows, window and clock in, figures out.
import { CATEGORY_OPTIONS, DEVELOPMENT_CATEGORY_OPTIONS, type OptionDef } from '../form/definition.js';
import { plainText } from './cell-text.js';
import { fieldValue } from './field-values.js';
import { addDays, jstDay } from './jst.js';
import { UNANSWERED } from './labels.js';
import type { SubmissionRow } from './submission-row.js';
import type { ReportWindow } from './window.js';

export interface Count {
  label: string;
  count: number;
}

export interface Tally extends Count {
  gpus: number;
  amountYen: number;
}

export interface NumberStat {
  total: number;
  median: number | null;
  /** Submissions that gave the figure. */
  answered: number;
}

/** Where a day lies against the submission window. */
export type Phase = 'before' | 'in' | 'after';

export interface DayArrivals {
  /** "YYYY-MM-DD", JST */
  day: string;
  count: number;
  cumulative: number;
  phase: Phase;
}

export interface Arrivals {
  /** Every day of the window, plus each day outside it on which something arrived; in order. */
  days: DayArrivals[];
  before: number;
  inWindow: number;
  after: number;
  /** "YYYY-MM-DD" of the clock the report was made by. */
  today: string;
}

export interface ReportSummary {
  /** Every message, superseded ones included: each is one record. */
  messages: number;
  current: number;
  needsAttention: number;
  ok: number;
  superseded: number;
  byCategory: Tally[];
  byDevelopmentCategory: Count[];
  gpus: NumberStat;
  amountYen: NumberStat;
  arrivals: Arrivals;
}

function numberAt(row: SubmissionRow, key: string): number | null {
  const value = fieldValue(row.record.form, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stat(values: readonly (number | null)[]): NumberStat {
  const given = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const mid = Math.floor(given.length / 2);
  const median = given.length === 0 ? null : given.length % 2 === 1 ? given[mid]! : (given[mid - 1]! + given[mid]!) / 2;
  return { total: given.reduce((sum, v) => sum + v, 0), median, answered: given.length };
}

/** Each option in form order (empty ones too), then labels the form does not know, then 未記入. */
function orderedLabels(options: readonly OptionDef[], seen: readonly string[]): string[] {
  const extra = [...new Set(seen)].filter((label) => !options.some((o) => o.label === label));
  const unknown = extra.filter((label) => label !== UNANSWERED);
  return [...options.map((o) => o.label), ...unknown, ...(extra.includes(UNANSWERED) ? [UNANSWERED] : [])];
}

function labelOf(options: readonly OptionDef[], value: unknown): string {
  if (value === null || value === undefined || value === '') return UNANSWERED;
  return options.find((o) => o.value === String(value))?.label ?? plainText(value);
}

function byCategory(rows: readonly SubmissionRow[]): Tally[] {
  const labels = rows.map((row) => labelOf(CATEGORY_OPTIONS, fieldValue(row.record.form, 'applicant.category')));
  return orderedLabels(CATEGORY_OPTIONS, labels).map((label) => {
    const members = rows.filter((_, i) => labels[i] === label);
    return {
      label,
      count: members.length,
      gpus: stat(members.map((r) => numberAt(r, 'compute.gpuCount'))).total,
      amountYen: stat(members.map((r) => numberAt(r, 'compute.requestedAmountYen'))).total,
    };
  });
}

function byDevelopmentCategory(rows: readonly SubmissionRow[]): Count[] {
  // A checkbox group: one submission counts under each category it chose.
  const chosen = rows.map((row) => {
    const value = fieldValue(row.record.form, 'development.categories');
    const list = Array.isArray(value) ? value : [value];
    const labels = list.map((v) => labelOf(DEVELOPMENT_CATEGORY_OPTIONS, v)).filter((l) => l !== UNANSWERED);
    return labels.length > 0 ? labels : [UNANSWERED];
  });
  return orderedLabels(DEVELOPMENT_CATEGORY_OPTIONS, chosen.flat()).map((label) => ({
    label,
    count: chosen.filter((labels) => labels.includes(label)).length,
  }));
}

function arrivals(rows: readonly SubmissionRow[], window: ReportWindow, now: Date): Arrivals {
  const startDay = jstDay(window.windowStart);
  const endDay = jstDay(window.windowEnd);
  const perDay = new Map<string, number>();
  for (let day = startDay; day <= endDay; day = addDays(day, 1)) perDay.set(day, 0);
  let before = 0;
  let after = 0;
  for (const { receivedAt } of rows) {
    if (!receivedAt) continue;
    const day = jstDay(receivedAt);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (receivedAt < window.windowStart) before += 1;
    else if (receivedAt > window.windowEnd) after += 1;
  }
  let cumulative = 0;
  const days = [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, count]): DayArrivals => {
      cumulative += count;
      return { day, count, cumulative, phase: day < startDay ? 'before' : day > endDay ? 'after' : 'in' };
    });
  const dated = rows.filter((r) => r.receivedAt).length;
  return { days, before, after, inWindow: dated - before - after, today: jstDay(now) };
}

export function summarize(rows: readonly SubmissionRow[], window: ReportWindow, now: Date): ReportSummary {
  const current = rows.filter((r) => r.state !== 'superseded');
  return {
    messages: rows.length,
    current: current.length,
    needsAttention: current.filter((r) => r.state === 'needs_attention').length,
    ok: current.filter((r) => r.state === 'ok').length,
    superseded: rows.length - current.length,
    byCategory: byCategory(current),
    byDevelopmentCategory: byDevelopmentCategory(current),
    gpus: stat(current.map((r) => numberAt(r, 'compute.gpuCount'))),
    amountYen: stat(current.map((r) => numberAt(r, 'compute.requestedAmountYen'))),
    arrivals: arrivals(rows, window, now),
  };
}
