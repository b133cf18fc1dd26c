// Japanese words for the codes the reports show. Field and option labels come from the form
// definition (src/form/definition.ts); flag texts from src/validate/flags.ts. These are the rest.
import type { AttachmentInfo, ReceivedAtSource, Severity } from '../record.js';

/** What a row is to staff: the record's status, or replaced by a newer submission. */
export type RowState = 'needs_attention' | 'ok' | 'superseded';

export const STATE_LABELS: Readonly<Record<RowState, string>> = {
  needs_attention: '要対応',
  ok: '問題なし',
  superseded: '差替え済み',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'エラー',
  warning: '注意',
  info: '情報',
};

/** applicant.grantRate is derived, not a form field, so its words live here (call for the survey). */
export const GRANT_RATE_LABELS: Readonly<Record<string, string>> = {
  fixed: '定額',
  half: '1/2',
};

export const RECEIVED_AT_SOURCE_LABELS: Readonly<Record<ReceivedAtSource, string>> = {
  internaldate: 'メールサーバーの受信日時',
  received_header: 'Receivedヘッダ',
  date_header: 'Dateヘッダ（不確か）',
};

export const ATTACHMENT_ROLE_LABELS: Readonly<Record<AttachmentInfo['role'], string>> = {
  application_form: '申請書',
  other: 'その他',
};

/** Shown where a required value is absent, so a blank is never mistaken for "not loaded". */
export const UNANSWERED = '未記入';
