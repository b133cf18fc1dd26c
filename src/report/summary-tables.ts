// 集計 as tables: the workbook's summary sheet and the page's summary section render this one list.
import type { CellKind } from './field-values.js';
import { dayLabel } from './jst.js';
import { STATE_LABELS } from './labels.js';
import type { Phase, ReportSummary } from './summary.js';

export interface SummaryRow {
  label: string;
  values: (string | number | null)[];
  /** Per-value kinds where this row differs from the table's. */
  kinds?: CellKind[];
}

export interface SummaryTable {
  title: string;
  /** The label column's header, then one per value. */
  headers: string[];
  kinds: CellKind[];
  rows: SummaryRow[];
}

const PHASE_LABELS: Readonly<Record<Phase, string>> = { before: '期間前', in: '期間内', after: '期限後' };

export function summaryTables(s: ReportSummary): SummaryTable[] {
  const { arrivals } = s;
  return [
    {
      title: '状態別件数',
      headers: ['状態', '件数'],
      kinds: ['integer'],
      rows: [
        { label: STATE_LABELS.needs_attention, values: [s.needsAttention] },
        { label: STATE_LABELS.ok, values: [s.ok] },
        { label: '現行の受付 計', values: [s.current] },
        { label: STATE_LABELS.superseded, values: [s.superseded] },
        { label: '受信したメール 計', values: [s.messages] },
      ],
    },
    {
      title: '受信時期（提出期間に対して）',
      headers: ['区分', '件数'],
      kinds: ['integer'],
      rows: [
        { label: PHASE_LABELS.before, values: [arrivals.before] },
        { label: PHASE_LABELS.in, values: [arrivals.inWindow] },
        { label: PHASE_LABELS.after, values: [arrivals.after] },
      ],
    },
    {
      title: '法人区分別（現行の受付）',
      headers: ['法人区分', '件数', 'GPU数 合計', '希望助成額 合計'],
      kinds: ['integer', 'integer', 'yen'],
      rows: s.byCategory.map((t) => ({ label: t.label, values: [t.count, t.gpus, t.amountYen] })),
    },
    {
      title: '開発区分別（現行の受付・複数選択あり）',
      headers: ['開発区分', '件数'],
      kinds: ['integer'],
      rows: s.byDevelopmentCategory.map((c) => ({ label: c.label, values: [c.count] })),
    },
    {
      title: 'GPU数・希望助成額（現行の受付）',
      headers: ['項目', '合計', '中央値', '記入件数'],
      kinds: ['integer', 'integer', 'integer'],
      rows: [
        { label: 'GPU数', values: [s.gpus.total, s.gpus.median, s.gpus.answered] },
        { label: '希望助成額', values: [s.amountYen.total, s.amountYen.median, s.amountYen.answered], kinds: ['yen', 'yen', 'integer'] },
      ],
    },
    {
      title: '日別受信件数（日本時間）',
      headers: ['日付', '区分', '件数', '累計'],
      kinds: ['text', 'integer', 'integer'],
      rows: arrivals.days.map((d) => ({ label: dayLabel(d.day, true), values: [PHASE_LABELS[d.phase], d.count, d.cumulative] })),
    },
  ];
}
