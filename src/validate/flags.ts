// The flag catalog of application-form.md: each code's severity and its Japanese text for staff,
// plus what staff should ask the applicant for (used by the reports).
import type { Flag, FlagCode, Severity } from '../record.js';

interface FlagSpec {
  severity: Severity;
  /** Short Japanese text; the detail (field label, file name, limit) is appended after "：". */
  text: string;
  /** What staff do about it (不備一覧 in the report). */
  action: string;
}

export const FLAG_SPECS: Readonly<Record<FlagCode, FlagSpec>> = {
  late: { severity: 'error', text: '提出期限後の受信', action: '期限後のため受付可否を判断する' },
  early: { severity: 'warning', text: '提出期間開始前の受信', action: '期間内の再提出が必要か確認する' },
  unreadable_message: { severity: 'error', text: 'メールを解析できません', action: '申請者に再送を依頼する' },
  no_attachment: { severity: 'error', text: '添付ファイルがありません', action: '申請書を添付して再送するよう依頼する' },
  no_application_form: { severity: 'error', text: '申請書が見つかりません', action: '申請書（xlsx・docx・pdf）の送付を依頼する' },
  unsupported_format: { severity: 'error', text: '読み取れない形式の添付ファイル', action: 'xlsx・docx・pdf 形式での再送を依頼する' },
  unreadable_attachment: { severity: 'error', text: '添付ファイルを読み取れません', action: '破損・パスワードのないファイルの再送を依頼する' },
  missing_field: { severity: 'error', text: '必須項目が未記入', action: '未記入の項目を確認する' },
  invalid_value: { severity: 'error', text: '記入内容が不正', action: '正しい値を確認する' },
  ineligible: { severity: 'warning', text: '国内の開発拠点がありません', action: '国内の開発拠点の有無を確認する' },
  exceeds_program_period: { severity: 'warning', text: '利用期間が事業期間（6か月）を超えています', action: '利用期間を確認する' },
  inconsistent_value: { severity: 'warning', text: 'GPU時間がGPU数と利用期間に対して過大です', action: 'GPU数・利用期間・GPU時間を確認する' },
  multiple_forms: { severity: 'warning', text: '申請書が複数添付されています（最も記入の多いものを使用）', action: 'どの申請書が正かを確認する' },
  resubmission: { severity: 'info', text: '同一申請者からの再提出（以前の受付を差し替え）', action: '' },
  received_time_uncertain: { severity: 'warning', text: '受信日時をメールのDateヘッダから取得（不確か）', action: 'サーバーの受信記録で受信日時を確認する' },
};

export interface FlagDetail {
  field?: string;
  attachment?: string;
  /** Appended to the text: the field's label, the limit that was hit, the format. */
  detail?: string;
}

export function makeFlag(code: FlagCode, { field, attachment, detail }: FlagDetail = {}): Flag {
  const spec = FLAG_SPECS[code];
  const flag: Flag = { code, severity: spec.severity, message: detail ? `${spec.text}：${detail}` : spec.text };
  if (field !== undefined) flag.field = field;
  if (attachment !== undefined) flag.attachment = attachment;
  return flag;
}
