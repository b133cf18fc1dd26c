import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveBlobs, archivePath } from './archive.js';

function blob(text: string) {
  const bytes = Buffer.from(text);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

describe('archive', () => {
  let root: string;
  let archiveDir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'intake-archive-'));
    archiveDir = path.join(root, 'archive');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under <first 2 hex>/<sha256>, owner-only, with no temp file left', async () => {
    const message = blob('From: a@example.jp\r\n\r\nbody');
    await archiveBlobs(archiveDir, [message]);
    const file = path.join(archiveDir, message.sha256.slice(0, 2), message.sha256);
    expect(archivePath(archiveDir, message.sha256)).toBe(file);
    expect(await readFile(file)).toEqual(message.bytes);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(file))).toEqual([message.sha256]);
  });

  it('skips a blob that is already archived', async () => {
    const message = blob('same bytes');
    const file = archivePath(archiveDir, message.sha256);
    await mkdir(path.dirname(file), { recursive: true });
    // Not the real content: only a skip leaves it untouched.
    await writeFile(file, 'already here');
    await archiveBlobs(archiveDir, [message]);
    expect(await readFile(file, 'utf8')).toBe('already here');
  });

  it('archives several blobs, and the same blob twice, as one file each', async () => {
    const a = blob('a');
    const b = blob('b');
    await archiveBlobs(archiveDir, [a, b, a]);
    const files = (await readdir(archiveDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    expect(files.sort()).toEqual([a.sha256, b.sha256].sort());
  });

  it('refuses bytes that do not hash to their label', async () => {
    const a = blob('a');
    await expect(archiveBlobs(archiveDir, [{ sha256: a.sha256, bytes: Buffer.from('not a') }])).rejects.toThrow(/hashes to/);
    await expect(stat(archivePath(archiveDir, a.sha256))).rejects.toThrow();
  });

  it.each(['../../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '申請書.xlsx'])('refuses %s as a name', async (sha256) => {
    await expect(archiveBlobs(archiveDir, [{ sha256, bytes: Buffer.from('x') }])).rejects.toThrow(/not a lower-case hex sha256/);
    expect(await readdir(root)).toEqual([]);
  });
});
