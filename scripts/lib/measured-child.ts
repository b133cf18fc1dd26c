// Runs a Node script as a child process and measures its peak resident memory from /proc (Linux):
// VmHWM is the kernel's high-water mark of the process's RSS, so polling it loses nothing but the
// growth of the last interval before exit. Used by the hostile corpus test and bench.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const POLL_MS = 50;

export interface MeasuredRun {
  /** null when the safety timeout killed it. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Highest VmHWM seen, in bytes (0 where /proc is not available). */
  peakRssBytes: number;
  wallMs: number;
}

async function highWaterMark(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0; // already gone
  }
}

/** `node <args…>`; `timeoutMs` is a safety net that kills a run that hangs, not a measurement. */
export function runMeasured(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let peak = 0;
    const poll = setInterval(() => {
      if (child.pid !== undefined) void highWaterMark(child.pid).then((bytes) => (peak = Math.max(peak, bytes)));
    }, POLL_MS);
    const safety = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(safety);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        peakRssBytes: peak,
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
  });
}
