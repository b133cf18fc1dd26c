// One readable line per record for terminals: receipt number, applicant, status, flags.
import type { IntakeRecord } from '../record.js';

const STATUS_TEXT = { ok: 'ok', needs_attention: '要対応' } as const;

export function summaryLine(record: IntakeRecord, note = ''): string {
  const applicant = typeof record.form?.applicant.name === 'string' ? record.form.applicant.name : `(${record.message.from || '差出人不明'})`;
  const flags = record.flags.map((f) => (f.field ? `${f.code}(${f.field})` : f.code)).join(', ');
  return [record.receiptNo, STATUS_TEXT[record.status], applicant, flags || '-', note].filter(Boolean).join('  ');
}
