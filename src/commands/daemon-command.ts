// The commands that run daemon parts until SIGTERM/SIGINT (`daemon`, `poll`, `work`): no options,
// the IMAP settings required, then runUntilSignal with the parts in their start order.
import { requireImap } from '../config/env.js';
import { runUntilSignal, type DaemonPart } from '../daemon/run-until-signal.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

export function daemonCommand(name: string, summary: string, parts: readonly DaemonPart[]): Command {
  return {
    name,
    usage: name,
    summary,
    async run(argv, ctx) {
      parseCommandArgs(argv, {}, name);
      const config = ctx.config();
      requireImap(config);
      return runUntilSignal(config, ctx.logger, parts);
    },
  };
}
