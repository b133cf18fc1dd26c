// The two loads of the daemon bench, against a running poller and worker (child processes):
// a burst (N messages appended at once) and a steady stream (a fixed rate for a fixed time).
import { createHash } from 'node:crypto';
import { openStore } from '../src/store/open-store.js';

export interface Target {
  /** APPENDs one message into the watched mailbox over connection `lane` of the pool. */
  append(lane: number, raw: Buffer): Promise<void>;
  /** Connections in the append pool. */
  lanes: number;
  dataDir: string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function recordCount(dataDir: string): Promise<number> {
  const store = await openStore(dataDir, 'R-');
  try {
    return Object.values(await store.countByStatus()).reduce((a, b) => a + b, 0);
  } finally {
    await store.close();
  }
}

/** When each wanted record was stored, once `baseline` + all of them are in the store. */
async function storedTimes(dataDir: string, baseline: number, wanted: ReadonlySet<string>, timeoutMs: number): Promise<Map<string, number>> {
  const store = await openStore(dataDir, 'R-');
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await store.countByStatus();
      const total = Object.values(counts).reduce((a, b) => a + b, 0) - baseline;
      if (total >= wanted.size) break;
      if (Date.now() > deadline) throw new Error(`only ${total} of ${wanted.size} records after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const times = new Map<string, number>();
    for (const r of await store.list()) if (wanted.has(r.record.message.sha256)) times.set(r.record.message.sha256, Date.parse(r.storedAt));
    return times;
  } finally {
    await store.close();
  }
}

export interface BurstResult {
  n: number;
  /** First append to last record stored. */
  seconds: number;
  msgsPerSec: number;
  /** Last append to last record stored. */
  drainSeconds: number;
  appendSeconds: number;
}

export async function burst(t: Target, messages: readonly Buffer[]): Promise<BurstResult> {
  const baseline = await recordCount(t.dataDir);
  const start = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: t.lanes }, async (_, lane) => {
      while (next < messages.length) await t.append(lane, messages[next++]!);
    }),
  );
  const appended = Date.now();
  const times = await storedTimes(t.dataDir, baseline, new Set(messages.map(sha256)), 30 * 60_000);
  const end = Math.max(...times.values());
  const seconds = (end - start) / 1000;
  return { n: messages.length, seconds, msgsPerSec: messages.length / seconds, drainSeconds: (end - appended) / 1000, appendSeconds: (appended - start) / 1000 };
}

export interface SteadyResult {
  sent: number;
  rate: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Appends at `rate` per second for `seconds`; latency is append acknowledged → record stored. */
export async function steady(t: Target, messages: readonly Buffer[], rate: number, seconds: number): Promise<SteadyResult> {
  const count = Math.min(messages.length, Math.round(rate * seconds));
  const baseline = await recordCount(t.dataDir);
  const appendedAt = new Map<string, number>();
  const start = Date.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const raw = messages[i]!;
    sends.push(t.append(i % t.lanes, raw).then(() => void appendedAt.set(sha256(raw), Date.now())));
  }
  await Promise.all(sends);
  const times = await storedTimes(t.dataDir, baseline, new Set(appendedAt.keys()), 10 * 60_000);
  const latencies = [...appendedAt].map(([sha, at]) => (times.get(sha) ?? NaN) - at).sort((a, b) => a - b);
  return {
    sent: count,
    rate,
    seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}
