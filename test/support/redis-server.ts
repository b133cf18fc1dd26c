// A throw-away redis-server on a free loopback port (never the machine's Redis on 6379): no
// snapshots, no AOF, its own directory. scripts/test.sh installs redis-server when missing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChild, type Child } from './child.js';
import { freePort } from './free-port.js';
import { waitFor } from './wait.js';

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-redis-'));
  const port = await freePort();
  const child: Child = startChild('redis-server', [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--dir', dir,
    // BullMQ needs every key kept (configuration of the compose Redis says the same).
    '--maxmemory-policy', 'noeviction',
  ]);
  await waitFor(`redis-server on port ${port}`, async () => {
    if (child.process.exitCode !== null) throw new Error(`redis-server exited: ${child.output()}`);
    return child.output().includes('Ready to accept connections');
  }, 30_000, 50);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await child.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
