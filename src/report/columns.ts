// The columns of the submission list and of 不備一覧: the one list both the workbook and the web page
// render, so the two reports always show the same thing under the same header.
import { fieldByKey } from '../form/definition.js';
import { FLAG_SPECS } from '../validate/flags.js';
import { plainText } from './cell-text.js';
import { fieldCell, fieldValue, kindOfField, type CellKind, type CellValue } from './field-values.js';
import { STATE_LABELS } from './labels.js';
import type { IssueRow, SubmissionRow } from './submission-row.js';
import { attachmentName, fieldLabel, flagWords, grantRateText, replacementNotes, senderText, severityLabel } from './record-text.js';

export interface Column<Row> {
  header: string;
  kind: CellKind;
  /** Workbook column width, in characters. */
  width: number;
  /** Also a column of the page's table; the rest appear in its detail view (the page must fit a laptop). */
  inTable?: boolean;
  /** How the page's table shows it: on one line, as a status badge, or as a wide text column. */
  display?: 'nowrap' | 'badge' | 'wide';
  /** What the page's table shows, greyed, where the value is blank (the workbook has more columns). */
  placeholder?(row: Row): string | null;
  value(row: Row): CellValue;
}

type SubmissionColumn = Column<SubmissionRow>;

function field(key: string, header: string, width: number, inTable = false, display?: Column<SubmissionRow>['display']): SubmissionColumn {
  const def = fieldByKey(key);
  return { header, kind: kindOfField(def), width, inTable, ...(display ? { display } : {}), value: (row) => fieldCell(def, fieldValue(row.record.form, key)) };
}

function lines(values: readonly string[]): string | null {
  return values.length > 0 ? values.join('\n') : null;
}

const receiptNo: SubmissionColumn = { header: '受付番号', kind: 'text', width: 10, inTable: true, display: 'nowrap', value: (row) => row.record.receiptNo };
const receivedAt: SubmissionColumn = {
  header: '受信日時',
  kind: 'datetime',
  width: 17,
  inTable: true,
  display: 'nowrap',
  // An unparsable arrival time is shown as it was stored rather than hidden.
  value: (row) => row.receivedAt ?? plainText(row.record.message.receivedAt),
};
const state: SubmissionColumn = { header: '状態', kind: 'text', width: 10, inTable: true, display: 'badge', value: (row) => STATE_LABELS[row.state] };
const applicantName: SubmissionColumn = {
  ...field('applicant.name', '法人名', 30, true),
  // A mail without a readable 申請書 has no applicant name; the sender is who staff contact.
  placeholder: (row) => (row.record.form ? null : `（申請書なし）${senderText(row.record.message)}`),
};
const sender: SubmissionColumn = { header: '差出人', kind: 'text', width: 30, value: (row) => senderText(row.record.message) || null };
const grantRate: SubmissionColumn = { header: '助成率', kind: 'text', width: 8, value: (row) => grantRateText(row.record.form) };
const contactName = field('contact.name', '担当者', 14);
const phone = field('contact.phone', '電話', 16);
const email = field('contact.email', 'メール', 28);
const flags: SubmissionColumn = { header: '不備・注意', kind: 'text', width: 44, inTable: true, display: 'wide', value: (row) => lines(flagWords(row.record.flags)) };
const replacement: SubmissionColumn = {
  header: '差替え',
  kind: 'text',
  width: 18,
  inTable: true,
  value: (row) => lines(replacementNotes(row)),
};
const attachments: SubmissionColumn = {
  header: '添付ファイル',
  kind: 'text',
  width: 32,
  value: (row) => lines(row.record.attachments.map(attachmentName)),
};

/** 受付一覧 (and the page's table): the columns issue 4 lists, plus the sender for mails without a form. */
export const SUBMISSION_COLUMNS: readonly SubmissionColumn[] = [
  receiptNo,
  receivedAt,
  state,
  applicantName,
  sender,
  field('applicant.corporateNumber', '法人番号', 15),
  field('applicant.category', '法人区分', 18, true, 'nowrap'),
  grantRate,
  field('development.categories', '開発区分', 34),
  field('compute.gpuType', 'GPU種類', 12, true),
  field('compute.gpuCount', 'GPU数', 9, true),
  field('compute.periodMonths', '利用期間', 9),
  field('compute.requestedAmountYen', '希望助成額', 16, true),
  field('development.openness', '公開方針', 18),
  contactName,
  phone,
  email,
  flags,
  replacement,
  attachments,
];

function ofSubmission({ header, kind, width, value }: SubmissionColumn): Column<IssueRow> {
  return { header, kind, width, value: (issue) => value(issue.row) };
}

/** 不備一覧: one row per error or warning, with what to ask the applicant for and whom to call. */
export const ISSUE_COLUMNS: readonly Column<IssueRow>[] = [
  ofSubmission(receiptNo),
  ofSubmission(receivedAt),
  ofSubmission(applicantName),
  { header: '重要度', kind: 'text', width: 8, value: ({ flag }) => severityLabel(flag.severity) },
  { header: '内容', kind: 'text', width: 40, value: ({ flag }) => plainText(flag.message) },
  { header: '項目', kind: 'text', width: 20, value: ({ flag }) => (flag.field ? fieldLabel(flag.field) : null) },
  { header: '対象ファイル', kind: 'text', width: 24, value: ({ flag }) => (flag.attachment ? plainText(flag.attachment) : null) },
  { header: '依頼・確認事項', kind: 'text', width: 40, value: ({ flag }) => FLAG_SPECS[flag.code]?.action || null },
  ofSubmission(contactName),
  ofSubmission(phone),
  ofSubmission(email),
  ofSubmission(sender),
];
