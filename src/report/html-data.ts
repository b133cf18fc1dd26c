// The data the page's script works from: sort keys, flag codes and search text for each table row,
// and the detail view of each submission. Every string is display text; the script only ever puts
// it into the page with textContent.
import { FIELDS, SECTIONS, type FieldDef } from '../form/definition.js';
import type { IntakeRecord } from '../record.js';
import { FLAG_SPECS } from '../validate/flags.js';
import { plainText } from './cell-text.js';
import { jsonForHtml } from './html-escape.js';
import { SUBMISSION_COLUMNS } from './columns.js';
import { displayCell, fieldCell, fieldValue, formatNumber, kindOfField } from './field-values.js';
import { jstDateTime } from './jst.js';
import { ATTACHMENT_ROLE_LABELS, RECEIVED_AT_SOURCE_LABELS, STATE_LABELS, type RowState } from './labels.js';
import type { ReportModel } from './model.js';
import { attachmentName, fieldLabel, grantRateText, replacementNotes, senderText, severityLabel } from './record-text.js';
import { compareReceiptNo, type SubmissionRow } from './submission-row.js';

/** The columns of the page's table: the workbook's, less those left to the detail view. */
export const TABLE_COLUMNS = SUBMISSION_COLUMNS.filter((c) => c.inTable);

export interface ClientFlag {
  severity: string;
  error: boolean;
  message: string;
  field: string;
  attachment: string;
  action: string;
}

export interface ClientDetail {
  title: string;
  /** Values for ClientData.metaLabels. */
  meta: string[];
  /** Values for ClientData.formSections, or null when no 申請書 was read. */
  form: string[][] | null;
  flags: ClientFlag[];
  attachments: string[][];
}

export interface ClientRow {
  state: RowState;
  /** Per table column: a number to sort by, or null to sort by the cell's text. */
  keys: (number | null)[];
  flags: string[];
  detail: ClientDetail;
}

export interface ClientData {
  /** Changes whenever the records do; the live page polls for it. */
  version: string;
  stateLabels: Record<RowState, string>;
  metaLabels: string[];
  formSections: { title: string; labels: string[] }[];
  attachmentHeaders: string[];
  rows: ClientRow[];
}

const META_LABELS = ['受付番号', '状態', '受信日時', '受信日時の根拠', '差出人', '件名', 'Message-ID', '差替え', '読み取った申請書'];
const ATTACHMENT_HEADERS = ['ファイル名', '形式', '種別', 'サイズ'];

interface DetailEntry {
  label: string;
  text(record: IntakeRecord): string;
}

function fieldEntry(field: FieldDef): DetailEntry {
  return {
    label: field.label,
    text(record) {
      const cell = fieldCell(field, fieldValue(record.form, field.key));
      if (cell !== null) return displayCell(kindOfField(field), cell);
      // A value the reader could not interpret is kept verbatim in `raw`: staff see what was written.
      const raw = record.form?.raw?.[field.key];
      return raw ? `（解釈できない記入）${plainText(raw)}` : '';
    },
  };
}

const grantRate: DetailEntry = { label: '助成率（法人区分から算出）', text: (record) => grantRateText(record.form) ?? '' };

/** The form's sections as printed (business fields sit in section 5), then the form's metadata. */
const DETAIL_SECTIONS: readonly { title: string; entries: readonly DetailEntry[] }[] = [
  ...SECTIONS.map((s) => ({
    title: `${s.no}. ${s.title}`,
    entries: [...FIELDS.filter((f) => f.section === s.id).map(fieldEntry), ...(s.id === 'applicant' ? [grantRate] : [])],
  })),
  { title: '申請書', entries: FIELDS.filter((f) => f.section === 'form').map(fieldEntry) },
];

/**
 * Records are only ever added (a resubmission adds one and marks an older one in the same
 * transaction), so their count tells whether a page is out of date.
 */
export function reportVersion(recordCount: number): string {
  return String(recordCount);
}

