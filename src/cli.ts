#!/usr/bin/env node
// intake <command>: one file per command under src/commands/, found through this map.
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { UsageError, type Command } from './commands/command.js';
import { createLogger } from './log/logger.js';

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  process: () => import('./commands/process.js'),
  records: () => import('./commands/records.js'),
  extract: () => import('./commands/extract.js'),
  template: () => import('./commands/template.js'),
  report: () => import('./commands/report.js'),
  serve: () => import('./commands/serve.js'),
  poll: () => import('./commands/poll.js'),
  work: () => import('./commands/work.js'),
  daemon: () => import('./commands/daemon.js'),
  status: () => import('./commands/status.js'),
  retry: () => import('./commands/retry.js'),
  replay: () => import('./commands/replay.js'),
};

async function help(): Promise<string> {
  const lines = ['usage: intake <command> [options]', '', 'commands:'];
  for (const load of Object.values(COMMANDS)) {
    const { default: command } = await load();
    lines.push(`  ${command.usage.padEnd(52)} ${command.summary}`);
  }
  lines.push('', 'Configuration comes from INTAKE_* environment variables: see README.md.');
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await help());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`intake: unknown command "${name}"\n${await help()}`);
    return 2;
  }
  let config: Readonly<Config> | undefined;
  const logger = createLogger();
  try {
    const { default: command } = await load();
    return await command.run(rest, {
      config: () => (config ??= loadConfig()),
      logger,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`intake: ${err.message}\n`);
      return 2;
    }
    logger.fatal({ err }, 'intake failed');
    process.stderr.write(`intake: ${(err as Error).message}\n`);
    return 1;
  }
}

const exitCode = await main(process.argv.slice(2));
// Let pending writes (stdout pipes, pino) drain before leaving.
process.exitCode = exitCode;
