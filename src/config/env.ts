// Configuration, read once at start from the environment (names fixed by
// ../shared/docs/configuration.md), validated, frozen. A bad value stops the program with a message
// naming the variable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

export interface ImapConfig {
  host: string;
  port: number;
  secure: boolean;
  tlsRejectUnauthorized: boolean;
  user: string;
  password: string;
  mailbox: string;
  doneAction: { kind: 'keyword'; keyword: string } | { kind: 'move'; folder: string };
  pollIntervalMs: number;
}

export interface Config {
  dataDir: string;
  reportDir: string;
  windowStart: Date;
  windowEnd: Date;
  receiptPrefix: string;
  /** Null where INTAKE_IMAP_HOST is unset: only poll, work, daemon and replay need it. */
  imap: ImapConfig | null;
  /** Why `imap` is null, for the commands that need it. */
  imapProblem: ConfigError | null;
  redisUrl: string;
  queueName: string;
  workerConcurrency: number;
  jobAttempts: number;
  limits: Limits;
  serve: { host: string; port: number; token: string | null };
  logLevel: string;
}

type Env = Record<string, string | undefined>;

export const DEFAULTS = {
  INTAKE_DATA_DIR: './data',
  INTAKE_WINDOW_START: '2023-09-22T00:00:00+09:00',
  INTAKE_WINDOW_END: '2023-10-11T23:59:59.999+09:00',
  INTAKE_RECEIPT_PREFIX: 'R-',
  INTAKE_IMAP_SECURE: 'true',
  INTAKE_IMAP_TLS_REJECT_UNAUTHORIZED: 'true',
  INTAKE_IMAP_MAILBOX: 'INBOX',
  INTAKE_DONE_ACTION: 'keyword:$IntakeDone',
  INTAKE_POLL_INTERVAL_S: '60',
  INTAKE_REDIS_URL: 'redis://127.0.0.1:6379',
  INTAKE_QUEUE: 'intake',
  INTAKE_WORKER_CONCURRENCY: '2',
  INTAKE_JOB_ATTEMPTS: '5',
  INTAKE_SERVE_HOST: '127.0.0.1',
  INTAKE_SERVE_PORT: '8080',
  LOG_LEVEL: 'info',
} as const;

const MB = 1024 * 1024;

/** Limit variables: name → [field, unit in bytes or ms, default in that unit]. */
const LIMIT_VARS: readonly [string, keyof Limits, number][] = [
  ['INTAKE_MAX_MESSAGE_MB', 'maxMessageBytes', MB],
  ['INTAKE_MAX_ATTACHMENT_MB', 'maxAttachmentBytes', MB],
  ['INTAKE_MAX_MIME_PARTS', 'maxMimeParts', 1],
  ['INTAKE_MAX_HEADER_KB', 'maxHeaderBytes', 1024],
  ['INTAKE_MAX_NESTING_DEPTH', 'maxNestingDepth', 1],
  ['INTAKE_MAX_ZIP_ENTRIES', 'maxZipEntries', 1],
  ['INTAKE_MAX_UNCOMPRESSED_MB', 'maxUncompressedBytes', MB],
  ['INTAKE_MAX_XML_MB', 'maxXmlBytes', MB],
  ['INTAKE_MAX_SHEET_CELLS', 'maxSheetCells', 1],
  ['INTAKE_MAX_PDF_PAGES', 'maxPdfPages', 1],
  ['INTAKE_EXTRACT_TIMEOUT_S', 'extractTimeoutMs', 1000],
  ['INTAKE_EXTRACT_MEMORY_MB', 'extractMemoryBytes', MB],
];

/** The limit variables with their defaults in their own unit, for the README and `--help`. */
export const LIMIT_DEFAULTS: readonly { variable: string; value: number }[] = LIMIT_VARS.map(([variable, field, unit]) => ({
  variable,
  value: DEFAULT_LIMITS[field] / unit,
}));

function text(env: Env, name: keyof typeof DEFAULTS): string {
  const value = env[name];
  return value === undefined || value === '' ? DEFAULTS[name] : value;
}

function positiveNumber(name: string, raw: string, integer: boolean): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new ConfigError(name, `must be a positive ${integer ? 'whole ' : ''}number, got "${raw}"`);
  }
  return value;
}

function bool(name: string, raw: string): boolean {
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function instant(name: string, raw: string): Date {
  // An offset is required: a bare local time would silently depend on the host's time zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new ConfigError(name, `must be an ISO 8601 date-time with an offset (e.g. 2023-10-11T23:59:59.999+09:00), got "${raw}"`);
  }
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new ConfigError(name, `is not a valid date-time: "${raw}"`);
  return date;
}

function limitsFrom(env: Env): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [name, field, unit] of LIMIT_VARS) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') limits[field] = Math.round(positiveNumber(name, raw, unit === 1) * unit);
  }
  return limits;
}

