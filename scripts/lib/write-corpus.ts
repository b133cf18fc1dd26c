// Writes the hostile corpus to a folder one message at a time (so only one is ever in memory),
// for make-hostile.ts, the corpus test and the bench.
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Limits } from '../../src/config/limits.js';
import { DEFAULT_CORPUS_SIZES, hostileCorpus, type CorpusOptions, type HostileMessage } from './hostile-corpus.js';

export interface WrittenMessage {
  name: string;
  hostileClass: string;
  file: string;
  sha256: string;
  bytes: number;
}

/** The discard port: where external references point when no canary server listens. */
const NOWHERE = 'http://127.0.0.1:9/';

/** Default sizes times `scale` (0.01 gives a corpus built in a blink, for quick bench runs). */
export function corpusOptions(limits: Limits, { scale = 1, tag = randomBytes(6).toString('hex'), canaryUrl = NOWHERE } = {}): CorpusOptions {
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    tag,
    canaryUrl,
    limits,
    bombMegabytes: scaled(DEFAULT_CORPUS_SIZES.bombMegabytes),
    sheetRows: scaled(DEFAULT_CORPUS_SIZES.sheetRows),
    mimeParts: scaled(DEFAULT_CORPUS_SIZES.mimeParts),
    nestingLevels: Math.max(limits.maxNestingDepth + 2, scaled(DEFAULT_CORPUS_SIZES.nestingLevels)),
    headerBytes: scaled(DEFAULT_CORPUS_SIZES.headerBytes),
  };
}

export async function writeMessage(folder: string, message: HostileMessage): Promise<WrittenMessage> {
  const bytes = await message.build();
  const file = path.join(folder, `${message.name}.eml`);
  await writeFile(file, bytes);
  return { name: message.name, hostileClass: message.hostileClass, file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

export async function writeCorpus(folder: string, options: CorpusOptions): Promise<WrittenMessage[]> {
  const written: WrittenMessage[] = [];
  for (const message of hostileCorpus(options)) written.push(await writeMessage(folder, message));
  return written;
}
