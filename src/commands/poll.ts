// intake poll: the poller alone (one per mailbox): watches the mailbox and queues every message not
// marked done. Runs until SIGTERM/SIGINT.
import { loadDaemonSettings } from '../daemon/daemon-settings.js';
import { shutdownSignal } from '../daemon/shutdown.js';
import { startPoller } from '../daemon/start-poller.js';
import { requireImap } from '../config/env.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const usage = 'poll';

const command: Command = {
  name: 'poll',
  usage,
  summary: 'watches the mailbox (IDLE or polling) and queues every message not marked done',
  async run(argv, ctx) {
    parseCommandArgs(argv, {}, usage);
    const config = ctx.config();
    requireImap(config);
    const settings = loadDaemonSettings();
    const signal = shutdownSignal(ctx.logger);
    const poller = await startPoller(config, settings, ctx.logger);
    await signal;
    await poller.stop();
    return 0;
  },
};

export default command;
