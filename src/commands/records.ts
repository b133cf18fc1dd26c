// intake records [--json]: the stored records, newest first, superseded ones marked.
import { openStore } from '../store/open-store.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { dataDirs } from './data-dirs.js';
import { summaryLine } from './summary-line.js';

const usage = 'records [--json] [--out DIR]';

const command: Command = {
  name: 'records',
  usage,
  summary: 'lists the stored records, newest first (superseded ones marked)',
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' }, out: { type: 'string' } }, usage);
    const store = await openStore(dataDirs(ctx.config(), values.out).dataDir, ctx.config().receiptPrefix);
    try {
      for (const { record, supersededBy } of await store.list()) {
        ctx.stdout.write(values.json ? `${JSON.stringify(record)}\n` : `${summaryLine(record, supersededBy ? `［${supersededBy} により差替え済み］` : '')}\n`);
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

export default command;
