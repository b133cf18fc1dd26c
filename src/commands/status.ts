// intake status [--json]: queue counts, failed jobs with their reasons, the poller's connection and
// last successful check, the checkpoint, and records by status.
import { collectStatus, formatStatus } from '../daemon/status.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const usage = 'status [--json]';

const command: Command = {
  name: 'status',
  usage,
  summary: 'shows the queue, failed jobs, the poller and its checkpoint, records by status',
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage);
    const status = await collectStatus(ctx.config());
    ctx.stdout.write(values.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
    return 0;
  },
};

export default command;
