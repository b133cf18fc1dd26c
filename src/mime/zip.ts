// Lists and reads a zip attachment with yauzl, bounded (limits.ts): entries read, bytes inflated
// per entry and in total are counted WHILE inflating — declared sizes are never trusted (yauzl's
// validateEntrySizes also stops an entry that inflates past what its header claims).
//
// decodeStrings:false: yauzl would otherwise decode non-UTF-8 names as CP437 (mojibake for every
// Japanese Windows zip) and refuse the whole zip over one "../" name. We decode names ourselves
// (zip-names.ts) and only ever show them.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Limits } from '../config/limits.js';
import { ByteCollector } from './collect-bytes.js';
import { overLimit } from './limit-messages.js';
import { decodeEntryName } from './zip-names.js';

/** What one message may still spend on zips, shared by every zip in it, nested ones included. */
export interface InflateBudget {
  bytesLeft: number;
  entriesLeft: number;
}

export interface ZipItem {
  /** Decoded entry name as stored (may hold folders); shown only. */
  name: string;
  /** The bytes, or null when they were not read or not kept (see `problem`). */
  bytes: Buffer | null;
  /** Bytes inflated (all of them when the entry was read to its end), else the declared size. */
  size: number;
  /** SHA-256 of the inflated bytes; '' when the entry was not read to its end. */
  sha256: string;
  /** The first bytes, for sniffing an entry whose bytes were not kept. */
  head: Buffer | null;
  problem?: string;
}

export interface ZipListing {
  items: ZipItem[];
  /** Why the zip was not read completely (a limit, a damaged directory). */
  problem?: string;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const ENCRYPTED_PROBLEM = 'password-protected zip (パスワード付きのため読めません)';
const SYMLINK_PROBLEM = 'シンボリックリンクのため読んでいません';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Inflates one entry, counting every byte against the entry limit and the message's budget. */
function inflateEntry(zip: ZipFile, entry: Entry, name: string, limits: Limits, budget: InflateBudget): Promise<ZipItem & { exhausted?: boolean }> {
  const unread = (problem: string, size = entry.uncompressedSize, head: Buffer | null = null) => ({ name, bytes: null, size, sha256: '', head, problem });
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return resolve(unread(`zip のエントリを読めません: ${messageOf(err)}`));
      const collector = new ByteCollector(limits.maxAttachmentBytes);
      let settled = false;
      const settle = (item: ZipItem & { exhausted?: boolean }) => {
        if (settled) return;
        settled = true;
        resolve(item);
      };
      stream.on('data', (chunk: Buffer) => {
        budget.bytesLeft -= chunk.length;
        if (budget.bytesLeft < 0) {
          stream.destroy();
          const partial = collector.finish();
          settle({ ...unread(overLimit('maxUncompressedBytes', limits, '展開サイズ'), partial.size + chunk.length, partial.head), exhausted: true });
          return;
        }
        collector.push(chunk);
      });
      stream.on('error', (e: Error) => settle(unread(`zip のエントリが壊れています: ${e.message}`)));
      stream.on('end', () => {
        const got = collector.finish();
        const item: ZipItem = { name, bytes: got.bytes, size: got.size, sha256: got.sha256, head: got.head };
        if (got.overLimit) item.problem = overLimit('maxAttachmentBytes', limits);
        settle(item);
      });
    });
  });
}

/** Reads every entry within the limits; never throws for a bad zip (the listing's `problem` says why). */
export async function readZip(bytes: Buffer, limits: Limits, budget: InflateBudget): Promise<ZipListing> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (err) {
    return { items: [], problem: `zip を開けません: ${messageOf(err)}` };
  }
  zip.on('error', () => {}); // errors are taken from nextEntry(); a late one must not crash the process
  const items: ZipItem[] = [];
  let problem: string | undefined;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (budget.entriesLeft <= 0) {
        problem = overLimit('maxZipEntries', limits, 'エントリ数');
        break;
      }
      budget.entriesLeft--;
      const name = decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields);
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (/[\\/]$/.test(name) || mode === S_IFDIR) continue;
      const unread = (why: string): ZipItem => ({ name, bytes: null, size: entry!.uncompressedSize, sha256: '', head: null, problem: why });
      if (mode === S_IFLNK) items.push(unread(SYMLINK_PROBLEM));
      else if (entry.isEncrypted()) items.push(unread(ENCRYPTED_PROBLEM));
      else if (budget.bytesLeft <= 0) {
        problem = overLimit('maxUncompressedBytes', limits, '展開サイズ');
        break;
      } else {
        const { exhausted, ...item } = await inflateEntry(zip, entry, name, limits, budget);
        items.push(item);
        if (exhausted) {
          problem = item.problem;
          break;
        }
      }
    }
  } catch (err) {
    problem = `zip が壊れています: ${messageOf(err)}`;
  } finally {
    zip.close();
  }
  return problem ? { items, problem } : { items };
}
