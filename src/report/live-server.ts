// `intake serve`: the report page, live. Read-only by construction: GET and HEAD only, no body is
// ever parsed, and nothing is written anywhere.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.js';
import type { RecordStore } from '../store/store.js';
import { reportVersion } from './html-data.js';
import { PAGE_CSP, renderHtmlReport } from './html-page.js';
import { buildReportModel } from './model.js';
import { assertServeAccess, isAuthorized, type ServeAccess } from './serve-access.js';
import type { ReportWindow } from './window.js';

export type QueueStatus = () => Promise<unknown>;

export interface ReportServerOptions {
  store: Pick<RecordStore, 'list' | 'countByStatus'>;
  window: ReportWindow;
  access: ServeAccess;
  /** Queue figures from the daemon's Redis, where one is configured. */
  queueStatus?: QueueStatus;
  logger?: Logger;
  /**
   * Rebuild the page at least this often even without new records, so that 集計日時 and the
   * chart's "today" move on. Default: 5 minutes.
   */
  maxAgeMs?: number;
  /** How often the page polls /api/status. Default: 15 s. */
  pollMs?: number;
}

const SECURITY_HEADERS = {
  // The page holds personal data: never cached, never framed, never leaking its address onward.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** The page built from the store, rebuilt when the record count changes or it grows old. */
function livePage({ store, window, maxAgeMs = 5 * 60_000, pollMs }: ReportServerOptions) {
  let cached: { version: string; html: string; builtAt: number } | null = null;
  let building: Promise<{ version: string; html: string; builtAt: number }> | null = null;

  async function html(): Promise<string> {
    const current = versionOf(await store.countByStatus());
    if (cached && cached.version === current && Date.now() - cached.builtAt < maxAgeMs) return cached.html;
    // Concurrent requests share one build.
    building ??= (async () => {
      const stored = await store.list();
      const page = renderHtmlReport(buildReportModel(stored, window, new Date()), { live: true, ...(pollMs ? { pollMs } : {}) });
      cached = { version: reportVersion(stored.length), html: page, builtAt: Date.now() };
      return cached;
    })().finally(() => {
      building = null;
    });
    return (await building).html;
  }

  return { html };
}

function versionOf(counts: Record<string, number>): string {
  return reportVersion(Object.values(counts).reduce((sum, n) => sum + n, 0));
}

export async function buildReportServer(options: ReportServerOptions) {
  assertServeAccess(options.access);
  const token = options.access.token;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger.child({ component: 'serve' }) } : { logger: false }),
    // Every open page polls /api/status: logging each request would drown the log. Errors still log.
    disableRequestLogging: true,
    bodyLimit: 1024,
    forceCloseConnections: true,
  });
  app.removeAllContentTypeParsers();
  const page = livePage(options);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (token && !isAuthorized(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Basic realm="intake", charset="UTF-8"').send({ error: '認証が必要です' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').send({ error: 'GET と HEAD のみ使えます' });
    }
  });

  app.get('/', async (_request, reply) => {
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', `${PAGE_CSP}; frame-ancestors 'none'`);
    return page.html();
  });

  app.get('/api/status', async () => {
    const counts = await options.store.countByStatus();
    let queue: unknown = null;
    if (options.queueStatus) {
      try {
        queue = await options.queueStatus();
      } catch (err) {
        // Redis being down is worth showing on the page, not a reason to fail the poll.
        queue = { error: (err as Error).message };
      }
    }
    return { version: versionOf(counts), records: counts, queue };
  });

  return app;
}

export interface RunningReportServer {
  url: string;
  close(): Promise<void>;
}

/** Checks the access rules, then listens on host:port (port 0 picks a free one). */
export async function startReportServer(options: ReportServerOptions & { port: number }): Promise<RunningReportServer> {
  const app = await buildReportServer(options);
  await app.listen({ host: options.access.host, port: options.port });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return { url: `http://${host}:${port}/`, close: () => app.close() };
}
