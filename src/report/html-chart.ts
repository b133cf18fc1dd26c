// The arrivals-per-day chart as inline SVG (no script, no external resource): one bar per day of the
// submission window, a bar each for arrivals before and after it, the deadline, today, and the
// running total against the deadline.
import { escapeHtml } from './html-escape.js';
import { dayLabel, jstDateTime } from './jst.js';
import type { Arrivals } from './summary.js';
import type { ReportWindow } from './window.js';

const WIDTH = 960;
const HEIGHT = 250;
const PLOT = { left: 44, right: 56, top: 30, bottom: 52 } as const;
const WEEKDAY_OF_LABEL = /（(.)）$/;

interface Slot {
  label: string;
  sub: string;
  count: number;
  cumulative: number | null;
  title: string;
  kind: 'before' | 'in' | 'after';
  today: boolean;
  weekend: boolean;
}

/** A round axis maximum at or above n, so gridlines fall on whole counts. */
function niceMax(n: number): number {
  if (n <= 4) return Math.max(1, n);
  const step = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 2.5, 5, 10].map((m) => m * step).find((m) => m >= n) ?? n;
}

function slotsOf(arrivals: Arrivals): Slot[] {
  const inWindow = arrivals.days.filter((d) => d.phase === 'in');
  const slots: Slot[] = inWindow.map((d) => {
    const label = dayLabel(d.day);
    const weekday = WEEKDAY_OF_LABEL.exec(label)?.[1] ?? '';
    return {
      label: label.replace(WEEKDAY_OF_LABEL, ''),
      sub: weekday,
      count: d.count,
      // The running total is drawn only up to today: the future has no arrivals yet, not zero.
      cumulative: d.day <= arrivals.today ? d.cumulative : null,
      title: `${dayLabel(d.day, true)}：${d.count}件（累計 ${d.cumulative}件）`,
      kind: 'in',
      today: d.day === arrivals.today,
      weekend: weekday === '土' || weekday === '日',
    };
  });
  const edge = (kind: 'before' | 'after', label: string, count: number): Slot => ({
    label,
    sub: '',
    count,
    cumulative: null,
    title: `${label}：${count}件`,
    kind,
    today: false,
    weekend: false,
  });
  return [edge('before', '期間前', arrivals.before), ...slots, edge('after', '期限後', arrivals.after)];
}

export function arrivalsChart(arrivals: Arrivals, window: ReportWindow): string {
  const slots = slotsOf(arrivals);
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const slotW = plotW / slots.length;
  const maxCount = niceMax(Math.max(0, ...slots.map((s) => s.count)));
  const maxTotal = niceMax(Math.max(0, ...slots.map((s) => s.cumulative ?? 0)));
  const x = (i: number) => PLOT.left + i * slotW;
  const y = (count: number, max: number) => PLOT.top + plotH - (count / max) * plotH;
  const labelEvery = Math.ceil(slots.length / 24);
  const parts: string[] = [];

  // The window itself, shaded, so early and late arrivals stand outside it.
  parts.push(`<rect class="window" x="${x(1)}" y="${PLOT.top}" width="${slotW * (slots.length - 2)}" height="${plotH}"/>`);
  for (const tick of [0, maxCount / 2, maxCount].filter((t) => Number.isInteger(t))) {
    parts.push(`<line class="grid" x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(tick, maxCount)}" y2="${y(tick, maxCount)}"/>`);
    parts.push(`<text class="axis" x="${PLOT.left - 6}" y="${y(tick, maxCount) + 4}" text-anchor="end">${tick}</text>`);
  }
  slots.forEach((slot, i) => {
    const barW = slotW * 0.68;
    const bx = x(i) + (slotW - barW) / 2;
    const cls = slot.kind === 'in' ? (slot.weekend ? 'bar weekend' : 'bar') : `bar ${slot.kind}`;
    parts.push(
      `<rect class="${cls}" x="${bx.toFixed(1)}" y="${y(slot.count, maxCount).toFixed(1)}" width="${barW.toFixed(1)}" height="${(plotH - (y(slot.count, maxCount) - PLOT.top)).toFixed(1)}"><title>${escapeHtml(slot.title)}</title></rect>`,
    );
    if (slot.count > 0) parts.push(`<text class="value" x="${(x(i) + slotW / 2).toFixed(1)}" y="${(y(slot.count, maxCount) - 4).toFixed(1)}" text-anchor="middle">${slot.count}</text>`);
    if (slot.kind !== 'in' || i % labelEvery === 0 || slot.today) {
      const cx = (x(i) + slotW / 2).toFixed(1);
      parts.push(`<text class="axis${slot.today ? ' today' : ''}" x="${cx}" y="${HEIGHT - PLOT.bottom + 16}" text-anchor="middle">${escapeHtml(slot.label)}</text>`);
      if (slot.sub) parts.push(`<text class="axis sub" x="${cx}" y="${HEIGHT - PLOT.bottom + 30}" text-anchor="middle">${escapeHtml(slot.sub)}</text>`);
    }
    if (slot.today) {
      const cx = (x(i) + slotW / 2).toFixed(1);
      parts.push(`<line class="today" x1="${cx}" x2="${cx}" y1="${PLOT.top}" y2="${PLOT.top + plotH}"/>`);
      parts.push(`<text class="today" x="${cx}" y="${PLOT.top - 8}" text-anchor="middle">本日</text>`);
    }
  });
  const points = slots.flatMap((s, i) => (s.cumulative === null ? [] : [`${(x(i) + slotW / 2).toFixed(1)},${y(s.cumulative, maxTotal).toFixed(1)}`]));
  if (points.length > 0) {
    parts.push(`<polyline class="cumulative" points="${points.join(' ')}"><title>累計受信件数</title></polyline>`);
    parts.push(`<text class="axis cumulative-axis" x="${WIDTH - PLOT.right + 6}" y="${PLOT.top + 4}">累計 ${maxTotal}</text>`);
    parts.push(`<text class="axis cumulative-axis" x="${WIDTH - PLOT.right + 6}" y="${PLOT.top + plotH + 4}">0</text>`);
  }
  const deadlineX = x(slots.length - 1).toFixed(1);
  parts.push(`<line class="deadline" x1="${deadlineX}" x2="${deadlineX}" y1="${PLOT.top - 14}" y2="${PLOT.top + plotH}"/>`);
  parts.push(`<text class="deadline" x="${Number(deadlineX) - 6}" y="${PLOT.top - 16}" text-anchor="end">締切 ${escapeHtml(jstDateTime(window.windowEnd))}</text>`);

  const description = `提出期間 ${jstDateTime(window.windowStart)} から ${jstDateTime(window.windowEnd)}。期間前 ${arrivals.before}件、期間内 ${arrivals.inWindow}件、期限後 ${arrivals.after}件。`;
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">`,
    `<title id="chart-title">日別受信件数</title><desc id="chart-desc">${escapeHtml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}
