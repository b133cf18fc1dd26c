// Writing a report so that nobody ever opens a half-written file: the content goes to a temporary
// file in the same directory (same file system, so the rename is atomic), is flushed to disk, and
// only then replaces the report. A failed write leaves the previous report as it was.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, rename } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Reports hold applicants' personal data: owner read-write and group read (the staff group of a file
 * share), nothing for others.
 */
export const REPORT_FILE_MODE = 0o640;

/** Runs `write` on a fresh temporary path beside `target`, then renames it over `target`. */
export async function writeFileAtomic(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  // A dot-name, so that a file-share listing or a glob for *.xlsx never shows the temporary file.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(temp);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** A text file from its pieces, streamed (with back-pressure) and flushed, then renamed into place. */
export function writeChunksAtomic(target: string, chunks: Iterable<string>): Promise<void> {
  return writeFileAtomic(target, (temp) => pipeline(Readable.from(chunks), createWriteStream(temp, { mode: REPORT_FILE_MODE, flush: true })));
}
