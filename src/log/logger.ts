// The pino root logger, one per process. Logs go to stderr so that stdout stays for what a command
// prints; JSON lines by default (for log shippers), pino-pretty when stderr is a terminal. Units take
// `logger.child({ component, jobId, uid })`; errors go under `err`.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = ['password', '*.password', 'imap.password', 'token', '*.token', 'headers.authorization'];

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** An unknown level falls back to info here; loadConfig() reports it naming LOG_LEVEL. */
export function createLogger(requested: string = process.env.LOG_LEVEL || 'info'): Logger {
  const level = LEVELS.includes(requested) ? requested : 'info';
  const pretty = process.stderr.isTTY && process.env.LOG_FORMAT !== 'json';
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    transport: pretty ? { target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:HH:MM:ss' } } : undefined,
  }, pretty ? undefined : pino.destination(2));
}
