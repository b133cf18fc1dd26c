// The page's one stylesheet. System Japanese fonts only: the page must open offline, from a file
// share or an e-mail attachment, and load nothing.
export const PAGE_CSS = `
:root {
  --ink: #1d2733; --muted: #5b6776; --line: #d5dce4; --paper: #ffffff; --canvas: #f4f6f8;
  --brand: #1f4e79; --attention: #9a3412; --attention-bg: #fff1e0; --warn-bg: #fffbea; --gone: #8a94a0;
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "YuGothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
  font-size: 14px; line-height: 1.6; color: var(--ink); background: var(--canvas);
  font-feature-settings: "palt"; -webkit-text-size-adjust: 100%;
}
* { box-sizing: border-box; }
body { margin: 0; }
h1, h2, h3 { line-height: 1.35; margin: 0; font-weight: 700; }
h1 { font-size: 1.35rem; }
h2 { font-size: 1.05rem; margin-bottom: .6rem; }
h3 { font-size: .95rem; margin: 1rem 0 .4rem; color: var(--brand); }
.masthead { background: var(--brand); color: #fff; padding: .9rem 1.5rem; display: flex; flex-wrap: wrap; gap: .4rem 2rem; align-items: baseline; justify-content: space-between; }
.masthead .subtitle { margin: .1rem 0 0; font-size: .85rem; opacity: .85; }
.masthead dl { display: grid; grid-template-columns: auto auto; gap: 0 .8rem; margin: 0; font-size: .85rem; }
.masthead dt { opacity: .8; }
.masthead dd { margin: 0; font-variant-numeric: tabular-nums; }
.live { font-size: .8rem; margin: 0; opacity: .9; }
main { padding: 1rem 1.5rem 2rem; max-width: 1600px; margin: 0 auto; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem; margin-bottom: 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .8rem; background: none; border: none; padding: 0; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; }
.card .label { font-size: .8rem; color: var(--muted); }
.card .figure { font-size: 1.55rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.3; }
.card .figure small { font-size: .8rem; font-weight: 400; margin-left: .15rem; }
.card .note { font-size: .75rem; color: var(--muted); }
.card.attention { border-color: #f0b37e; background: var(--attention-bg); }
.card.attention .figure { color: var(--attention); }
.chart { width: 100%; height: auto; max-height: 280px; display: block; }
.chart .window { fill: #eef4fb; }
.chart .grid { stroke: #e3e8ee; }
.chart .bar { fill: #4a7fb5; }
.chart .bar.weekend { fill: #8fb0d3; }
.chart .bar.before, .chart .bar.after { fill: #c2410c; }
.chart .value { font-size: 11px; fill: var(--ink); }
.chart .axis { font-size: 11px; fill: var(--muted); }
.chart .axis.sub { font-size: 10px; }
.chart .axis.today, .chart text.today { fill: #0f766e; font-weight: 700; }
.chart line.today { stroke: #0f766e; stroke-dasharray: 4 3; }
.chart .deadline { stroke: #b91c1c; stroke-width: 2; fill: #b91c1c; font-size: 12px; font-weight: 700; }
.chart text.deadline { stroke: none; }
.chart .cumulative { fill: none; stroke: #0f766e; stroke-width: 2; }
.chart .cumulative-axis { fill: #0f766e; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .8rem; color: var(--muted); margin-top: .3rem; }
.legend span::before { content: ""; display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -.05em; background: #4a7fb5; }
.legend .l-late::before { background: #c2410c; }
.legend .l-total::before { background: #0f766e; height: .2em; vertical-align: .25em; }
.legend .l-deadline::before { background: #b91c1c; width: .2em; }
.controls { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin-bottom: .7rem; }
.controls label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .15rem; }
.controls input, .controls select { font: inherit; font-size: .9rem; padding: .3rem .5rem; border: 1px solid #aab4bf; border-radius: 4px; background: #fff; color: var(--ink); }
.controls input[type=search] { width: 22rem; max-width: 80vw; }
.controls output { margin-left: auto; font-size: .9rem; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eaf0f6; position: sticky; top: 0; z-index: 1; white-space: nowrap; }
th button { font: inherit; font-weight: 700; color: inherit; background: none; border: none; padding: 0; cursor: pointer; }
th button::after { content: "↕"; margin-left: .25rem; color: #9aa6b2; font-weight: 400; }
th[aria-sort=ascending] button::after { content: "▲"; color: var(--brand); }
th[aria-sort=descending] button::after { content: "▼"; color: var(--brand); }
td { white-space: pre-line; overflow-wrap: anywhere; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
td.placeholder { color: var(--muted); }
#submissions tbody tr { cursor: pointer; }
@media screen { #submissions tbody tr:hover, #submissions tbody tr:focus { background: #eef4fb; outline: none; } }
#submissions tr.needs_attention { background: var(--attention-bg); box-shadow: inset 4px 0 0 #ea8a3d; }
#submissions tr.superseded { color: var(--gone); }
#submissions td.flags { min-width: 16rem; max-width: 28rem; font-size: .8rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .78rem; white-space: nowrap; border: 1px solid transparent; }
.badge.needs_attention { background: #c2410c; color: #fff; }
.badge.ok { background: #e6f4ea; color: #14532d; border-color: #a7d7b5; }
.badge.superseded { background: #eceff2; color: #4b5563; border-color: #cfd5dc; }
.empty { color: var(--muted); padding: 1rem 0; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem 1.5rem; align-items: start; }
.totals table { font-size: .82rem; }
.totals caption { text-align: left; font-weight: 700; padding-bottom: .3rem; }
.totals td.num, .totals th.num { text-align: right; }
dialog { width: min(980px, 96vw); max-height: 92vh; border: none; border-radius: 8px; padding: 0; box-shadow: 0 12px 40px rgba(0,0,0,.3); color: var(--ink); }
dialog::backdrop { background: rgba(20, 30, 40, .45); }
.detail-head { position: sticky; top: 0; background: var(--brand); color: #fff; display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .7rem 1.1rem; }
.detail-head .actions { display: flex; gap: .5rem; }
.detail-head button { font: inherit; background: #fff; color: var(--brand); border: none; border-radius: 4px; padding: .25rem .8rem; cursor: pointer; }
.detail-body { padding: .4rem 1.2rem 1.2rem; }
.detail-body .empty { padding: 0; margin: .2rem 0 .6rem; }
.detail-body dl { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; margin: 0; border-top: 1px solid var(--line); }
.detail-body dt, .detail-body dd { padding: .3rem .4rem; border-bottom: 1px solid var(--line); margin: 0; }
.detail-body dt { color: var(--muted); background: #f7f9fb; font-size: .85rem; }
.detail-body dd { white-space: pre-wrap; overflow-wrap: anywhere; }
.detail-body dd.unanswered { color: #a0a9b3; }
.detail-body tr.error td:first-child { color: var(--attention); font-weight: 700; }
@media (max-width: 760px) {
  main { padding: .6rem; }
  .controls input[type=search] { width: 100%; }
  .detail-body .empty { padding: 0; margin: .2rem 0 .6rem; }
.detail-body dl { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  :root { background: #fff; font-size: 10pt; }
  .masthead { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 .4rem; }
  main { padding: 0; max-width: none; }
  section { border: none; padding: 0; margin: 0 0 .8rem; break-inside: auto; }
  .controls, .live, #queue { display: none !important; }
  thead th { position: static; }
  th[aria-sort=none] button::after { content: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  #submissions tr.needs_attention { box-shadow: none; border-left: 3px solid #ea8a3d; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  dialog:not([open]) { display: none; }
  /* With a submission open, the printout is that submission alone. */
  body:has(dialog[open]) > :not(dialog) { display: none; }
  dialog[open] { position: static; width: auto; max-height: none; box-shadow: none; overflow: visible; }
  .detail-head { position: static; background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
  .detail-head button { display: none; }
}
`;
