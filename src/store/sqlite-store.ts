// The RecordStore on SQLite: one file in WAL mode, shared by every worker process on the host. Each
// save is one BEGIN IMMEDIATE transaction: the write lock is taken before anything is read, so two
// processes can never both see "no record yet" or read the same last receipt number; the second
// waits for the first (busy_timeout) and then sees its commit.
import Database from 'better-sqlite3';
import { statusOf, type ArchivedBlob, type IntakeRecord, type RecordDraft, type RecordStatus } from '../record.js';
import { archiveBlobs } from './archive.js';
import { migrate } from './migrations.js';
import { applicantIdentity, linkSubmissions, withSupersedes, type Submission } from './resubmission.js';
import type { RecordStore, SaveResult, StoredRecord } from './store.js';

/** How long a writer waits for another's lock: a save holds it for milliseconds, so 5 s means stuck. */
const BUSY_TIMEOUT_MS = 5_000;
/** R-0001 … R-9999; longer sequences simply grow (R-10000). */
const RECEIPT_DIGITS = 4;

interface LinkRow {
  receipt_no: string;
  seq: number;
  received_at: string;
  match_corporate_number: string | null;
  match_name: string | null;
  match_sender: string | null;
  supersedes: string | null;
  superseded_by: string | null;
}

const LINK_COLUMNS = 'receipt_no, seq, received_at, match_corporate_number, match_name, match_sender, supersedes, superseded_by';
const MATCH_COLUMNS = ['match_corporate_number', 'match_name', 'match_sender'] as const;

interface ListRow {
  json: string;
  superseded_by: string | null;
  stored_at: string;
}

