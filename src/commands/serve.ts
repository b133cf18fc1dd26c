// intake serve: the report page, live, on INTAKE_SERVE_HOST:INTAKE_SERVE_PORT (127.0.0.1:8080).
import type { Config } from '../config/env.js';
import { collectStatus } from '../daemon/status.js';
import { startReportServer, type QueueStatus } from '../report/live-server.js';
import { assertServeAccess } from '../report/serve-access.js';
import { openStore } from '../store/open-store.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';
import { dataDirs } from './data-dirs.js';

const usage = 'serve [--out DIR]';

export interface ServeDependencies {
  /** Where Redis is configured: reads the daemon's queue figures for the page. */
  queueStatus?: (config: Readonly<Config>) => QueueStatus | undefined;
}

export function createServeCommand(deps: ServeDependencies = {}): Command {
  return {
    name: 'serve',
    usage,
    summary: 'serves the report page live (read-only; a token is required off loopback: INTAKE_SERVE_TOKEN)',
    async run(argv, ctx) {
      const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } }, usage);
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: intake ${usage}`);
      const config = ctx.config();
      // Refuse before opening anything: a public bind without a token must not start at all.
      assertServeAccess(config.serve);
      const store = await openStore(dataDirs(config, values.out).dataDir, config.receiptPrefix);
      try {
        const queueStatus = deps.queueStatus?.(config);
        const server = await startReportServer({
          store,
          window: config,
          access: config.serve,
          port: config.serve.port,
          logger: ctx.logger,
          ...(queueStatus ? { queueStatus } : {}),
        });
        ctx.stdout.write(`受付状況を配信しています: ${server.url}${config.serve.token ? '（INTAKE_SERVE_TOKEN による認証あり）' : ''}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await store.close();
      }
      return 0;
    },
  };
}

/** The daemon's queue and poller as the page shows them; an unreachable Redis shows as an error there. */
async function daemonQueueStatus(config: Readonly<Config>): Promise<unknown> {
  const { queue, poller } = await collectStatus(config);
  const { waiting, active, delayed, failed } = queue.counts;
  return { 待機: waiting + delayed, 処理中: active, 失敗: failed, 受信監視: poller.running ? `稼働中（${poller.health.connection}）` : '停止' };
}

export default createServeCommand({ queueStatus: (config) => () => daemonQueueStatus(config) });
