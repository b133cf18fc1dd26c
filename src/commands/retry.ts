// intake retry (--all | <jobId>…): re-queues failed jobs with fresh attempts. Job ids are
// "<uidValidity>-<uid>" as `intake status` shows them.
import { IntakeQueue } from '../queue/intake-queue.js';
import { loadDaemonSettings } from '../daemon/daemon-settings.js';
import { parseJobId } from '../queue/job-types.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';

const usage = 'retry (--all | <jobId>…)';

const command: Command = {
  name: 'retry',
  usage,
  summary: 're-queues failed jobs (all, or by id)',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, { all: { type: 'boolean' } }, usage);
    if (Boolean(values.all) === positionals.length > 0) throw new UsageError(`give --all or job ids, not both or neither\nusage: intake ${usage}`);
    const bad = positionals.filter((id) => !parseJobId(id));
    if (bad.length) throw new UsageError(`not a job id (<uidValidity>-<uid>, as \`intake status\` prints): ${bad.join(', ')}`);
    const config = ctx.config();
    const queue = new IntakeQueue({
      redisUrl: config.redisUrl,
      queueName: config.queueName,
      attempts: config.jobAttempts,
      backoffMs: loadDaemonSettings().backoffMs,
    });
    try {
      const ids = await queue.retry(values.all ? undefined : positionals);
      for (const id of ids) ctx.stdout.write(`re-queued ${id}\n`);
      ctx.stdout.write(`${ids.length} job(s) re-queued\n`);
      return 0;
    } catch (err) {
      const e = err as Error & { code?: string };
      if (e.code === 'job_not_found' || e.code === 'job_not_failed') {
        ctx.stderr.write(`intake retry: ${e.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await queue.close();
    }
  },
};

export default command;
