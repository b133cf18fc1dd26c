// intake-report.html: one self-contained page (inline style, inline script, inline SVG; nothing
// loaded from anywhere), so it opens from a file share or an e-mail attachment. `intake serve`
// serves the same page with live updates switched on.
import { createHash } from 'node:crypto';
import { FORM_TITLE } from '../form/definition.js';
import { displayCell, formatNumber } from './field-values.js';
import { arrivalsChart } from './html-chart.js';
import { reportClient } from './html-client.js';
import { clientDataJson, flagChoices, INITIAL_SORT_COLUMN, pageRows, TABLE_COLUMNS } from './html-data.js';
import { escapeHtml } from './html-escape.js';
import { PAGE_CSS } from './html-styles.js';
import { jstDateTime } from './jst.js';
import { STATE_LABELS } from './labels.js';
import type { ReportModel } from './model.js';
import type { SubmissionRow } from './submission-row.js';
import type { ReportSummary } from './summary.js';
import { summaryTables } from './summary-tables.js';

// Run through tsx (esbuild with keepNames) the function's text calls esbuild's __name helper, which
// does not exist in the page; the stand-in keeps the embedded script working however it was compiled.
const SCRIPT = `(() => { const __name = (f) => f; (${reportClient.toString()})(); })();`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Only this page's own style and script may run (by hash, so no injected element or attribute can),
 * nothing may be loaded, and the live page may talk only to the server it came from.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(PAGE_CSS)}`,
  'img-src data:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface HtmlReportOptions {
  /** Served by `intake serve`: poll for new records and show the queue. */
  live?: boolean;
  /** How often the live page asks the server whether records changed. Default: 15 s. */
  pollMs?: number;
}

const e = escapeHtml;

/** ¥1,200,000,000 → ["12", "億円"]: staff read large amounts in 億 and 万. */
function yenParts(yen: number): [string, string] {
  if (Math.abs(yen) >= 1e8) return [formatNumber(yen / 1e8), '億円'];
  if (Math.abs(yen) >= 1e4) return [formatNumber(yen / 1e4), '万円'];
  return [formatNumber(yen), '円'];
}

function card(label: string, figure: string, note: string, attention = false): string {
  return `<div class="card${attention ? ' attention' : ''}"><div class="label">${e(label)}</div><div class="figure">${figure}</div><div class="note">${e(note)}</div></div>`;
}

function summaryCards(s: ReportSummary): string {
  const n = formatNumber;
  const median = (v: number | null, unit: (x: number) => string) => (v === null ? '記入なし' : `中央値 ${unit(v)}`);
  const [amount, amountUnit] = yenParts(s.amountYen.total);
  return [
    `<section id="summary" class="cards" aria-label="概要">`,
    card('現行の受付', `${n(s.current)}<small>件</small>`, `受信したメール ${n(s.messages)}件`),
    card(STATE_LABELS.needs_attention, `${n(s.needsAttention)}<small>件</small>`, '不備一覧の確認が必要', s.needsAttention > 0),
    card(STATE_LABELS.ok, `${n(s.ok)}<small>件</small>`, '注意事項のみのものを含む'),
    card(STATE_LABELS.superseded, `${n(s.superseded)}<small>件</small>`, '再提出により置き換え'),
    card('GPU数 合計', `${n(s.gpus.total)}<small>基</small>`, `${median(s.gpus.median, (v) => `${n(v)}基`)}（記入 ${n(s.gpus.answered)}件）`),
    card('希望助成額 合計', `${amount}<small>${amountUnit}</small>`, `${median(s.amountYen.median, (v) => yenParts(v).join(''))}（記入 ${n(s.amountYen.answered)}件）`),
    card('期限後の受信', `${n(s.arrivals.after)}<small>件</small>`, `期間前 ${n(s.arrivals.before)}件`, s.arrivals.after > 0),
    `</section>`,
  ].join('');
}

function chartSection(model: ReportModel): string {
  return [
    `<section id="chart" aria-labelledby="chart-heading"><h2 id="chart-heading">日別受信件数（日本時間）</h2>`,
    arrivalsChart(model.summary.arrivals, model.window),
    `<div class="legend"><span>期間内の受信</span><span class="l-late">期間前・期限後の受信</span><span class="l-total">累計</span><span class="l-deadline">締切</span></div>`,
    `</section>`,
  ].join('');
}

function tableRow(row: SubmissionRow, i: number): string {
  const cells = TABLE_COLUMNS.map((c) => {
    const value = c.value(row);
    const placeholder = value === null ? c.placeholder?.(row) : null;
    if (placeholder) return `<td class="placeholder">${e(placeholder)}</td>`;
    const text = e(displayCell(c.kind, value));
    if (c.display === 'badge') return `<td class="nowrap"><span class="badge ${row.state}">${text}</span></td>`;
    const cls = typeof value === 'number' ? 'num' : c.display === 'nowrap' ? 'nowrap' : c.display === 'wide' ? 'flags' : '';
    return `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
  });
  // Superseded rows start hidden, as the status filter starts on current submissions.
  return `<tr class="${row.state}" data-i="${i}" tabindex="0"${row.state === 'superseded' ? ' hidden' : ''}>${cells.join('')}</tr>\n`;
}

