// Child processes the tests start (redis-server, dovecot, workers): output kept for diagnostics,
// stopped by pid, never by name.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited within graceMs. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

const MAX_OUTPUT = 256 * 1024;

export function startChild(command: string, args: readonly string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (err) => {
      keep(Buffer.from(`spawn error: ${err.message}\n`));
      resolve({ code: -1, signal: null });
    });
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    output: () => output,
    exited,
    kill: (signal) => {
      if (running()) child.kill(signal);
    },
    async stop(graceMs = 10_000) {
      if (running()) child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (running()) child.kill('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
