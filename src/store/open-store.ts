// Opens the records store in the data directory: <dataDir>/intake.sqlite, and the archive of raw
// messages and attachments beside it in <dataDir>/archive.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { SqliteRecordStore } from './sqlite-store.js';
import type { RecordStore } from './store.js';

export async function openStore(dataDir: string, receiptPrefix: string): Promise<RecordStore> {
  // Owner-only: the records and the archived messages hold applicants' personal data.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const dbFile = path.join(dataDir, 'intake.sqlite');
  // Created owner-only before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
  await (await open(dbFile, 'a', 0o600)).close();
  return new SqliteRecordStore(dbFile, path.join(dataDir, 'archive'), receiptPrefix);
}
