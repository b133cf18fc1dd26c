// intake replay <paths…> [--mailbox NAME]: APPENDs .eml files (folders of them, mbox files) into the
// configured mailbox, each with its own arrival time as INTERNALDATE. With the daemon running, every
// replayed message becomes a record exactly as a real arrival would.
import { requireImap } from '../config/env.js';
import { messageSources } from '../files/message-files.js';
import { replayMessages } from '../mailbox/replay-messages.js';
import { toJstIso } from '../validate/arrival.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';

const usage = 'replay <paths…> [--mailbox NAME]';

const command: Command = {
  name: 'replay',
  usage,
  summary: 'appends sample messages to the mailbox with their own arrival time as INTERNALDATE',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, { mailbox: { type: 'string' } }, usage);
    if (positionals.length === 0) throw new UsageError(`give at least one .eml file, folder or mbox\nusage: intake ${usage}`);
    const imap = requireImap(ctx.config());
    const mailbox = values.mailbox ?? imap.mailbox;
    const sources = await messageSources(positionals);
    const results = await replayMessages(imap, mailbox, sources, ctx.logger, (r) => {
      const when = r.arrival ? `${toJstIso(r.arrival.date)} (${r.arrival.source === 'received_header' ? 'Received' : 'Date'} header)` : 'now (no date header)';
      ctx.stdout.write(r.error ? `${r.name}: FAILED ${r.error}\n` : `${r.name} → ${mailbox} UID ${r.uid ?? '?'}  INTERNALDATE ${when}\n`);
    });
    const failed = results.filter((r) => r.error).length;
    ctx.stdout.write(`${results.length - failed} message(s) appended to ${mailbox}${failed ? `, ${failed} failed` : ''}\n`);
    return failed ? 1 : 0;
  },
};

export default command;
