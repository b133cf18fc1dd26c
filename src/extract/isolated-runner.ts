// Runs extraction in a small pool of worker threads, each with a heap cap and a deadline per
// attachment (issue 5 §3): a PDF whose references loop or a parser that spins is stopped, its thread
// replaced, and the attachment flagged unreadable with the reason — the process handling the other
// messages neither hangs nor runs out of memory. Threads are reused: starting one (and loading
// exceljs and pdf.js into it) costs far more than extracting a form.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Limits } from '../config/limits.js';
import type { ExtractRunner } from '../form/find-form.js';
import type { ExtractLimits, ExtractResult } from './document.js';
import type { FormFormat } from './extractors.js';
import type { ExtractReply, ExtractRequest } from './serve-extractors.js';

/** The daemon works on INTAKE_WORKER_CONCURRENCY (2) messages at once; `intake process` on one. */
export const DEFAULT_EXTRACT_THREADS = 2;

/**
 * Young-generation cap per thread. V8 sizes it from the old generation otherwise; fixing it keeps a
 * thread's heap at INTAKE_EXTRACT_MEMORY_MB plus this known constant.
 */
const YOUNG_GENERATION_MB = 32;

/** Node's default stack: deep recursion on crafted nesting ends as a RangeError in that thread. */
const STACK_MB = 4;

/**
 * The heap cap does not cover ArrayBuffers: pdf.js inflates a content stream into one growing
 * Uint8Array, and a PDF flate bomb took the process past 2 GB in 10 s although the thread's heap
 * stayed small (measured). So the process's RSS is watched too, while jobs run; a thread does not
 * yield to its own timers while it parses, so the watching is done here. Reading RSS costs
 * microseconds; a bomb grows by a few hundred MB a second, so it overshoots the cap by tens of MB.
 */
const RSS_POLL_MS = 25;

const MB = 1024 * 1024;

export type IsolatedRunner = ExtractRunner & { close(): Promise<void> };

interface Job {
  id: number;
  format: FormFormat;
  bytes: Buffer;
  limits: ExtractLimits;
  resolve(result: ExtractResult): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  deadline: NodeJS.Timeout | null;
  /** When the running job started, and the process's RSS then (the job's memory is what it adds). */
  startedAt: number;
  startRss: number;
  /** The error the thread died of, reported with its exit. */
  crash: Error | null;
}

