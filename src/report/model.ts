// Everything both reports show, computed once from the stored records: a pure function, so the
// reports can be tested and benchmarked without a store.
import type { StoredRecord } from '../store/store.js';
import { summarize, type ReportSummary } from './summary.js';
import { compareReceiptNo, issuesOf, submissionRow, type IssueRow, type SubmissionRow } from './submission-row.js';
import type { ReportWindow } from './window.js';

export interface ReportModel {
  generatedAt: Date;
  window: ReportWindow;
  /** Current submissions in receipt order. */
  current: SubmissionRow[];
  /** Submissions replaced by a newer one from the same applicant, in receipt order. */
  superseded: SubmissionRow[];
  /** Errors and warnings of the current submissions: what staff follow up. */
  issues: IssueRow[];
  summary: ReportSummary;
}

export function buildReportModel(stored: readonly StoredRecord[], window: ReportWindow, now: Date): ReportModel {
  const rows = stored.map(submissionRow).sort((a, b) => compareReceiptNo(a.record.receiptNo, b.record.receiptNo));
  const current = rows.filter((r) => r.state !== 'superseded');
  return {
    generatedAt: now,
    window,
    current,
    superseded: rows.filter((r) => r.state === 'superseded'),
    issues: current.flatMap(issuesOf),
    summary: summarize(rows, window, now),
  };
}
