// Small pieces of record text both reports print: flags in words, field labels, the sender.
import { FIELDS } from '../form/definition.js';
import type { AttachmentInfo, Flag, FormRecord, MessageInfo, Severity } from '../record.js';
import { plainText } from './cell-text.js';
import { fieldValue } from './field-values.js';
import { GRANT_RATE_LABELS, SEVERITY_LABELS } from './labels.js';
import type { SubmissionRow } from './submission-row.js';

const DERIVED_LABELS: Readonly<Record<string, string>> = { 'applicant.grantRate': '助成率' };

/** The label printed on the form for a field key; the key itself for a key the form does not know. */
export function fieldLabel(key: string): string {
  return FIELDS.find((f) => f.key === key)?.label ?? DERIVED_LABELS[key] ?? plainText(key);
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity] ?? plainText(severity);
}

/** "【エラー】必須項目が未記入：電話番号" — one line per flag, in the record's order. */
export function flagWords(flags: readonly Flag[]): string[] {
  return flags.map((flag) => `【${severityLabel(flag.severity)}】${plainText(flag.message)}`);
}

/** 定額 or 1/2, derived from 法人区分; null without a category. */
export function grantRateText(form: FormRecord | null): string | null {
  const rate = fieldValue(form, 'applicant.grantRate');
  return rate === null || rate === undefined ? null : (GRANT_RATE_LABELS[String(rate)] ?? plainText(rate));
}

/** "R-0006 を差替え", "R-0010 に差替え済み": how a submission relates to the applicant's others. */
export function replacementNotes(row: SubmissionRow): string[] {
  return [
    ...(row.record.supersedes ? [`${plainText(row.record.supersedes)} を差替え`] : []),
    ...(row.supersededBy ? [`${plainText(row.supersededBy)} に差替え済み`] : []),
  ];
}

/** Where a nested attachment came from ("bundle.zip/申請書.pdf"), else its name. */
export function attachmentName(attachment: AttachmentInfo): string {
  return plainText(attachment.path ?? attachment.filename);
}

/** "山田太郎 <taro@example.co.jp>", or the bare address. */
export function senderText(message: MessageInfo): string {
  const from = plainText(message.from);
  return message.fromName ? `${plainText(message.fromName)} <${from}>` : from;
}
