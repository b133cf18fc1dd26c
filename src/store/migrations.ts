// The SQLite schema, versioned by PRAGMA user_version: MIGRATIONS[i] takes a file from version i to
// i + 1. Append new steps; never edit one that has shipped, since existing files already ran it.
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `
  -- One row: the last receipt sequence handed out. A counter rather than max(seq), so a number is
  -- never handed out twice even if a record were deleted.
  CREATE TABLE receipt_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
  ) STRICT;
  INSERT INTO receipt_counter (id, last_seq) VALUES (1, 0);

  CREATE TABLE records (
    receipt_no TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'needs_attention')),
    -- The applicant's identity for resubmission matching (resubmission.ts), all NULL for a record
    -- without a form. Three columns, not one key: the rule falls back from number to name to sender
    -- pair by pair, so a submission without 法人番号 still matches one with it by name.
    match_corporate_number TEXT,
    match_name TEXT,
    match_sender TEXT,
    supersedes TEXT REFERENCES records (receipt_no),
    superseded_by TEXT REFERENCES records (receipt_no),
    stored_at TEXT NOT NULL,
    -- The IntakeRecord as returned; the columns above are derived from it for queries.
    json TEXT NOT NULL
  ) STRICT;
  CREATE INDEX records_by_corporate_number ON records (match_corporate_number);
  CREATE INDEX records_by_name ON records (match_name);
  CREATE INDEX records_by_sender ON records (match_sender);
  `,
];

/** Brings the file to the current schema. Safe when several processes open a new file at once. */
export function migrate(db: Database.Database): void {
  // IMMEDIATE: the version is read under the write lock, so two processes never both migrate.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`intake.sqlite has schema version ${version}, newer than this program knows (${MIGRATIONS.length})`);
    }
    if (version === MIGRATIONS.length) return;
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
