// One stored record as the reports see it: its state for staff and its arrival time parsed once.
import type { Flag, IntakeRecord } from '../record.js';
import type { StoredRecord } from '../store/store.js';
import { parseInstant } from './jst.js';
import type { RowState } from './labels.js';

export interface SubmissionRow {
  record: IntakeRecord;
  /** Receipt number of the newer submission replacing this one, null while it is current. */
  supersededBy: string | null;
  state: RowState;
  /** Null only for a record whose arrival time does not parse; it is still listed. */
  receivedAt: Date | null;
}

/** One row of 不備一覧: a flag staff must act on, with the submission it belongs to. */
export interface IssueRow {
  row: SubmissionRow;
  flag: Flag;
}

export function submissionRow(stored: StoredRecord): SubmissionRow {
  const { record, supersededBy } = stored;
  return {
    record,
    supersededBy,
    // The stored status is trusted only as far as the flags agree: a needs_attention flag always wins.
    state: supersededBy ? 'superseded' : record.status === 'needs_attention' || record.flags.some((f) => f.severity === 'error') ? 'needs_attention' : 'ok',
    receivedAt: parseInstant(record.message.receivedAt),
  };
}

/** The flags staff must follow up (errors and warnings), errors first. */
export function issuesOf(row: SubmissionRow): IssueRow[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return row.record.flags
    .filter((flag) => flag.severity !== 'info')
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map((flag) => ({ row, flag }));
}

const RECEIPT_ORDER = new Intl.Collator('en', { numeric: true });

/** Natural order of receipt numbers: R-0002 before R-0010, and R-9999 before R-10000. */
export function compareReceiptNo(a: string, b: string): number {
  return RECEIPT_ORDER.compare(a, b);
}
