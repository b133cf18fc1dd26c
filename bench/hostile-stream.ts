// Child of bench/hostile.ts: valid-message throughput through the pipeline, first alone, then with
// one hostile message in ten mixed in. Messages are taken INTAKE_WORKER_CONCURRENCY (2) at a time,
// as the daemon's workers do, over an extraction pool of as many threads. Prints JSON.
import { readFile } from 'node:fs/promises';
import { validMessage } from '../scripts/lib/hostile-corpus.js';
import { loadConfig } from '../src/config/env.js';
import { openBenchPipeline, variant } from './hostile-pipeline.js';

const HOSTILE_EVERY = 10;
const WARM_UP = 5;
/**
 * Distinct applicants the valid messages cycle through. One applicant resending hundreds of times
 * builds one resubmission chain that the store relinks on every save, which would measure the
 * store's chain handling rather than the effect of hostile messages.
 */
const APPLICANTS = 100;

const [listFile, countText] = process.argv.slice(2);
if (!listFile || !countText) throw new Error('usage: hostile-stream.js <hostile-list.json> <valid count>');
const validCount = Number(countText);
const concurrency = loadConfig().workerConcurrency;
const applicants = await Promise.all(Array.from({ length: Math.min(APPLICANTS, validCount) }, (_, i) => validMessage(`bench-valid-${i}`, i + 1)));
const control = applicants[0]!;
const hostileFiles: string[] = JSON.parse(await readFile(listFile, 'utf8'));

type Item = { valid: true; raw: Buffer } | { valid: false; file: string };

/** Valid messages per second until the last valid one is stored; hostile ones run alongside. */
async function throughput(items: readonly Item[], seqBase: number): Promise<number> {
  const pipeline = await openBenchPipeline(concurrency);
  for (let i = 0; i < WARM_UP; i += 1) await pipeline.process(variant(control, seqBase - 1 - i));
  let next = 0;
  let lastValidAt = 0;
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      await pipeline.process(item.valid ? item.raw : await readFile(item.file));
      if (item.valid) lastValidAt = elapsed();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await pipeline.close();
  return validCount / lastValidAt;
}

const valid = (i: number): Item => ({ valid: true, raw: variant(applicants[i % applicants.length]!, i) });
const alone = Array.from({ length: validCount }, (_, i) => valid(i));
const mixed: Item[] = [];
for (let i = 0, h = 0; i < validCount; i += 1) {
  mixed.push(valid(validCount + i));
  if ((i + 1) % (HOSTILE_EVERY - 1) === 0) mixed.push({ valid: false, file: hostileFiles[h++ % hostileFiles.length]! });
}
const aloneRate = await throughput(alone, 1_000_000);
const mixedRate = await throughput(mixed, 2_000_000);
process.stdout.write(`${JSON.stringify({ concurrency, validCount, hostileCount: mixed.length - validCount, aloneRate, mixedRate })}\n`);
