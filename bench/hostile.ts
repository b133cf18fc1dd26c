// npm run bench:hostile — per hostile message of the corpus, the time to a record and the peak RSS
// above the warmed-up baseline (each in a process of its own), and valid-message throughput alone
// and with one hostile message in ten mixed in. Issue 5 aims: no hostile message over 10 s or
// 300 MB above the baseline; valid throughput down by less than 20 %. Figures, not a test.
// HOSTILE_SCALE (default 1) shrinks the corpus's bombs; BENCH_N valid messages (default 500).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/env.js';
import { runMeasured } from '../scripts/lib/measured-child.js';
import { corpusOptions, writeCorpus } from '../scripts/lib/write-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ONE = fileURLToPath(new URL('./hostile-one.js', import.meta.url));
const STREAM = fileURLToPath(new URL('./hostile-stream.js', import.meta.url));
const VALID_COUNT = Number(process.env.BENCH_N ?? 500);
/** Kills a child that hangs; a message that needs it shows as "killed" in the table. */
const CHILD_SAFETY_MS = 10 * 60_000;
const AIM_MS = 10_000;
const AIM_ABOVE_BASELINE_MB = 300;
const AIM_THROUGHPUT_DROP = 0.2;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface MessageFigures {
  name: string;
  hostileClass: string;
  messageMb: number;
  ms: number | null;
  baselineRssMb: number | null;
  peakRssMb: number | null;
  aboveBaselineMb: number | null;
  flags: string[];
}

const folder = await mkdtemp(path.join(os.tmpdir(), 'intake-hostile-bench-'));
try {
  const written = await writeCorpus(folder, corpusOptions(loadConfig().limits, { scale: Number(process.env.HOSTILE_SCALE ?? 1) }));
  const control = written.find((w) => w.hostileClass === 'control');
  if (!control) throw new Error('the corpus has no control message');

  const perMessage: MessageFigures[] = [];
  for (const message of written) {
    const run = await runMeasured([ONE, control.file, message.file], { cwd: folder, env: process.env, timeoutMs: CHILD_SAFETY_MS });
    const figures = run.code === 0 ? (JSON.parse(run.stdout) as { ms: number; baselineRss: number; peakRss: number; flags: string[] }) : null;
    perMessage.push({
      name: message.name,
      hostileClass: message.hostileClass,
      messageMb: Math.round((message.bytes / 1024 / 1024) * 10) / 10,
      ms: figures ? Math.round(figures.ms) : null,
      baselineRssMb: figures ? mb(figures.baselineRss) : null,
      peakRssMb: figures ? mb(figures.peakRss) : null,
      aboveBaselineMb: figures ? Math.max(0, mb(figures.peakRss - figures.baselineRss)) : null,
      flags: figures ? figures.flags : [`child failed (code ${run.code}): ${run.stderr.slice(-200)}`],
    });
    const last = perMessage.at(-1)!;
    process.stderr.write(`${last.name}: ${last.ms ?? '-'} ms, +${last.aboveBaselineMb ?? '-'} MB\n`);
  }

  const listFile = path.join(folder, 'hostile-list.json');
  await writeFile(listFile, JSON.stringify(written.filter((w) => w !== control).map((w) => w.file)));
  const streamRun = await runMeasured([STREAM, listFile, String(VALID_COUNT)], { cwd: folder, env: process.env, timeoutMs: CHILD_SAFETY_MS });
  if (streamRun.code !== 0) throw new Error(`throughput child failed: ${streamRun.stderr.slice(-2000)}`);
  const stream = JSON.parse(streamRun.stdout) as { concurrency: number; validCount: number; hostileCount: number; aloneRate: number; mixedRate: number };
  const drop = 1 - stream.mixedRate / stream.aloneRate;

  const out = process.stdout;
  out.write(`message                       class                              size MB      ms  base MB  peak MB  +MB  flags\n`);
  for (const m of perMessage) {
    const over = (m.ms ?? Infinity) > AIM_MS || (m.aboveBaselineMb ?? Infinity) > AIM_ABOVE_BASELINE_MB ? ' !' : '';
    out.write(`${m.name.padEnd(29)} ${m.hostileClass.padEnd(34)} ${String(m.messageMb).padStart(7)} ${String(m.ms ?? '-').padStart(7)} ${String(m.baselineRssMb ?? '-').padStart(8)} ${String(m.peakRssMb ?? '-').padStart(8)} ${String(m.aboveBaselineMb ?? '-').padStart(4)}  ${m.flags.join(',')}${over}\n`);
  }
  out.write(`\nvalid throughput (concurrency ${stream.concurrency}): ${stream.aloneRate.toFixed(1)} msg/s alone, ${stream.mixedRate.toFixed(1)} msg/s with ${stream.hostileCount} hostile among ${stream.validCount} valid (1 in 10): ${(drop * 100).toFixed(1)} % drop\n`);
  const slowest = perMessage.reduce((a, b) => ((b.ms ?? Infinity) > (a.ms ?? Infinity) ? b : a));
  const fattest = perMessage.reduce((a, b) => ((b.aboveBaselineMb ?? Infinity) > (a.aboveBaselineMb ?? Infinity) ? b : a));
  out.write(`aims: slowest ${slowest.name} ${slowest.ms ?? '-'} ms (aim ≤ ${AIM_MS}); most memory ${fattest.name} +${fattest.aboveBaselineMb ?? '-'} MB (aim ≤ ${AIM_ABOVE_BASELINE_MB}); throughput drop ${(drop * 100).toFixed(1)} % (aim < ${AIM_THROUGHPUT_DROP * 100})\n`);

  await mkdir(path.join(root, 'bench', 'results'), { recursive: true });
  await writeFile(path.join(root, 'bench', 'results', 'hostile.json'), `${JSON.stringify({ perMessage, throughput: { ...stream, drop } }, null, 2)}\n`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
