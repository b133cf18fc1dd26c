// Child processes of the bench (`intake poll`, the worker, `intake process`) and their peak RSS,
// read from /proc/<pid>/status (VmHWM: the kernel's own high-water mark of the resident set).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './daemon-servers.js';

export interface Proc {
  child: ChildProcess;
  /** Highest VmHWM seen so far (sampled while it runs, so it survives the exit). */
  peakRss(): number;
  /** User + system CPU seconds used so far (last sample while it ran). */
  cpuSeconds(): number;
  output(): string;
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

function hwm(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const TICKS_PER_S = 100;

function cpu(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the ")" that ends comm.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

export function startNode(script: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [path.join(REPO, script), ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let peak = 0;
  let cpuUsed = 0;
  const keep = (b: Buffer): void => {
    out = (out + b.toString()).slice(-200_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const sampler = setInterval(() => {
    if (child.pid) {
      peak = Math.max(peak, hwm(child.pid));
      cpuUsed = Math.max(cpuUsed, cpu(child.pid));
    }
  }, 100);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve(code);
    }),
  );
  return {
    child,
    peakRss: () => Math.max(peak, child.pid ? hwm(child.pid) : 0),
    cpuSeconds: () => Math.max(cpuUsed, child.pid ? cpu(child.pid) : 0),
    output: () => out,
    exited,
    async waitFor(text, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (child.exitCode !== null) throw new Error(`${script} exited: ${out}`);
        if (Date.now() > deadline) throw new Error(`${script}: no "${text}" within ${timeoutMs} ms: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
