// The files transport of `intake process`: .eml files, folders of them (recursively, in name
// order) and mbox files, yielded one raw message at a time.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface MessageSource {
  /** "samples/01-ok.eml", or "archive.mbox#3" for the third message of an mbox. */
  name: string;
  read(): Promise<Buffer>;
}

export class InputError extends Error {
  readonly code = 'input_unreadable';
}

/** Extensions taken from a folder; anything else there (README, expected JSON) is not a message. */
const MESSAGE_EXTENSIONS = new Set(['.eml', '.msg822', '.mbox', '.mbx']);

async function isMbox(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString('latin1') === 'From ';
  } finally {
    await handle.close();
  }
}

/**
 * Splits an mbox at its "From " separator lines (mboxrd: ">From " inside a body is unescaped by one
 * level). The separator line itself is not part of the message.
 */
export function splitMbox(bytes: Buffer): Buffer[] {
  const starts: number[] = [];
  let at = bytes.indexOf('From ', 0, 'latin1') === 0 ? 0 : -1;
  while (at !== -1) {
    starts.push(at);
    const next = bytes.indexOf('\nFrom ', at + 1, 'latin1');
    at = next === -1 ? -1 : next + 1;
  }
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? bytes.length;
    const bodyStart = bytes.indexOf('\n', start) + 1;
    const text = bytes.subarray(bodyStart, end);
    return Buffer.from(text.toString('latin1').replace(/^>(>*From )/gm, '$1'), 'latin1');
  }).filter((message) => message.length > 0);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(full)));
    else if (entry.isFile() && MESSAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

/** Every message under the given paths, in order. A path that cannot be read is an InputError. */
export async function messageSources(paths: readonly string[]): Promise<MessageSource[]> {
  const sources: MessageSource[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (err) {
      throw new InputError(`${given}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(err)}`);
    }
    const files = info.isDirectory() ? await filesUnder(given) : [given];
    for (const file of files) {
      if (await isMbox(file)) {
        const messages = splitMbox(await readFile(file));
        messages.forEach((bytes, i) => sources.push({ name: `${file}#${i + 1}`, read: async () => bytes }));
      } else {
        sources.push({ name: file, read: () => readFile(file) });
      }
    }
  }
  return sources;
}
