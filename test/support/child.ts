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

export interface ChildOptions extends SpawnOptions {
  /**
   * Signal the child's whole process group (it gets its own), as systemd or a container runtime
   * does on stop: a Dovecot master's session processes outlive a signal to the master alone.
   */
  group?: boolean;
}

const MAX_OUTPUT = 256 * 1024;

export function startChild(command: string, args: readonly string[], options: ChildOptions = {}): Child {
  const { group = false, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: group, ...spawnOptions });
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
  const signal = (sig: NodeJS.Signals): void => {
    if (group && child.pid) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // The group is gone already.
      }
    } else if (running()) child.kill(sig);
  };
  return {
    process: child,
    output: () => output,
    exited,
    kill: (sig) => signal(sig),
    async stop(graceMs = 10_000) {
      if (running()) signal('SIGTERM');
      const timer = setTimeout(() => {
        if (running()) signal('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      // Whatever of the group outlived its leader goes too.
      if (group) signal('SIGKILL');
      return result;
    },
  };
}
