// One CLI command per file under src/commands/, registered in src/cli.ts by name.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';

export interface CommandContext {
  /** Loaded lazily: `template` and `extract` run without any configuration. */
  config: () => Readonly<Config>;
  logger: Logger;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export class UsageError extends Error {
  readonly code = 'usage';
}

export interface Command {
  name: string;
  /** One line for `intake --help`, e.g. "process <paths…> [--json] [--out DIR]". */
  usage: string;
  summary: string;
  /** Resolves to the exit code: 0 done, 1 fault; throw UsageError for 2. */
  run(argv: string[], ctx: CommandContext): Promise<number>;
}
