// intake daemon: poller and worker in one process, for one host. Runs until SIGTERM/SIGINT; the
// poller stops first (no new jobs), then the worker finishes or gives back its running jobs.
import { requireImap } from '../config/env.js';
import { loadDaemonSettings } from '../daemon/daemon-settings.js';
import { shutdownSignal } from '../daemon/shutdown.js';
import { startPoller } from '../daemon/start-poller.js';
import { startWorker } from '../daemon/start-worker.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const usage = 'daemon';

const command: Command = {
  name: 'daemon',
  usage,
  summary: 'poller and worker in one process (one host)',
  async run(argv, ctx) {
    parseCommandArgs(argv, {}, usage);
    const config = ctx.config();
    requireImap(config);
    const settings = loadDaemonSettings();
    const signal = shutdownSignal(ctx.logger);
    const worker = await startWorker(config, settings, ctx.logger);
    const poller = await startPoller(config, settings, ctx.logger);
    await signal;
    await poller.stop();
    await worker.stop();
    return 0;
  },
};

export default command;
