// The records `intake process samples/` gives, by sample name, with the default configuration:
// written as <name>.expected.json by make-samples and compared with them by the golden test.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/env.js';
import { pipelineOptions, processMessage, sha256 } from '../../src/pipeline.js';
import type { IntakeRecord } from '../../src/record.js';
import { openStore } from '../../src/store/open-store.js';

export type ExpectedRecord = Omit<IntakeRecord, 'receiptNo'>;

/** Receipt numbers depend on what else is in the store; everything else must match exactly. */
export function withoutVolatile(record: IntakeRecord): ExpectedRecord {
  const { receiptNo: _receiptNo, ...rest } = record;
  return rest;
}

export async function expectedRecords(samplesDir: string): Promise<Map<string, ExpectedRecord>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'intake-samples-'));
  const store = await openStore(dataDir, 'R-');
  try {
    const options = pipelineOptions(loadConfig({}), pino({ level: 'silent' }));
    const names = (await readdir(samplesDir)).filter((name) => name.endsWith('.eml')).sort();
    const nameBySha = new Map<string, string>();
    for (const name of names) {
      const raw = await readFile(path.join(samplesDir, name));
      nameBySha.set(sha256(raw), name.replace(/\.eml$/, ''));
      await processMessage(raw, {}, options, store);
    }
    // Read back at the end: a later resubmission re-links earlier records.
    const records = new Map<string, ExpectedRecord>();
    for (const { record } of (await store.list()).reverse()) records.set(nameBySha.get(record.message.sha256) ?? record.message.sha256, withoutVolatile(record));
    return records;
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
