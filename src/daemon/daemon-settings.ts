// Daemon settings beyond configuration.md's fixed variables, read once and validated like the rest
// (a bad value stops the program naming the variable). Each is documented in README.md (The daemon).
import { ConfigError } from '../config/env.js';
import { DEFAULT_LOCK_DURATION_MS } from '../queue/worker-tuning.js';

type Env = Record<string, string | undefined>;

export interface DaemonSettings {
  /** INTAKE_JOB_LOCK_S (default 120): a job's lock; see src/queue/worker-tuning.ts for the choice. */
  lockDurationMs: number;
  /** INTAKE_JOB_BACKOFF_S (default 5): first retry delay, doubled on each further attempt. */
  backoffMs: number;
  /** INTAKE_SHUTDOWN_TIMEOUT_S (default 30): how long SIGTERM waits for running jobs. */
  shutdownTimeoutMs: number;
  /** Test-only hooks; never set in production (see test-hooks.ts). */
  test: { jobDelayMs: number; failSubject: string | null };
}

export const DAEMON_DEFAULTS = {
  INTAKE_JOB_LOCK_S: String(DEFAULT_LOCK_DURATION_MS / 1000),
  INTAKE_JOB_BACKOFF_S: '5',
  INTAKE_SHUTDOWN_TIMEOUT_S: '30',
} as const;

function seconds(env: Env, name: keyof typeof DAEMON_DEFAULTS, min: number): number {
  const raw = env[name] || DAEMON_DEFAULTS[name];
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value < min) {
    throw new ConfigError(name, `must be a number of seconds of at least ${min}, got "${raw}"`);
  }
  return Math.round(value * 1000);
}

export function loadDaemonSettings(env: Env = process.env): DaemonSettings {
  const delay = env.INTAKE_TEST_JOB_DELAY_MS;
  if (delay && !/^\d+$/.test(delay)) throw new ConfigError('INTAKE_TEST_JOB_DELAY_MS', `must be whole milliseconds, got "${delay}"`);
  return Object.freeze({
    // One second at least: BullMQ renews at half the lock, and a shorter lock would be lost to
    // ordinary event-loop jitter.
    lockDurationMs: seconds(env, 'INTAKE_JOB_LOCK_S', 1),
    backoffMs: seconds(env, 'INTAKE_JOB_BACKOFF_S', 0.1),
    shutdownTimeoutMs: seconds(env, 'INTAKE_SHUTDOWN_TIMEOUT_S', 1),
    test: Object.freeze({ jobDelayMs: delay ? Number(delay) : 0, failSubject: env.INTAKE_TEST_FAIL_SUBJECT || null }),
  });
}
