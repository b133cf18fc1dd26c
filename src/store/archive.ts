// The content-addressed archive of raw messages and attachments: <archiveDir>/<first 2 hex>/<sha256>.
// A path here is built only from the hex digest, never from anything a message carries, so no file
// name in a hostile message can choose where bytes land.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchivedBlob } from '../record.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where the bytes with this digest live. Throws for anything but 64 lower-case hex digits. */
export function archivePath(archiveDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`archive: not a lower-case hex sha256: ${JSON.stringify(sha256)}`);
  return path.join(archiveDir, sha256.slice(0, 2), sha256);
}

/**
 * Writes each blob that is not archived yet, durably: when this resolves, the bytes survive a power
 * cut, so a record committed afterwards never points at missing bytes. Throws when a blob's bytes
 * do not hash to its sha256 (a fault in the caller: the archive would lie).
 */
export async function archiveBlobs(archiveDir: string, blobs: readonly ArchivedBlob[]): Promise<void> {
  for (const blob of blobs) await archiveBlob(archiveDir, blob);
}

async function archiveBlob(archiveDir: string, blob: ArchivedBlob): Promise<void> {
  // Absolute, so that the directories mkdir reports compare equal to the ones walked below.
  const target = path.resolve(archivePath(archiveDir, blob.sha256));
  const actual = createHash('sha256').update(blob.bytes).digest('hex');
  if (actual !== blob.sha256) throw new Error(`archive: blob labelled ${blob.sha256} hashes to ${actual}`);
  // Same name, same bytes: an existing file is already the right content.
  if (await exists(target)) return;
  const shardDir = path.dirname(target);
  const firstCreated = await mkdir(shardDir, { recursive: true, mode: 0o700 });
  // Written beside the target and renamed into place, so a reader (or a crash) never sees a partial
  // file under the final name. Concurrent writers of the same blob each use their own temp file.
  const temp = path.join(shardDir, `.${blob.sha256}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(blob.bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  // A rename or a new directory is durable only once its parent directory is synced: the shard,
  // and up to the parent of the first directory created here.
  const last = firstCreated === undefined ? shardDir : path.dirname(firstCreated);
  for (let dir = shardDir; ; dir = path.dirname(dir)) {
    await syncDirectory(dir);
    if (dir === last || dir === path.dirname(dir)) break;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
