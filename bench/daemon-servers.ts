// The bench's throw-away Redis and Dovecot: the very launchers the integration tests use
// (test/support/, TypeScript that tsc does not compile), loaded through tsx's loader at run time so
// that there is one way to start them.
import { fileURLToPath } from 'node:url';

export interface BenchRedis {
  url: string;
  stop(): Promise<void>;
}

export interface BenchDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  version: string;
  stop(): Promise<void>;
}

export interface BenchImap {
  createMailbox(dovecot: BenchDovecot, mailbox: string): Promise<void>;
}

/** test/support/daemon-env.ts: the environment of a daemon against these servers. */
export type BenchDaemonEnv = (parts: { dataDir: string; mailbox: string; queueName: string; redis: BenchRedis; dovecot: BenchDovecot }) => Record<string, string>;

const support = (file: string): string => new URL(`../../test/support/${file}`, import.meta.url).href;

export async function benchServers(): Promise<{ redis: BenchRedis; dovecot: BenchDovecot; imap: BenchImap; daemonEnv: BenchDaemonEnv }> {
  const tsx = (await import('tsx/esm/api')) as { register: () => unknown };
  tsx.register();
  const { startRedis } = (await import(support('redis-server.ts'))) as { startRedis(): Promise<BenchRedis> };
  const { startDovecot } = (await import(support('dovecot-server.ts'))) as { startDovecot(): Promise<BenchDovecot> };
  const imap = (await import(support('imap-helpers.ts'))) as BenchImap;
  const { daemonEnv } = (await import(support('daemon-env.ts'))) as { daemonEnv: BenchDaemonEnv };
  const [redis, dovecot] = await Promise.all([startRedis(), startDovecot()]);
  return { redis, dovecot, imap, daemonEnv };
}

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
