// intake process <paths…>: the pipeline on .eml files, folders and mbox files, with no servers.
import { InputError, messageSources } from '../files/message-files.js';
import { isolatedPipelineOptions, processMessage } from '../pipeline.js';
import { openStore } from '../store/open-store.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';
import { dataDirs } from './data-dirs.js';
import { progressBar } from './progress.js';
import { summaryLine } from './summary-line.js';
import { refreshReports } from '../report/refresh.js';

const usage = 'process <paths…> [--json] [--out DIR]';

const command: Command = {
  name: 'process',
  usage,
  summary: 'runs the pipeline on .eml files, folders of them and mbox files; stores one record per message',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, out: { type: 'string' } }, usage);
    if (positionals.length === 0) throw new UsageError(`no input given\nusage: intake ${usage}`);
    const config = ctx.config();
    const { dataDir, reportDir } = dataDirs(config, values.out);
    let sources;
    try {
      sources = await messageSources(positionals);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(err.message);
      throw err;
    }
    const store = await openStore(dataDir, config.receiptPrefix);
    // One extraction thread: messages are processed one after another.
    const options = isolatedPipelineOptions(config, ctx.logger, 1);
    const progress = progressBar(ctx.stderr, sources.length);
    let faults = 0;
    try {
      for (const source of sources) {
        try {
          const { record, created } = await processMessage(await source.read(), {}, options, store);
          progress.clear();
          ctx.stdout.write(values.json ? `${JSON.stringify(record)}\n` : `${summaryLine(record, created ? source.name : `${source.name}（処理済み）`)}\n`);
        } catch (err) {
          // One bad file never stops the others; the fault is reported and the exit code says so.
          faults += 1;
          progress.clear();
          ctx.logger.error({ err, file: source.name }, 'message could not be processed');
          ctx.stderr.write(`intake: ${source.name}: ${(err as Error).message}\n`);
        }
        progress.tick();
      }
      progress.done();
      const reports = await refreshReports(store, reportDir, new Date(), config);
      if (!values.json) {
        ctx.stdout.write(`\n${sources.length - faults} 件を処理しました（記録: ${dataDir}）\n`);
        ctx.stdout.write(`受付一覧: ${reports.xlsx}\n          ${reports.html}\n`);
      }
    } finally {
      await options.close();
      await store.close();
    }
    return faults > 0 ? 1 : 0;
  },
};

export default command;
