import { readFile } from 'node:fs/promises';
import { openBenchPipeline, variant } from './bench/hostile-pipeline.ts';
const control = await readFile('/tmp/hc3/00-control-valid-xlsx.eml');
const p = await openBenchPipeline(1);
let t = performance.now();
for (let i = 0; i < 600; i++) {
  await p.process(variant(control, i));
  if ((i + 1) % 100 === 0) { console.log(i + 1, Math.round(100000 / (performance.now() - t)), 'msg/s'); t = performance.now(); }
}
await p.close();
