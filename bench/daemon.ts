// npm run bench — the daemon under load, against a throw-away Dovecot and Redis (started here the way
// the integration tests start them), for worker concurrency 1, 2 and 4:
//   burst:  N messages (mixed like the samples) appended at once; messages per second from the first
//           append to the last record stored, and the drain time after the last append;
//   steady: RATE messages per second for STEADY_S seconds; p50/p95/p99 latency append → record;
//   peak RSS of the poller and the worker; and the same N messages through `intake process` on files
//   as the reference without queue and IMAP.
// Figures, not a test. Prints a table and writes bench/results/daemon.json.
//
//   BENCH_N (2000)  BENCH_STEADY_RATE (20)  BENCH_STEADY_S (60)  BENCH_CONCURRENCY ("1,2,4")
//   e.g. BENCH_N=200 BENCH_STEADY_S=10 npm run bench
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, requireImap } from '../src/config/env.js';
import { appendMessage } from '../src/mailbox/append-message.js';
import { closeImap, connectImap } from '../src/mailbox/imap-connect.js';
import { burst, steady, type BurstResult, type SteadyResult } from './daemon-load.js';
import { startNode } from './daemon-procs.js';
import { benchServers, REPO } from './daemon-servers.js';

const N = Number(process.env.BENCH_N ?? 2000);
const RATE = Number(process.env.BENCH_STEADY_RATE ?? 20);
const STEADY_S = Number(process.env.BENCH_STEADY_S ?? 60);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,2,4').split(',').map(Number);
const MB = 1024 * 1024;
/** Connections the bench appends over, kept open: a login per message would measure the bench. */
const APPEND_LANES = 4;

/** N distinct messages cycling through the samples: each gets a header of its own (a new sha256). */
async function corpus(n: number, tag: string): Promise<Buffer[]> {
  const dir = path.join(REPO, 'samples');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  const samples = await Promise.all(names.map((f) => readFile(path.join(dir, f))));
  return Array.from({ length: n }, (_, i) => Buffer.concat([Buffer.from(`X-Bench: ${tag}-${i}\r\n`), samples[i % samples.length]!]));
}

interface Reference {
  seconds: number;
  msgsPerSec: number;
  peakRssMb: number;
  cpuMsPerMsg: number;
}

