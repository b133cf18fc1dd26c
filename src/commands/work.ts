// intake work: a worker (any number, on any host): takes jobs from the queue, fetches each message
// by UID, stores its record, then marks it done. Runs until SIGTERM/SIGINT. The same as
// `node dist/workers/intake.worker.js`.
import { requireImap } from '../config/env.js';
import { runWorkerUntilSignal } from '../daemon/run-worker.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const usage = 'work';

const command: Command = {
  name: 'work',
  usage,
  summary: 'processes queued messages: fetch by UID, store the record, mark the message done',
  async run(argv, ctx) {
    parseCommandArgs(argv, {}, usage);
    const config = ctx.config();
    requireImap(config);
    return runWorkerUntilSignal(config, ctx.logger);
  },
};

export default command;