/**
 * The page lists the latest arrival first: during the deadline rush, what just came in is what
 * staff look at. (Receipt numbers break ties; a record whose arrival time is unreadable goes last.)
 */
export function pageRows(model: ReportModel): SubmissionRow[] {
  const time = (row: SubmissionRow) => row.receivedAt?.getTime() ?? -Infinity;
  return [...model.current, ...model.superseded].sort((a, b) => time(b) - time(a) || compareReceiptNo(b.record.receiptNo, a.record.receiptNo));
}

/** The table column the page starts sorted on (descending), matching pageRows. */
export const INITIAL_SORT_COLUMN = TABLE_COLUMNS.findIndex((c) => c.kind === 'datetime');

function detailOf(row: SubmissionRow): ClientDetail {
  const { record } = row;
  const name = plainText(fieldValue(record.form, 'applicant.name'));
  return {
    title: `${plainText(record.receiptNo)}　${name || senderText(record.message) || '（差出人不明）'}`,
    meta: [
      plainText(record.receiptNo),
      STATE_LABELS[row.state],
      row.receivedAt ? `${jstDateTime(row.receivedAt)}（日本時間）` : plainText(record.message.receivedAt),
      RECEIVED_AT_SOURCE_LABELS[record.message.receivedAtSource] ?? plainText(record.message.receivedAtSource),
      senderText(record.message),
      plainText(record.message.subject),
      plainText(record.message.messageId),
      replacementNotes(row).join('、'),
      plainText(record.form?.sourceAttachment),
    ],
    form: record.form ? DETAIL_SECTIONS.map((section) => section.entries.map((entry) => entry.text(record))) : null,
    flags: record.flags.map((flag) => ({
      severity: severityLabel(flag.severity),
      error: flag.severity === 'error',
      message: plainText(flag.message),
      field: flag.field ? fieldLabel(flag.field) : '',
      attachment: plainText(flag.attachment),
      action: FLAG_SPECS[flag.code]?.action ?? '',
    })),
    attachments: record.attachments.map((a) => [
      attachmentName(a),
      plainText(a.format),
      ATTACHMENT_ROLE_LABELS[a.role] ?? plainText(a.role),
      typeof a.size === 'number' ? `${formatNumber(Math.max(1, Math.round(a.size / 1024)))} KB` : '',
    ]),
  };
}

function sortKey(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'number' ? value : null;
}

function clientRow(row: SubmissionRow): ClientRow {
  return {
    state: row.state,
    keys: TABLE_COLUMNS.map((c) => sortKey(c.value(row))),
    flags: [...new Set(row.record.flags.map((f) => f.code))],
    detail: detailOf(row),
  };
}

/**
 * The ClientData JSON for the page's data block, in pieces: one row at a time, so that 10,000
 * submissions never exist as one object graph and one huge string at once.
 */
export function* clientDataJson(model: ReportModel, rows: readonly SubmissionRow[]): Generator<string> {
  const head: Omit<ClientData, 'rows'> = {
    version: reportVersion(model.summary.messages),
    stateLabels: { ...STATE_LABELS },
    metaLabels: META_LABELS,
    formSections: DETAIL_SECTIONS.map((s) => ({ title: s.title, labels: s.entries.map((e) => e.label) })),
    attachmentHeaders: ATTACHMENT_HEADERS,
  };
  yield `${jsonForHtml(head).slice(0, -1)},"rows":[`;
  for (let i = 0; i < rows.length; i++) yield `${i > 0 ? ',' : ''}${jsonForHtml(clientRow(rows[i]!))}`;
  yield ']}';
}

/** The flag codes present, with their staff text and how many rows carry each, for the flag filter. */
export function flagChoices(rows: readonly SubmissionRow[]): { code: string; text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const code of new Set(row.record.flags.map((f) => f.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  return Object.entries(FLAG_SPECS)
    .filter(([code]) => counts.has(code))
    .map(([code, spec]) => ({ code, text: spec.text, count: counts.get(code)! }));
}