function doneAction(raw: string): ImapConfig['doneAction'] {
  const match = /^(keyword|move):(.+)$/.exec(raw);
  if (!match || !match[2]) throw new ConfigError('INTAKE_DONE_ACTION', `must be keyword:<name> or move:<folder>, got "${raw}"`);
  // RFC 3501 flag-keyword atoms exclude white space, parentheses, braces, quotes, % * and \.
  if (match[1] === 'keyword' && /[\s(){}"%*\\\]]/.test(match[2])) {
    throw new ConfigError('INTAKE_DONE_ACTION', `"${match[2]}" is not a valid IMAP keyword`);
  }
  return match[1] === 'keyword' ? { kind: 'keyword', keyword: match[2] } : { kind: 'move', folder: match[2] };
}

function imapFrom(env: Env): ImapConfig {
  const host = env.INTAKE_IMAP_HOST;
  if (!host) throw new ConfigError('INTAKE_IMAP_HOST', 'is required for poll, work, daemon and replay');
  const secure = bool('INTAKE_IMAP_SECURE', text(env, 'INTAKE_IMAP_SECURE'));
  const port = env.INTAKE_IMAP_PORT ? positiveNumber('INTAKE_IMAP_PORT', env.INTAKE_IMAP_PORT, true) : secure ? 993 : 143;
  if (port > 65535) throw new ConfigError('INTAKE_IMAP_PORT', `must be at most 65535, got ${port}`);
  const user = env.INTAKE_IMAP_USER;
  if (!user) throw new ConfigError('INTAKE_IMAP_USER', 'is required for poll, work, daemon and replay');
  let password = env.INTAKE_IMAP_PASSWORD;
  if (!password && env.INTAKE_IMAP_PASSWORD_FILE) {
    try {
      password = readFileSync(env.INTAKE_IMAP_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new ConfigError('INTAKE_IMAP_PASSWORD_FILE', `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (!password) throw new ConfigError('INTAKE_IMAP_PASSWORD', 'INTAKE_IMAP_PASSWORD or INTAKE_IMAP_PASSWORD_FILE is required');
  return Object.freeze({
    host,
    port,
    secure,
    tlsRejectUnauthorized: bool('INTAKE_IMAP_TLS_REJECT_UNAUTHORIZED', text(env, 'INTAKE_IMAP_TLS_REJECT_UNAUTHORIZED')),
    user,
    password,
    mailbox: text(env, 'INTAKE_IMAP_MAILBOX'),
    doneAction: doneAction(text(env, 'INTAKE_DONE_ACTION')),
    pollIntervalMs: positiveNumber('INTAKE_POLL_INTERVAL_S', text(env, 'INTAKE_POLL_INTERVAL_S'), false) * 1000,
  });
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const dataDir = path.resolve(text(env, 'INTAKE_DATA_DIR'));
  const windowStart = instant('INTAKE_WINDOW_START', text(env, 'INTAKE_WINDOW_START'));
  const windowEnd = instant('INTAKE_WINDOW_END', text(env, 'INTAKE_WINDOW_END'));
  if (windowEnd <= windowStart) throw new ConfigError('INTAKE_WINDOW_END', 'must be after INTAKE_WINDOW_START');
  let imap: ImapConfig | null = null;
  let imapProblem: ConfigError | null = null;
  try {
    imap = imapFrom(env);
  } catch (err) {
    // Missing IMAP settings only matter to the commands that talk to the mailbox; a malformed one is
    // still an error at start.
    if (!(err instanceof ConfigError)) throw err;
    if (env.INTAKE_IMAP_HOST) throw err;
    imapProblem = err;
  }
  const servePort = positiveNumber('INTAKE_SERVE_PORT', text(env, 'INTAKE_SERVE_PORT'), true);
  if (servePort > 65535) throw new ConfigError('INTAKE_SERVE_PORT', `must be at most 65535, got ${servePort}`);
  const logLevel = text(env, 'LOG_LEVEL');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const redisUrl = text(env, 'INTAKE_REDIS_URL');
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('INTAKE_REDIS_URL', `must start with redis:// or rediss://, got "${redisUrl}"`);
  const queueName = text(env, 'INTAKE_QUEUE');
  if (!/^[A-Za-z0-9_.-]+$/.test(queueName)) throw new ConfigError('INTAKE_QUEUE', `may hold only letters, digits, "_", "." and "-"; got "${queueName}"`);
  return Object.freeze({
    dataDir,
    reportDir: env.INTAKE_REPORT_DIR ? path.resolve(env.INTAKE_REPORT_DIR) : path.join(dataDir, 'reports'),
    windowStart,
    windowEnd,
    receiptPrefix: text(env, 'INTAKE_RECEIPT_PREFIX'),
    imap,
    imapProblem,
    redisUrl,
    queueName,
    workerConcurrency: positiveNumber('INTAKE_WORKER_CONCURRENCY', text(env, 'INTAKE_WORKER_CONCURRENCY'), true),
    jobAttempts: positiveNumber('INTAKE_JOB_ATTEMPTS', text(env, 'INTAKE_JOB_ATTEMPTS'), true),
    limits: Object.freeze(limitsFrom(env)),
    serve: Object.freeze({
      host: text(env, 'INTAKE_SERVE_HOST'),
      port: servePort,
      token: env.INTAKE_SERVE_TOKEN || null,
    }),
    logLevel,
  });
}

/** The IMAP settings, or the reason they are missing, for the commands that need the mailbox. */
export function requireImap(config: Config): ImapConfig {
  if (config.imap) return config.imap;
  throw config.imapProblem ?? new ConfigError('INTAKE_IMAP_HOST', 'is required');
}
