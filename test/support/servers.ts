// The Redis and Dovecot of one integration test file: started before its tests, stopped after them;
// each test makes its own World against them. Call useServers() at the top of the file (it registers
// the hooks) and read the servers inside the tests, once they are started.
import { afterAll, beforeAll } from 'vitest';
import { makeWorld, type World } from './daemon-harness.js';
import { startDovecot, type TestDovecot } from './dovecot-server.js';
import { startRedis, type TestRedis } from './redis-server.js';

export interface Servers {
  readonly redis: TestRedis;
  readonly dovecot: TestDovecot;
  /** makeWorld against these servers; `extra` overrides the world's environment. */
  world(extra?: Record<string, string>): Promise<World>;
}

export function useServers(): Servers {
  let redis: TestRedis | undefined;
  let dovecot: TestDovecot | undefined;
  beforeAll(async () => {
    [redis, dovecot] = await Promise.all([startRedis(), startDovecot()]);
  });
  afterAll(async () => {
    await Promise.all([redis?.stop(), dovecot?.stop()]);
  });
  const started = <T>(server: T | undefined, name: string): T => {
    if (!server) throw new Error(`${name} is not started: use the servers inside a test`);
    return server;
  };
  const servers: Servers = {
    get redis() {
      return started(redis, 'Redis');
    },
    get dovecot() {
      return started(dovecot, 'Dovecot');
    },
    world: (extra) => makeWorld(servers.redis, servers.dovecot, extra),
  };
  return servers;
}
