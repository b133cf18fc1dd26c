import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_SCHEMA, type ArchivedBlob, type Flag, type RecordDraft } from '../record.js';
import { makeFlag } from '../validate/flags.js';
import { archivePath } from './archive.js';
import { openStore } from './open-store.js';
import type { RecordStore } from './store.js';

interface Submission {
  draft: RecordDraft;
  blobs: ArchivedBlob[];
}

interface DraftOptions {
  /** False for a message without a readable form. */
  withForm?: boolean;
  name?: string | null;
  corporateNumber?: string | null;
  from?: string;
  receivedAt?: string;
  flags?: Flag[];
}

function archived(bytes: Buffer): ArchivedBlob {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** A draft as the pipeline makes it, with its raw message and form attachment as blobs. */
function submission(options: DraftOptions = {}): Submission {
  const { withForm = true, name = '株式会社テスト', corporateNumber = null, from = 'taro@example.co.jp', receivedAt = '2023-10-01T10:00:00+09:00', flags = [] } = options;
  const message = archived(Buffer.from(`Message-ID: <${randomUUID()}@example.co.jp>\r\nFrom: ${from}\r\n\r\n申請書を送付します。`));
  const attachment = archived(Buffer.from(`xlsx bytes ${randomUUID()}`));
  const draft: RecordDraft = {
    schema: RECORD_SCHEMA,
    message: { messageId: null, from, fromName: null, subject: '申請書の提出', receivedAt, receivedAtSource: 'internaldate', sha256: message.sha256, mailbox: null },
    status: 'ok',
    flags,
    attachments: withForm
      ? [{ filename: '申請書.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: attachment.bytes.length, sha256: attachment.sha256, format: 'xlsx', role: 'application_form' }]
      : [],
    form: withForm
      ? { sourceAttachment: '申請書.xlsx', applicant: { name, corporateNumber }, contact: {}, development: {}, compute: {}, organization: {}, business: {}, form: {}, raw: {} }
      : null,
  };
  return { draft, blobs: withForm ? [message, attachment] : [message] };
}

async function save(store: RecordStore, s: Submission) {
  return store.save(s.draft, s.blobs);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const NUMBER_A = '1234567890123';
const NUMBER_B = '9876543210987';

describe('SqliteRecordStore', () => {
  let root: string;
  let dataDir: string;
  const opened: RecordStore[] = [];

  async function open(prefix = 'R-'): Promise<RecordStore> {
    const store = await openStore(dataDir, prefix);
    opened.push(store);
    return store;
  }

  /** A second, raw connection: what an operator (or a bug) could do to the file. */
  function rawDb(): Database.Database {
    return new Database(path.join(dataDir, 'intake.sqlite'), { timeout: 5_000 });
  }

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'intake-store-'));
    dataDir = path.join(root, 'nested', 'data');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(root, { recursive: true, force: true });
  });

  describe('files', () => {
    it('creates the data directory owner-only, with the database in it', async () => {
      await open();
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(dataDir, 'intake.sqlite'))).mode & 0o777).toBe(0o600);
    });

    it('archives every blob under its hash and writes nothing outside the data directory', async () => {
      const store = await open();
      const a = submission();
      const b = submission({ withForm: false });
      await save(store, a);
      await save(store, b);
      for (const blob of [...a.blobs, ...b.blobs]) {
        expect(await readFile(archivePath(path.join(dataDir, 'archive'), blob.sha256))).toEqual(blob.bytes);
      }
      expect(await readdir(root)).toEqual(['nested']);
      expect(await readdir(path.join(root, 'nested'))).toEqual(['data']);
      const expected = [...a.blobs, ...b.blobs].map((blob) => path.join('archive', blob.sha256.slice(0, 2), blob.sha256));
      const database = /^intake\.sqlite(-wal|-shm)?$/;
      const files = await filesUnder(dataDir);
      expect(files.filter((f) => !database.test(f)).sort()).toEqual(expected.sort());
    });

    it('stores no record when its bytes cannot be archived', async () => {
      const store = await open();
      const s = submission();
      const mislabelled = { sha256: s.blobs[0]?.sha256 ?? '', bytes: Buffer.from('other bytes') };
      await expect(store.save(s.draft, [mislabelled])).rejects.toThrow(/hashes to/);
      expect(await store.findBySha256(s.draft.message.sha256)).toBeNull();
      expect(await store.countByStatus()).toEqual({ ok: 0, needs_attention: 0 });
    });

    it('keeps records and the receipt sequence across a reopen', async () => {
      const first = await open();
      await save(first, submission());
      await first.close();
      opened.splice(0);
      const again = await open();
      expect(await again.list()).toHaveLength(1);
      expect((await save(again, submission({ name: '別会社' }))).record.receiptNo).toBe('R-0002');
    });
  });

  describe('receipts', () => {
    it('is idempotent on the message sha256: one record, one receipt, nothing written the second time', async () => {
      const store = await open();
      const s = submission();
      const first = await save(store, s);
      const extra = archived(Buffer.from('only offered with the duplicate'));
      const second = await store.save(s.draft, [...s.blobs, extra]);
      expect(first.created).toBe(true);
      expect(second).toEqual({ record: first.record, created: false });
      expect(await store.list()).toHaveLength(1);
      await expect(stat(archivePath(path.join(dataDir, 'archive'), extra.sha256))).rejects.toThrow();
      expect(await store.findBySha256(s.draft.message.sha256)).toEqual(first.record);
    });

    it('refuses a draft without a valid arrival time, storing nothing', async () => {
      const store = await open();
      const s = submission({ receivedAt: 'yesterday' });
      await expect(save(store, s)).rejects.toThrow(/receivedAt/);
      expect(await store.list()).toEqual([]);
    });

    it('hands out receipts in order with the configured prefix', async () => {
      const store = await open('T-');
      const receipts = [];
      for (const name of ['甲', '乙', '丙']) receipts.push((await save(store, submission({ name }))).record.receiptNo);
      expect(receipts).toEqual(['T-0001', 'T-0002', 'T-0003']);
    });

    it('never reuses a receipt number, even after a row is deleted', async () => {
      const store = await open();
      await save(store, submission({ name: '甲' }));
      const second = await save(store, submission({ name: '乙' }));
      const db = rawDb();
      db.prepare('DELETE FROM records WHERE receipt_no = ?').run(second.record.receiptNo);
      db.close();
      expect((await save(store, submission({ name: '丙' }))).record.receiptNo).toBe('R-0003');
    });

    it('grows past four digits and still lists the newest receipt first', async () => {
      const store = await open();
      await save(store, submission({ name: '甲' }));
      const db = rawDb();
      db.prepare('UPDATE receipt_counter SET last_seq = 9998').run();
      db.close();
      await save(store, submission({ name: '乙' }));
      await save(store, submission({ name: '丙' }));
      expect((await store.list()).map((r) => r.record.receiptNo)).toEqual(['R-10000', 'R-9999', 'R-0001']);
    });

    it('gives unique sequential receipts when two stores share the file', async () => {
      const a = await open();
      const b = await open();
      const drafts = Array.from({ length: 20 }, (_, i) => submission({ name: `会社${i}` }));
      const results = await Promise.all(drafts.map((s, i) => save(i % 2 === 0 ? a : b, s)));
      const receipts = results.map((r) => r.record.receiptNo).sort();
      expect(receipts).toEqual(Array.from({ length: 20 }, (_, i) => `R-${String(i + 1).padStart(4, '0')}`));
      expect(await b.list()).toEqual(await a.list());
    });

    it('stores one record when two stores save the same message at once', async () => {
      const a = await open();
      const b = await open();
      const s = submission();
      const [fromA, fromB] = await Promise.all([save(a, s), save(b, s)]);
      expect([fromA.created, fromB.created].sort()).toEqual([false, true]);
      expect(fromA.record).toEqual(fromB.record);
      expect(await a.list()).toHaveLength(1);
    });

    it('gives unique sequential receipts when worker processes share the file', async () => {
      const perWorker = 12;
      const workers = Array.from({ length: 3 }, (_, w) => Array.from({ length: perWorker }, (_, i) => submission({ name: `会社${w}-${i}` })));
      // Each process opens the fresh file itself, so opening and migrating race as well.
      const outputs = await Promise.all(workers.map((batch) => saveInChildProcess(dataDir, batch)));
      const receipts = outputs.flat().sort();
      expect(receipts).toEqual(Array.from({ length: 3 * perWorker }, (_, i) => `R-${String(i + 1).padStart(4, '0')}`));
      expect(await (await open()).list()).toHaveLength(3 * perWorker);
    });
  });

  describe('resubmissions', () => {
    it('links by corporate number, whatever the names', async () => {
      const store = await open();
      const first = await save(store, submission({ corporateNumber: NUMBER_A, name: '株式会社テスト', receivedAt: '2023-10-01T10:00:00+09:00' }));
      const second = await save(store, submission({ corporateNumber: NUMBER_A, name: 'テストホールディングス株式会社', from: 'other@example.jp', receivedAt: '2023-10-02T10:00:00+09:00' }));
      expect(first.record.supersedes).toBeNull();
      expect(second.record.supersedes).toBe('R-0001');
      expect(second.record.flags).toEqual([makeFlag('resubmission', { detail: 'R-0001 を差し替え' })]);
      expect(second.record.status).toBe('ok');
      const [newest, oldest] = await store.list();
      expect(newest?.supersededBy).toBeNull();
      expect(oldest?.supersededBy).toBe('R-0002');
    });

    it('does not link different corporate numbers with the same name', async () => {
      const store = await open();
      await save(store, submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-01T10:00:00+09:00' }));
      const other = await save(store, submission({ corporateNumber: NUMBER_B, receivedAt: '2023-10-02T10:00:00+09:00' }));
      expect(other.record.supersedes).toBeNull();
      expect((await store.list()).map((r) => r.supersededBy)).toEqual([null, null]);
    });

    it('links name variants: ㈱テスト and 株式会社テスト', async () => {
      const store = await open();
      await save(store, submission({ name: '㈱テスト', from: 'a@example.jp', receivedAt: '2023-10-01T10:00:00+09:00' }));
      const second = await save(store, submission({ name: '株式会社　テスト', from: 'b@example.jp', receivedAt: '2023-10-03T10:00:00+09:00' }));
      expect(second.record.supersedes).toBe('R-0001');
    });

    it('links by sender when a form has no name', async () => {
      const store = await open();
      const missingName = makeFlag('missing_field', { field: 'applicant.name' });
      await save(store, submission({ name: null, flags: [missingName], receivedAt: '2023-10-01T10:00:00+09:00' }));
      const second = await save(store, submission({ name: '株式会社テスト', receivedAt: '2023-10-02T10:00:00+09:00' }));
      const stranger = await save(store, submission({ name: null, from: 'someone@else.jp', flags: [missingName], receivedAt: '2023-10-03T10:00:00+09:00' }));
      expect(second.record.supersedes).toBe('R-0001');
      expect(stranger.record.supersedes).toBeNull();
      expect(stranger.record.status).toBe('needs_attention');
    });

    it('never lets a message without a form supersede, or be superseded', async () => {
      const store = await open();
      await save(store, submission({ receivedAt: '2023-10-01T10:00:00+09:00' }));
      const followUp = await save(store, submission({ withForm: false, receivedAt: '2023-10-02T10:00:00+09:00' }));
      expect(followUp.record.supersedes).toBeNull();
      expect((await store.list()).map((r) => r.supersededBy)).toEqual([null, null]);
      const resubmitted = await save(store, submission({ receivedAt: '2023-10-03T10:00:00+09:00' }));
      expect(resubmitted.record.supersedes).toBe('R-0001');
      const followUpAfter = (await store.list()).find((r) => r.record.receiptNo === followUp.record.receiptNo);
      expect(followUpAfter?.supersededBy).toBeNull();
    });

    it('re-links when an older message is stored after a newer one', async () => {
      const store = await open();
      const newer = submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-05T10:00:00+09:00' });
      const older = submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-01T10:00:00+09:00' });
      const newerSaved = await save(store, newer);
      expect(newerSaved.record.supersedes).toBeNull();
      const olderSaved = await save(store, older);
      expect(olderSaved.record.receiptNo).toBe('R-0002');
      expect(olderSaved.record.supersedes).toBeNull();
      expect(olderSaved.record.flags).toEqual([]);
      const newerNow = await store.findBySha256(newer.draft.message.sha256);
      expect(newerNow?.supersedes).toBe('R-0002');
      expect(newerNow?.flags).toEqual([makeFlag('resubmission', { detail: 'R-0002 を差し替え' })]);
      const bySupersededBy = Object.fromEntries((await store.list()).map((r) => [r.record.receiptNo, r.supersededBy]));
      expect(bySupersededBy).toEqual({ 'R-0001': null, 'R-0002': 'R-0001' });
    });

    it('inserts a message arriving between two others into the chain', async () => {
      const store = await open();
      await save(store, submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-01T10:00:00+09:00' }));
      await save(store, submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-09T10:00:00+09:00' }));
      const middle = await save(store, submission({ corporateNumber: NUMBER_A, receivedAt: '2023-10-05T10:00:00+09:00' }));
      expect(middle.record.supersedes).toBe('R-0001');
      const links = Object.fromEntries((await store.list()).map((r) => [r.record.receiptNo, [r.record.supersedes, r.supersededBy]]));
      expect(links).toEqual({ 'R-0001': [null, 'R-0003'], 'R-0003': ['R-0001', 'R-0002'], 'R-0002': ['R-0003', null] });
      const newest = (await store.list()).find((r) => r.record.receiptNo === 'R-0002');
      expect(newest?.record.flags.filter((f) => f.code === 'resubmission')).toEqual([makeFlag('resubmission', { detail: 'R-0003 を差し替え' })]);
    });

    it('falls back to the name when a corporate number failed its check digit', async () => {
      const store = await open();
      await save(store, submission({ corporateNumber: NUMBER_A, name: '株式会社テスト', receivedAt: '2023-10-01T10:00:00+09:00' }));
      const invalid = makeFlag('invalid_value', { field: 'applicant.corporateNumber' });
      const second = await save(store, submission({ corporateNumber: NUMBER_B, name: 'テスト(株)', flags: [invalid], receivedAt: '2023-10-02T10:00:00+09:00' }));
      expect(second.record.supersedes).toBe('R-0001');
      expect(second.record.status).toBe('needs_attention');
      expect(second.record.flags.map((f) => f.code)).toEqual(['invalid_value', 'resubmission']);
    });
  });

  describe('queries', () => {
    it('lists the newest receipt first, with when each was stored', async () => {
      const store = await open();
      for (const name of ['甲', '乙', '丙']) await save(store, submission({ name }));
      const listed = await store.list();
      expect(listed.map((r) => r.record.receiptNo)).toEqual(['R-0003', 'R-0002', 'R-0001']);
      for (const r of listed) expect(Number.isNaN(Date.parse(r.storedAt))).toBe(false);
    });

    it('counts records by status', async () => {
      const store = await open();
      expect(await store.countByStatus()).toEqual({ ok: 0, needs_attention: 0 });
      await save(store, submission({ name: '甲' }));
      await save(store, submission({ name: '乙', flags: [makeFlag('late')] }));
      await save(store, submission({ withForm: false, flags: [makeFlag('no_attachment')] }));
      await save(store, submission({ name: '丙', flags: [makeFlag('early')] }));
      expect(await store.countByStatus()).toEqual({ ok: 2, needs_attention: 2 });
    });

    it('finds nothing for an unknown sha256', async () => {
      const store = await open();
      expect(await store.findBySha256('0'.repeat(64))).toBeNull();
    });
  });
});

const OPEN_STORE_MODULE = new URL('./open-store.ts', import.meta.url).href;

// A separate Node process (TypeScript through tsx) that opens the store and saves the drafts it
// reads on stdin, in order, printing the receipt numbers: a second worker on the same host.
const CHILD_SCRIPT = `
  const { openStore } = await import(process.env.OPEN_STORE_MODULE);
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const store = await openStore(process.env.DATA_DIR, 'R-');
  const receipts = [];
  for (const { draft, blobs } of JSON.parse(input)) {
    const result = await store.save(draft, blobs.map((b) => ({ sha256: b.sha256, bytes: Buffer.from(b.bytes, 'base64') })));
    receipts.push(result.record.receiptNo);
  }
  await store.close();
  process.stdout.write(JSON.stringify(receipts));
`;

function saveInChildProcess(dataDir: string, batch: Submission[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD_SCRIPT], {
      env: { ...process.env, DATA_DIR: dataDir, OPEN_STORE_MODULE },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as string[]);
      else reject(new Error(`worker process exited with ${code}: ${stderr}`));
    });
    child.stdin.end(JSON.stringify(batch.map(({ draft, blobs }) => ({ draft, blobs: blobs.map((b) => ({ sha256: b.sha256, bytes: b.bytes.toString('base64') })) }))));
  });
}
