// The store contract. SQLite now (sqlite-store.ts); written async so that a PostgreSQL store can
// stand in behind the same interface when workers run on several hosts.
import type { ArchivedBlob, IntakeRecord, RecordDraft, RecordStatus } from '../record.js';

export interface StoredRecord {
  record: IntakeRecord;
  /** Receipt number of the newer submission that replaces this one, or null while it is current. */
  supersededBy: string | null;
  /** When this process stored it (ISO 8601). */
  storedAt: string;
}

export interface SaveResult {
  record: IntakeRecord;
  /** False when a record for the same raw message (sha256) already existed: nothing was written. */
  created: boolean;
}

export interface RecordStore {
  /**
   * Stores a draft: assigns the next receipt number, links resubmissions, archives the blobs.
   * Idempotent on draft.message.sha256: the same message twice gives one record and one receipt.
   */
  save(draft: RecordDraft, blobs: readonly ArchivedBlob[]): Promise<SaveResult>;
  findBySha256(sha256: string): Promise<IntakeRecord | null>;
  /** Every record, newest receipt first. */
  list(): Promise<StoredRecord[]>;
  countByStatus(): Promise<Record<RecordStatus, number>>;
  close(): Promise<void>;
}