function* listSection(model: ReportModel, rows: readonly SubmissionRow[]): Generator<string> {
  const statusOptions = [
    ['current', '現行の受付（差替え済みを除く）'],
    ['needs_attention', STATE_LABELS.needs_attention],
    ['ok', STATE_LABELS.ok],
    ['superseded', STATE_LABELS.superseded],
    ['all', 'すべて'],
  ] as const;
  const flagOptions = flagChoices(rows).map((f) => `<option value="${e(f.code)}">${e(f.text)}（${f.count}件）</option>`);
  const head = TABLE_COLUMNS.map((c, i) => `<th scope="col" aria-sort="${i === INITIAL_SORT_COLUMN ? 'descending' : 'none'}"><button type="button">${e(c.header)}</button></th>`);
  yield [
    `<section id="list" aria-labelledby="list-heading"><h2 id="list-heading">受付一覧</h2>`,
    `<div class="controls" role="search">`,
    `<label>検索<input type="search" id="q" placeholder="法人名・担当者・メール・ファイル名など" autocomplete="off"></label>`,
    `<label>状態<select id="status">${statusOptions.map(([v, t]) => `<option value="${v}"${v === 'current' ? ' selected' : ''}>${e(t)}</option>`).join('')}</select></label>`,
    `<label>不備・注意<select id="flag"><option value="">すべて</option>${flagOptions.join('')}</select></label>`,
    `<output id="count" aria-live="polite">${model.current.length}件を表示（受信 ${rows.length}件中）</output>`,
    `</div>`,
    `<div class="table-wrap"><table id="submissions"><thead><tr>${head.join('')}</tr></thead><tbody>\n`,
  ].join('\n');
  for (let i = 0; i < rows.length; i++) yield tableRow(rows[i]!, i);
  yield [
    `</tbody></table></div>`,
    `<p id="no-match" class="empty"${model.current.length > 0 ? ' hidden' : ''}>該当する受付はありません。</p>`,
    `<p class="empty">行を選ぶと、記入内容・不備・添付ファイルの詳細を表示します。</p>`,
    `</section>\n`,
  ].join('\n');
}

function totalsSection(model: ReportModel): string {
  const tables = summaryTables(model.summary).map((t) => {
    const head = t.headers.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${e(h)}</th>`).join('');
    const rows = t.rows.map((r) => {
      const kinds = r.kinds ?? t.kinds;
      const cells = r.values.map((v, i) => `<td class="${typeof v === 'number' ? 'num' : 'nowrap'}">${e(displayCell(kinds[i] ?? 'text', v))}</td>`);
      return `<tr><th scope="row">${e(r.label)}</th>${cells.join('')}</tr>`;
    });
    return `<table><caption>${e(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<section id="totals" aria-labelledby="totals-heading"><h2 id="totals-heading">集計</h2><div class="totals">${tables.join('')}</div></section>`;
}

/** The page in pieces, so that a file can be written without holding the whole page in memory. */
export function* htmlReportChunks(model: ReportModel, options: HtmlReportOptions = {}): Generator<string> {
  const rows = pageRows(model);
  const window = `${jstDateTime(model.window.windowStart)} 〜 ${jstDateTime(model.window.windowEnd)}`;
  yield [
    '<!DOCTYPE html>',
    '<html lang="ja"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${e(PAGE_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>受付状況 — ${e(FORM_TITLE)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    `</head><body data-live="${options.live ? '1' : '0'}" data-poll-ms="${Math.max(100, Math.round(options.pollMs ?? 15_000))}">`,
    `<header class="masthead"><div><h1>事前調査 受付状況</h1><p class="subtitle">${e(FORM_TITLE)}</p></div>`,
    `<dl><dt>集計日時</dt><dd id="generated">${e(jstDateTime(model.generatedAt))}（日本時間）</dd><dt>提出期間</dt><dd>${e(window)}</dd></dl>`,
    `<p id="live-status" class="live" hidden>自動更新中</p><p id="queue" class="live" hidden></p></header>`,
    '<main>',
    summaryCards(model.summary),
    chartSection(model),
    '',
  ].join('\n');
  yield* listSection(model, rows);
  yield [
    totalsSection(model),
    '<p class="empty">この資料には申請者の個人情報が含まれます。取扱いに注意し、外部に転送しないでください。</p>',
    '</main>',
    `<dialog id="detail" aria-labelledby="detail-title"><div class="detail-head"><h2 id="detail-title"></h2><div class="actions"><button type="button" id="detail-print">印刷</button><button type="button" id="detail-close">閉じる</button></div></div><div id="detail-body" class="detail-body"></div></dialog>`,
    '<script type="application/json" id="report-data">',
  ].join('\n');
  yield* clientDataJson(model, rows);
  yield `</script>\n<script>${SCRIPT}</script>\n</body></html>\n`;
}

export function renderHtmlReport(model: ReportModel, options: HtmlReportOptions = {}): string {
  return [...htmlReportChunks(model, options)].join('');
}
