// Small pieces of record text both reports print: flags in words, field labels, the sender.
import { FIELDS } from '../form/definition.js';
import type { Flag, MessageInfo } from '../record.js';
import { plainText } from './cell-text.js';
import { SEVERITY_LABELS } from './labels.js';

const DERIVED_LABELS: Readonly<Record<string, string>> = { 'applicant.grantRate': '助成率' };

/** The label printed on the form for a field key; the key itself for a key the form does not know. */
export function fieldLabel(key: string): string {
  return FIELDS.find((f) => f.key === key)?.label ?? DERIVED_LABELS[key] ?? plainText(key);
}

/** "【エラー】必須項目が未記入：電話番号" — one line per flag, most severe first as stored. */
export function flagWords(flags: readonly Flag[]): string[] {
  return flags.map((flag) => `【${SEVERITY_LABELS[flag.severity] ?? plainText(flag.severity)}】${plainText(flag.message)}`);
}

/** "山田太郎 <taro@example.co.jp>", or the bare address. */
export function senderText(message: MessageInfo): string {
  const from = plainText(message.from);
  return message.fromName ? `${plainText(message.fromName)} <${from}>` : from;
}
