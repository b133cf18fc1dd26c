// Child of bench/hostile.ts: warms the pipeline up on the control message, then processes one
// hostile message and prints {ms, baselineRss, peakRss, flags} as JSON. A process of its own per
// message, so that one message's peak is not another's.
import { readFile, writeFile } from 'node:fs/promises';
import { memoryStatus, openBenchPipeline, variant } from './hostile-pipeline.js';

/** Warm-up runs: modules loaded, the extraction thread started and its code compiled. */
const WARM_UP = 3;

const [controlFile, hostileFile] = process.argv.slice(2);
if (!controlFile || !hostileFile) throw new Error('usage: hostile-one.js <control.eml> <hostile.eml>');
const pipeline = await openBenchPipeline(1);
const control = await readFile(controlFile);
for (let i = 0; i < WARM_UP; i += 1) await pipeline.process(variant(control, i));
const hostile = await readFile(hostileFile);
// Linux: writing 5 to clear_refs resets VmHWM, so the peak read afterwards is this message's alone.
await writeFile('/proc/self/clear_refs', '5');
const baselineRss = memoryStatus().rss;
const started = process.hrtime.bigint();
const { record } = await pipeline.process(hostile);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const peakRss = memoryStatus().hwm;
await pipeline.close();
process.stdout.write(`${JSON.stringify({ ms, baselineRss, peakRss, flags: record.flags.map((f) => f.code) })}\n`);