async function reference(messages: readonly Buffer[]): Promise<Reference> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-files-'));
  const out = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-out-'));
  try {
    await Promise.all(messages.map((m, i) => writeFile(path.join(dir, `${String(i).padStart(6, '0')}.eml`), m)));
    const start = Date.now();
    const proc = startNode('dist/src/cli.js', ['process', dir, '--out', out], { LOG_LEVEL: 'error', INTAKE_DATA_DIR: out });
    const code = await proc.exited;
    if (code !== 0) throw new Error(`intake process exited ${code}: ${proc.output().slice(-2000)}`);
    const seconds = (Date.now() - start) / 1000;
    return { seconds, msgsPerSec: messages.length / seconds, peakRssMb: proc.peakRss() / MB, cpuMsPerMsg: (proc.cpuSeconds() * 1000) / messages.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
}

interface Run {
  concurrency: number;
  burst: BurstResult & { ratioToReference: number; cpuMsPerMsg: { poller: number; worker: number } };
  steady: SteadyResult;
  peakRssMb: { poller: number; worker: number };
}

async function main(): Promise<void> {
  const { redis, dovecot, imap, daemonEnv } = await benchServers();
  const runs: Run[] = [];
  try {
    console.error(`Dovecot ${dovecot.version}; N=${N}, steady ${RATE}/s for ${STEADY_S} s, concurrency ${CONCURRENCY.join(', ')}`);
    const ref = await reference(await corpus(N, 'ref'));
    console.error(`reference: intake process on files: ${ref.msgsPerSec.toFixed(1)} msg/s`);
    for (const concurrency of CONCURRENCY) {
      const tag = randomBytes(4).toString('hex');
      const mailbox = `Bench-${tag}`;
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-data-'));
      await imap.createMailbox(dovecot, mailbox);
      const env = {
        ...daemonEnv({ dataDir, mailbox, queueName: `bench-${tag}`, redis, dovecot }),
        INTAKE_WORKER_CONCURRENCY: String(concurrency),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      };
      const worker = startNode('dist/workers/intake.worker.js', [], env);
      const poller = startNode('dist/src/cli.js', ['poll'], env);
      const imapConfig = requireImap(loadConfig(env));
      const lanes = await Promise.all(Array.from({ length: APPEND_LANES }, () => connectImap(imapConfig, pino({ level: 'error' }), { idle: false })));
      try {
        await Promise.all([worker.waitFor('worker started'), poller.waitFor('connected;')]);
        const target = {
          lanes: lanes.length,
          append: async (lane: number, raw: Buffer) => void (await appendMessage(lanes[lane]!, mailbox, raw, null)),
          dataDir,
        };
        const cpu0 = { poller: poller.cpuSeconds(), worker: worker.cpuSeconds() };
        const b = await burst(target, await corpus(N, `burst-${tag}`));
        const cpuMsPerMsg = {
          poller: ((poller.cpuSeconds() - cpu0.poller) * 1000) / N,
          worker: ((worker.cpuSeconds() - cpu0.worker) * 1000) / N,
        };
        console.error(`concurrency ${concurrency}: burst ${b.msgsPerSec.toFixed(1)} msg/s`);
        const s = await steady(target, await corpus(Math.round(RATE * STEADY_S), `steady-${tag}`), RATE, STEADY_S);
        console.error(`concurrency ${concurrency}: steady p95 ${s.p95Ms} ms`);
        runs.push({
          concurrency,
          burst: { ...b, ratioToReference: b.msgsPerSec / ref.msgsPerSec, cpuMsPerMsg },
          steady: s,
          peakRssMb: { poller: poller.peakRss() / MB, worker: worker.peakRss() / MB },
        });
      } finally {
        await Promise.all(lanes.map((c) => closeImap(c)));
        const codes = await Promise.all([poller.stop(), worker.stop()]);
        if (codes.some((c) => c !== 0)) console.error(`exit codes poller/worker: ${codes.join('/')}`);
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    const result = { date: new Date().toISOString(), cpus: os.cpus().length, node: process.version, dovecot: dovecot.version, n: N, steadyRate: RATE, steadySeconds: STEADY_S, reference: ref, runs };
    await mkdir(path.join(REPO, 'bench', 'results'), { recursive: true });
    await writeFile(path.join(REPO, 'bench', 'results', 'daemon.json'), `${JSON.stringify(result, null, 2)}\n`);
    printTable(result.reference, runs);
  } finally {
    await Promise.all([redis.stop(), dovecot.stop()]);
  }
}

function printTable(ref: Reference, runs: readonly Run[]): void {
  const f = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const rows = [
    ['load', 'conc', 'msg/s', 'vs files', 'drain s', 'CPU ms/msg', 'p50 ms', 'p95 ms', 'p99 ms', 'RSS poller MB', 'RSS worker MB'],
    ['files (intake process)', '-', f(ref.msgsPerSec), '100%', '', f(ref.cpuMsPerMsg), '', '', '', '', f(ref.peakRssMb, 0)],
  ];
  for (const r of runs) {
    const cpu = `${f(r.burst.cpuMsPerMsg.worker)}+${f(r.burst.cpuMsPerMsg.poller)}`;
    rows.push([`burst ${r.burst.n}`, String(r.concurrency), f(r.burst.msgsPerSec), `${f(r.burst.ratioToReference * 100, 0)}%`, f(r.burst.drainSeconds), cpu, '', '', '', f(r.peakRssMb.poller, 0), f(r.peakRssMb.worker, 0)]);
    rows.push([`steady ${r.steady.rate}/s × ${r.steady.seconds}s`, String(r.concurrency), '', '', '', '', f(r.steady.p50Ms, 0), f(r.steady.p95Ms, 0), f(r.steady.p99Ms, 0), '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  console.log('CPU ms/msg: worker+poller during the burst; RSS: peak (VmHWM) over the whole run');
  console.log('written to bench/results/daemon.json');
}

await main();
