// Compares the daemon's records with the files-only reference, "receipt numbers aside": receipt
// numbers are translated through the sha256 both records share, so links between records
// (supersedes, the resubmission flag's text) must still agree.
import type { IntakeRecord } from '../../src/record.js';

export function receiptMap(ours: readonly IntakeRecord[], reference: readonly IntakeRecord[]): Map<string, string> {
  const bySha = new Map(reference.map((r) => [r.message.sha256, r.receiptNo]));
  const map = new Map<string, string>();
  for (const r of ours) {
    const ref = bySha.get(r.message.sha256);
    if (ref) map.set(r.receiptNo, ref);
  }
  return map;
}

/**
 * The parts of a record that depend on the transport are dropped: receipt numbers (translated),
 * message.mailbox, message.receivedAtSource, and the received_time_uncertain flag (a message read
 * from a file may lack a Received header; an IMAP arrival always has INTERNALDATE).
 */
export function comparable(record: IntakeRecord, receipts: ReadonlyMap<string, string> = new Map()): unknown {
  const translate = (text: string): string => text.replace(/[A-Z]+-\d{4,}/g, (no) => receipts.get(no) ?? no);
  return {
    ...record,
    receiptNo: undefined,
    supersedes: record.supersedes ? translate(record.supersedes) : null,
    message: { ...record.message, mailbox: undefined, receivedAtSource: undefined },
    flags: record.flags.filter((f) => f.code !== 'received_time_uncertain').map((f) => ({ ...f, message: translate(f.message) })),
  };
}