/** The worker entry beside this file: dist/…/extract.worker.js when compiled, the .ts under vitest. */
function defaultEntry(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./extract.worker${extension}`, import.meta.url);
}

function spawn(entry: URL, resourceLimits: ResourceLimits): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  // TypeScript sources (tests): Node 20 ignores `--import tsx` in a worker's execArgv for the entry
  // itself, so the thread registers tsx's loader first and then imports the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

function unreadable(reason: string): ExtractResult {
  return { ok: false, failure: { kind: 'unreadable', reason } };
}

export function timeoutReason(limits: Limits): string {
  return `extraction stopped after ${limits.extractTimeoutMs / 1000} s (INTAKE_EXTRACT_TIMEOUT_S)`;
}

export function memoryReason(limits: Limits): string {
  return `extraction stopped at the memory cap INTAKE_EXTRACT_MEMORY_MB (${Math.round(limits.extractMemoryBytes / MB)} MB)`;
}

function crashReason(crash: Error | null, exitCode: number, limits: Limits): string {
  if ((crash as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return memoryReason(limits);
  if (crash) return `extraction stopped: the extracting thread failed (${crash.message})`;
  return `extraction stopped: the extracting thread exited (code ${exitCode})`;
}

/**
 * A runner for PipelineOptions.runExtractor. `entry` is the worker module; tests pass one serving
 * misbehaving extractors. Idle threads do not keep the process alive; close() ends them all.
 */
export function createIsolatedRunner(limits: Limits, size = DEFAULT_EXTRACT_THREADS, entry: URL = defaultEntry()): IsolatedRunner {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`extract threads must be a positive whole number, got ${size}`);
  const resourceLimits: ResourceLimits = {
    maxOldGenerationSizeMb: Math.max(1, Math.round(limits.extractMemoryBytes / MB)),
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    stackSizeMb: STACK_MB,
  };
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let rssWatch: NodeJS.Timeout | null = null;

  const running = () => [...slots].filter((slot) => slot.job !== null && slot.deadline !== null);

  /** Ends the thread and answers its job with `reason`; the thread is out of the pool at once. */
  const stop = (slot: Slot, reason: string) => {
    const job = finish(slot);
    slots.delete(slot);
    void slot.worker.terminate();
    job?.resolve(unreadable(reason));
    pump();
  };

  const watchRss = () => {
    const rss = process.memoryUsage.rss();
    // Threads share one process: when several are over, the longest-running job is taken for the
    // culprit (a valid form is read in well under a second; a bomb grows for seconds).
    const over = running()
      .filter((slot) => rss - slot.startRss > limits.extractMemoryBytes)
      .sort((a, b) => a.startedAt - b.startedAt)[0];
    if (over) stop(over, memoryReason(limits));
  };

  const start = (slot: Slot) => {
    slot.startedAt = performance.now();
    slot.startRss = process.memoryUsage.rss();
    slot.deadline = setTimeout(() => stop(slot, timeoutReason(limits)), limits.extractTimeoutMs);
    if (!rssWatch) {
      rssWatch = setInterval(watchRss, RSS_POLL_MS);
      rssWatch.unref();
    }
  };

  function finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.deadline) clearTimeout(slot.deadline);
    slot.deadline = null;
    slot.job = null;
    if (rssWatch && running().length === 0) {
      clearInterval(rssWatch);
      rssWatch = null;
    }
    return job;
  }

  const addSlot = (): Slot => {
    const slot: Slot = { worker: spawn(entry, resourceLimits), ready: false, job: null, deadline: null, startedAt: 0, startRss: 0, crash: null };
    slot.worker.on('message', (reply: ExtractReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        if (slot.job) start(slot);
        return;
      }
      if (slot.job?.id !== reply.id) return;
      finish(slot)?.resolve(reply.result);
      slot.worker.unref();
      pump();
    });
    slot.worker.on('error', (err) => {
      slot.crash = err;
    });
    slot.worker.on('exit', (code) => {
      slots.delete(slot);
      const job = finish(slot);
      if (job && !closed) job.resolve(unreadable(crashReason(slot.crash, code, limits)));
      pump();
    });
    slots.add(slot);
    return slot;
  };

  const assign = (slot: Slot, job: Job) => {
    slot.job = job;
    slot.worker.ref();
    // A copy in a buffer of its own, transferred: the caller's Buffer may be a view into a larger
    // pooled one, which must neither be copied whole nor detached.
    const bytes = new Uint8Array(job.bytes.byteLength);
    bytes.set(job.bytes);
    slot.worker.postMessage({ id: job.id, format: job.format, bytes, limits: job.limits } satisfies ExtractRequest, [bytes.buffer]);
    if (slot.ready) start(slot);
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      let idle = [...slots].find((slot) => slot.job === null);
      if (!idle && slots.size < size) idle = addSlot();
      if (!idle) return;
      assign(idle, queue.shift()!);
    }
  }

  const run: ExtractRunner = (format, bytes, jobLimits) =>
    new Promise<ExtractResult>((resolve, reject) => {
      if (closed) return reject(new Error('the isolated extract runner is closed'));
      queue.push({ id: nextId++, format, bytes, limits: jobLimits, resolve, reject });
      pump();
    });

  const close = async (): Promise<void> => {
    closed = true;
    // A job cut short by shutdown is not the attachment's fault: it fails, so the message is
    // retried, rather than getting a record that calls the attachment unreadable.
    const stopped = new Error('the isolated extract runner was closed before extraction finished');
    for (const job of queue.splice(0)) job.reject(stopped);
    const all = [...slots];
    for (const slot of all) finish(slot)?.reject(stopped);
    await Promise.all(all.map((slot) => slot.worker.terminate()));
    slots.clear();
  };

  return Object.assign(run, { close });
}
