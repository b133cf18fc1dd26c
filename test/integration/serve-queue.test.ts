// `intake serve` as staff run it: the live page's status endpoint carries the daemon's queue figures
// read from a real Redis, and the server stops cleanly on SIGTERM.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild } from '../support/child.js';
import { REPO } from '../support/daemon-harness.js';
import { freePort } from '../support/free-port.js';
import { startRedis, type TestRedis } from '../support/redis-server.js';
import { waitFor } from '../support/wait.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('intake serve', () => {
  it('shows the queue from Redis on the live page’s status endpoint', async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'intake-serve-'));
    const server = startChild(process.execPath, [path.join(REPO, 'dist/src/cli.js'), 'serve'], {
      env: { ...process.env, INTAKE_DATA_DIR: dataDir, INTAKE_SERVE_PORT: String(port), INTAKE_REDIS_URL: redis.url, INTAKE_QUEUE: `serve-${process.pid}`, LOG_LEVEL: 'warn' },
    });
    try {
      await waitFor('the server to listen', () => server.output().includes(`127.0.0.1:${port}`), 30_000);
      const status = (await (await fetch(`http://127.0.0.1:${port}/api/status`)).json()) as { records: unknown; queue: Record<string, unknown> };
      expect(status.records).toEqual({ ok: 0, needs_attention: 0 });
      expect(status.queue).toEqual({ 待機: 0, 処理中: 0, 失敗: 0, 受信監視: '停止' });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="queue"');
    } finally {
      expect((await server.stop()).code).toBe(0);
    }
  });
});
