// The pipeline as the bench children run it: a fresh store in a temp folder, extraction in the
// isolated runner (as `intake process` and the daemon do), logging off.
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config/env.js';
import { isolatedPipelineOptions, processMessage } from '../src/pipeline.js';
import type { RecordStore, SaveResult } from '../src/store/store.js';
import { openStore } from '../src/store/open-store.js';

export interface BenchPipeline {
  process(raw: Buffer): Promise<SaveResult>;
  close(): Promise<void>;
}

export async function openBenchPipeline(threads: number): Promise<BenchPipeline> {
  const config = loadConfig();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-hostile-'));
  const store: RecordStore = await openStore(dataDir, 'R-');
  const options = isolatedPipelineOptions(config, pino({ level: 'silent' }), threads);
  return {
    process: (raw) => processMessage(raw, {}, options, store),
    async close() {
      await options.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A distinct message each time: the store is idempotent on the raw bytes' hash. */
export function variant(raw: Buffer, i: number): Buffer {
  return Buffer.concat([Buffer.from(`X-Bench-Seq: ${i}\r\n`), raw]);
}

/** VmRSS / VmHWM of this process from /proc, in bytes. */
export function memoryStatus(): { rss: number; hwm: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}
