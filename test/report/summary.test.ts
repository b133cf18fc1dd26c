import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/model.js';
import { summaryTables } from '../../src/report/summary-tables.js';
import { DEFAULT_REPORT_WINDOW } from '../../src/report/window.js';
import { NOW, sampleRecords } from './fixtures.js';

describe('report model', () => {
  const model = buildReportModel(sampleRecords(), DEFAULT_REPORT_WINDOW, NOW);

  it('splits current and superseded submissions, in receipt order', () => {
    expect(model.current.map((r) => r.record.receiptNo)).toEqual(['R-0001', 'R-0002', 'R-0003', 'R-0004', 'R-0005', 'R-0007', 'R-0008']);
    expect(model.superseded.map((r) => r.record.receiptNo)).toEqual(['R-0006']);
  });

  it('lists one issue per error or warning of the current submissions, never info flags', () => {
    expect(model.issues.map((i) => `${i.row.record.receiptNo} ${i.flag.code}`)).toEqual([
      'R-0002 exceeds_program_period',
      'R-0003 invalid_value',
      'R-0004 missing_field',
      'R-0005 no_attachment',
      'R-0007 late',
      'R-0008 missing_field',
    ]);
  });

  it('counts by status, 法人区分 and 開発区分 over the current submissions', () => {
    const s = model.summary;
    expect([s.messages, s.current, s.needsAttention, s.ok, s.superseded]).toEqual([8, 7, 5, 2, 1]);
    expect(s.byCategory.map((t) => [t.label, t.count])).toEqual([
      ['大企業', 2],
      ['中小企業等（特定事業者）', 2],
      ['学術機関等', 1],
      ['その他', 1],
      ['未記入', 1],
    ]);
    const large = s.byCategory.find((t) => t.label === '大企業')!;
    expect([large.gpus, large.amountYen]).toEqual([1024 + 256, 2_500_000_000 + 600_000_000]);
    const dev = Object.fromEntries(s.byDevelopmentCategory.map((c) => [c.label, c.count]));
    expect(dev['大規模言語モデル']).toBe(3);
    expect(dev['日本語など汎用データを用いた既存モデルのチューニング']).toBe(1);
    expect(dev['未記入']).toBe(1);
  });

  it('totals and medians GPUs and amounts', () => {
    expect(model.summary.gpus).toEqual({ total: 512 + 256 + 1024 + 32 + 64 + 256, median: 256, answered: 6 });
    expect(model.summary.amountYen).toEqual({ total: 4_880_000_000, median: 525_000_000, answered: 6 });
  });

  it('counts arrivals per JST day against the window', () => {
    const { arrivals } = model.summary;
    expect([arrivals.before, arrivals.inWindow, arrivals.after, arrivals.today]).toEqual([0, 7, 1, '2023-10-12']);
    expect(arrivals.days[0]).toEqual({ day: '2023-09-22', count: 0, cumulative: 0, phase: 'in' });
    expect(arrivals.days.find((d) => d.day === '2023-10-11')).toEqual({ day: '2023-10-11', count: 1, cumulative: 7, phase: 'in' });
    expect(arrivals.days.at(-1)).toEqual({ day: '2023-10-12', count: 1, cumulative: 8, phase: 'after' });
  });

  it('a late-evening arrival in UTC terms falls on its JST day', () => {
    const [record] = sampleRecords();
    record!.record.message.receivedAt = '2023-09-30T15:30:00Z'; // 2023-10-01 00:30 JST
    const days = buildReportModel([record!], DEFAULT_REPORT_WINDOW, NOW).summary.arrivals.days;
    expect(days.find((d) => d.count > 0)?.day).toBe('2023-10-01');
  });

  it('gives the summary tables that both reports render', () => {
    const tables = summaryTables(model.summary);
    expect(tables.map((t) => t.title)).toEqual([
      '状態別件数',
      '受信時期（提出期間に対して）',
      '法人区分別（現行の受付）',
      '開発区分別（現行の受付・複数選択あり）',
      'GPU数・希望助成額（現行の受付）',
      '日別受信件数（日本時間）',
    ]);
    expect(tables[4]!.rows[1]).toEqual({ label: '希望助成額', values: [4_880_000_000, 525_000_000, 6], kinds: ['yen', 'yen', 'integer'] });
  });
});
