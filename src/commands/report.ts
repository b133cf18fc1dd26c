// intake report [--out DIR]: writes intake-report.xlsx and intake-report.html from the store.
import { refreshReports } from '../report/refresh.js';
import { openStore } from '../store/open-store.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';
import { dataDirs } from './data-dirs.js';

const usage = 'report [--out DIR]';

const command: Command = {
  name: 'report',
  usage,
  summary: 'writes intake-report.xlsx and intake-report.html from the records (--out: the data directory of `process --out`)',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } }, usage);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: intake ${usage}`);
    const config = ctx.config();
    const { dataDir, reportDir } = dataDirs(config, values.out);
    const store = await openStore(dataDir, config.receiptPrefix);
    try {
      const paths = await refreshReports(store, reportDir, new Date(), config);
      ctx.stdout.write(`${paths.xlsx}\n${paths.html}\n`);
    } finally {
      await store.close();
    }
    return 0;
  },
};

export default command;