export class SqliteRecordStore implements RecordStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly saveTransaction;

  constructor(
    dbFile: string,
    private readonly archiveDir: string,
    private readonly receiptPrefix: string,
  ) {
    this.db = new Database(dbFile, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    // FULL, not WAL's usual NORMAL: the mailbox marks a message done once save returns, so a commit
    // lost to a power cut would lose the message's only record.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.statements = {
      jsonBySha256: this.db.prepare<[string], { json: string }>('SELECT json FROM records WHERE sha256 = ?'),
      jsonByReceipt: this.db.prepare<[string], { json: string }>('SELECT json FROM records WHERE receipt_no = ?'),
      nextSeq: this.db.prepare<[], { last_seq: number }>('UPDATE receipt_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq'),
      insert: this.db.prepare(
        `INSERT INTO records (receipt_no, seq, sha256, received_at, status, match_corporate_number, match_name, match_sender, stored_at, json)
         VALUES (@receiptNo, @seq, @sha256, @receivedAt, @status, @corporateNumber, @name, @sender, @storedAt, @json)`,
      ),
      linkRow: this.db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM records WHERE receipt_no = ?`),
      linkRowsBy: {
        match_corporate_number: this.db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM records WHERE match_corporate_number = ?`),
        match_name: this.db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM records WHERE match_name = ?`),
        match_sender: this.db.prepare<[string], LinkRow>(`SELECT ${LINK_COLUMNS} FROM records WHERE match_sender = ?`),
      },
      setSupersedes: this.db.prepare('UPDATE records SET supersedes = ?, status = ?, json = ? WHERE receipt_no = ?'),
      setSupersededBy: this.db.prepare('UPDATE records SET superseded_by = ? WHERE receipt_no = ?'),
      list: this.db.prepare<[], ListRow>('SELECT json, superseded_by, stored_at FROM records ORDER BY seq DESC'),
      countByStatus: this.db.prepare<[], { status: RecordStatus; n: number }>('SELECT status, count(*) AS n FROM records GROUP BY status'),
    };
    this.saveTransaction = this.db.transaction((draft: RecordDraft): SaveResult => this.insertOrFind(draft));
  }

  async save(draft: RecordDraft, blobs: readonly ArchivedBlob[]): Promise<SaveResult> {
    if (Number.isNaN(Date.parse(draft.message.receivedAt))) {
      throw new Error(`store: draft ${draft.message.sha256} has no valid receivedAt (${JSON.stringify(draft.message.receivedAt)})`);
    }
    const existing = this.findSync(draft.message.sha256);
    if (existing) return { record: existing, created: false };
    // Before the commit, outside the lock: a record must never point at missing bytes, and bytes
    // left behind by a save that then fails are harmless (content-addressed, written again next time).
    await archiveBlobs(this.archiveDir, blobs);
    return this.saveTransaction.immediate(draft);
  }

  async findBySha256(sha256: string): Promise<IntakeRecord | null> {
    return this.findSync(sha256);
  }

  async list(): Promise<StoredRecord[]> {
    return this.statements.list.all().map((row) => ({
      record: JSON.parse(row.json) as IntakeRecord,
      supersededBy: row.superseded_by,
      storedAt: row.stored_at,
    }));
  }

  async countByStatus(): Promise<Record<RecordStatus, number>> {
    const counts: Record<RecordStatus, number> = { ok: 0, needs_attention: 0 };
    for (const { status, n } of this.statements.countByStatus.all()) counts[status] = n;
    return counts;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private findSync(sha256: string): IntakeRecord | null {
    const row = this.statements.jsonBySha256.get(sha256);
    return row ? (JSON.parse(row.json) as IntakeRecord) : null;
  }

  /** Runs under the write lock. */
  private insertOrFind(draft: RecordDraft): SaveResult {
    // Checked again under the lock: another process may have stored the same message meanwhile.
    const existing = this.findSync(draft.message.sha256);
    if (existing) return { record: existing, created: false };
    const counter = this.statements.nextSeq.get();
    if (!counter) throw new Error('store: receipt_counter row is missing');
    const receiptNo = `${this.receiptPrefix}${String(counter.last_seq).padStart(RECEIPT_DIGITS, '0')}`;
    // Through withSupersedes so that a resubmission flag in the draft never outlives the linking.
    const record = withSupersedes(
      {
        schema: draft.schema,
        receiptNo,
        message: draft.message,
        status: statusOf(draft.flags),
        flags: draft.flags,
        attachments: draft.attachments,
        form: draft.form,
        supersedes: null,
      },
      null,
    );
    const identity = applicantIdentity(record);
    this.statements.insert.run({
      receiptNo,
      seq: counter.last_seq,
      sha256: record.message.sha256,
      receivedAt: record.message.receivedAt,
      status: record.status,
      corporateNumber: identity?.corporateNumber ?? null,
      name: identity?.name ?? null,
      sender: identity?.sender ?? null,
      storedAt: new Date().toISOString(),
      json: JSON.stringify(record),
    });
    if (identity) this.relink(receiptNo);
    return { record: this.recordAt(receiptNo), created: true };
  }

  /** Recomputes the chains around a new submission and rewrites the rows whose links changed. */
  private relink(receiptNo: string): void {
    const rows = this.linkGroup(receiptNo);
    const links = linkSubmissions(rows.map(toSubmission));
    for (const row of rows) {
      const link = links.get(row.receipt_no);
      if (!link) throw new Error(`store: no link computed for ${row.receipt_no}`);
      if (link.supersedes !== row.supersedes) {
        const record = withSupersedes(this.recordAt(row.receipt_no), link.supersedes);
        this.statements.setSupersedes.run(link.supersedes, record.status, JSON.stringify(record), row.receipt_no);
      }
      if (link.supersededBy !== row.superseded_by) this.statements.setSupersededBy.run(link.supersededBy, row.receipt_no);
    }
  }

  /**
   * Every record reachable from this one through a shared number, name or sender: a superset of the
   * applicant's submissions and all that linking needs (records outside it can never match). Each
   * value is looked up once through its index, so an applicant who resubmits many times costs a
   * scan of their own records, not one per record (a recursive join was quadratic in that case).
   */
  private linkGroup(receiptNo: string): LinkRow[] {
    const start = this.statements.linkRow.get(receiptNo);
    if (!start) throw new Error(`store: record ${receiptNo} vanished inside its transaction`);
    const group = new Map([[start.receipt_no, start]]);
    const looked = new Set<string>();
    const frontier = [start];
    for (let row = frontier.pop(); row; row = frontier.pop()) {
      for (const column of MATCH_COLUMNS) {
        const value = row[column];
        if (value === null || looked.has(`${column}\0${value}`)) continue;
        looked.add(`${column}\0${value}`);
        for (const found of this.statements.linkRowsBy[column].all(value)) {
          if (group.has(found.receipt_no)) continue;
          group.set(found.receipt_no, found);
          frontier.push(found);
        }
      }
    }
    return [...group.values()];
  }

  private recordAt(receiptNo: string): IntakeRecord {
    const row = this.statements.jsonByReceipt.get(receiptNo);
    if (!row) throw new Error(`store: record ${receiptNo} vanished inside its transaction`);
    return JSON.parse(row.json) as IntakeRecord;
  }
}

function toSubmission(row: LinkRow): Submission {
  return {
    receiptNo: row.receipt_no,
    seq: row.seq,
    receivedAt: row.received_at,
    identity: { corporateNumber: row.match_corporate_number, name: row.match_name, sender: row.match_sender },
  };
}
