// `intake serve`: the access rules, read-only endpoints, and the live page picking up new records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import { buildReportServer, startReportServer, type RunningReportServer } from '../../src/report/live-server.js';
import { assertServeAccess, isAuthorized } from '../../src/report/serve-access.js';
import { DEFAULT_REPORT_WINDOW } from '../../src/report/window.js';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { memoryStore, sampleRecords, stored } from './fixtures.js';

const TOKEN = 'k3v9-Qx7p-2LmZ-8rTa';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('serve access', () => {
  it('refuses a non-loopback bind without a token, naming the variable', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'intake.example.jp']) {
      expect(() => assertServeAccess({ host, token: null })).toThrow(ConfigError);
      expect(() => assertServeAccess({ host, token: null })).toThrow(/INTAKE_SERVE_TOKEN: is required when INTAKE_SERVE_HOST is not a loopback address/);
    }
    expect(() => assertServeAccess({ host: '0.0.0.0', token: 'short' })).toThrow(/INTAKE_SERVE_TOKEN: must be at least 16 characters/);
    expect(() => assertServeAccess({ host: '0.0.0.0', token: TOKEN })).not.toThrow();
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(() => assertServeAccess({ host, token: null })).not.toThrow();
  });

  it('accepts the token as a bearer token or as a basic-auth password, and nothing else', () => {
    expect(isAuthorized(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorized(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorized(basic('staff', TOKEN), TOKEN)).toBe(true);
    expect(isAuthorized(basic('', `${TOKEN}`), TOKEN)).toBe(true);
    expect(isAuthorized(undefined, TOKEN)).toBe(false);
    expect(isAuthorized(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(isAuthorized(basic(TOKEN, 'wrong'), TOKEN)).toBe(false);
    expect(isAuthorized(`Basic ${Buffer.from(TOKEN).toString('base64')}`, TOKEN)).toBe(false);
    expect(isAuthorized(`Token ${TOKEN}`, TOKEN)).toBe(false);
  });

  it('will not even build a server for a public bind without a token', async () => {
    await expect(
      startReportServer({ store: memoryStore([]), window: DEFAULT_REPORT_WINDOW, access: { host: '0.0.0.0', token: null }, port: 0 }),
    ).rejects.toThrow(/INTAKE_SERVE_TOKEN/);
  });
});

describe('serve endpoints', () => {
  const store = memoryStore(sampleRecords());
  let app: Awaited<ReturnType<typeof buildReportServer>>;

  beforeAll(async () => {
    app = await buildReportServer({
      store,
      window: DEFAULT_REPORT_WINDOW,
      access: { host: '0.0.0.0', token: TOKEN },
      queueStatus: async () => ({ waiting: 2, active: 1, failed: 0 }),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 401 without credentials, asking the browser for them', async () => {
    for (const url of ['/', '/api/status', '/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Basic realm="intake", charset="UTF-8"');
      expect(response.body).not.toContain('R-0001');
    }
    expect((await app.inject({ method: 'GET', url: '/', headers: { authorization: 'Bearer wrong-token-000000' } })).statusCode).toBe(401);
  });

  it('serves the live page with the token, never cached, under the page’s CSP', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, basic('staff', TOKEN)]) {
      const response = await app.inject({ method: 'GET', url: '/', headers: { authorization } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(response.body).toContain('data-live="1"');
      expect(response.body).toContain('R-0001');
    }
    const head = await app.inject({ method: 'HEAD', url: '/', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(head.statusCode).toBe(200);
  });

  it('reports freshness and the queue as JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/status', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ version: '8', records: { ok: 3, needs_attention: 5 }, queue: { waiting: 2, active: 1, failed: 0 } });
  });

  it('accepts no method that could write', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await app.inject({ method, url: '/', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, payload: '{}' });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
    expect(store.records).toHaveLength(8);
  });
});

describe('the live page', () => {
  const store = memoryStore(sampleRecords());
  let server: RunningReportServer;

  beforeAll(async () => {
    server = await startReportServer({
      store,
      window: DEFAULT_REPORT_WINDOW,
      access: { host: '127.0.0.1', token: TOKEN },
      port: 0,
      pollMs: 200,
      queueStatus: async () => ({ waiting: 4, failed: 1 }),
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers over a real socket: 401 without credentials, 200 with them', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(server.url)).status).toBe(401);
    expect((await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('shows a new record without a reload, keeping the staff member’s filter', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ httpCredentials: { username: 'staff', password: TOKEN } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.selectOption('#status', 'needs_attention');
      expect(await page.locator('#submissions tbody tr:visible').count()).toBe(5);
      store.records.push(
        stored({ receiptNo: 'R-0009', receivedAt: '2023-10-11T23:50:00+09:00', from: 'last@example.jp', values: undefined, files: [], flags: [] }),
        stored({ receiptNo: 'R-0010', receivedAt: '2023-10-11T23:55:00+09:00', from: 'late@example.jp', flags: [{ code: 'no_attachment', severity: 'error', message: '添付ファイルがありません' }] }),
      );
      await expect.poll(() => page.locator('#submissions tbody tr:visible').count(), { timeout: 20_000 }).toBe(6);
      expect(await page.locator('#status').inputValue()).toBe('needs_attention');
      expect(await page.locator('#count').textContent()).toBe('6件を表示（受信 10件中）');
      expect(await page.locator('#live-status').textContent()).toMatch(/自動更新中/);
      expect(await page.locator('#queue').textContent()).toBe('キュー：waiting 4 / failed 1');
    } finally {
      await browser.close();
    }
  });
});
