// Messages for the daemon tests: samples, and distinct variants of them (an extra header changes the
// sha256, so each variant is a different message to the store).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO } from './daemon-harness.js';

export function sample(name: string): Promise<Buffer> {
  return readFile(path.join(REPO, 'samples', name));
}

/** The message with an extra first header (and, if given, an ASCII Subject instead of its own). */
export function variant(raw: Buffer, tag: string, subject?: string): Buffer {
  let text = raw.toString('latin1');
  if (subject !== undefined) {
    // The Subject field with its folded continuation lines (RFC 5322 §2.2.3).
    text = text.replace(/^Subject:.*\r?\n(?:[ \t].*\r?\n)*/im, `Subject: ${subject}\r\n`);
  }
  return Buffer.from(`X-Intake-Test: ${tag}\r\n${text}`, 'latin1');
}
