// Opening an IMAP connection with the settings of configuration.md. Only src/mailbox/ imports
// imapflow.
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ImapConfig } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { ImapConnectError } from './errors.js';

export type { ImapFlow };

export interface ConnectOptions {
  /** The poller wants IDLE; workers and replay do not (they run a command and go). */
  idle: boolean;
  /** Restart IDLE this often (ms): some servers and middleboxes drop an IDLE that runs for long. */
  maxIdleTimeMs?: number;
  /**
   * Inactivity before IDLE starts again after a command. Messages that arrive in this gap are only
   * reported once IDLE starts (the server syncs then), so it bounds the poller's latency.
   */
  autoIdleDelayMs?: number;
}

const warnedOnce = new Set<string>();

/**
 * imapflow logs every command at info; ours is one line per state change, so its info goes to our
 * debug. Credentials never reach the log: imapflow replaces them, and pino redacts `password`.
 */
function imapLogger(logger: Logger): NonNullable<ImapFlowOptions['logger']> {
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: (obj: unknown) => logger.debug(obj as object),
    warn: (obj: unknown) => {
      // The poller reconnects every INTAKE_POLL_INTERVAL_S: a warning about the server (no
      // STARTTLS, say) is worth one line per process, not one a minute.
      const msg = (obj as { msg?: unknown }).msg;
      if (typeof msg === 'string' && !msg.includes('IDLE')) {
        if (warnedOnce.has(msg)) return logger.debug(obj as object);
        warnedOnce.add(msg);
      }
      logger.warn(obj as object);
    },
    error: (obj: unknown) => logger.error(obj as object),
    fatal: (obj: unknown) => logger.error(obj as object),
  } as unknown as NonNullable<ImapFlowOptions['logger']>;
}

export function createImapClient(imap: ImapConfig, logger: Logger, options: ConnectOptions): ImapFlow {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    // With INTAKE_IMAP_SECURE=false, STARTTLS is used when the server offers it (configuration.md).
    auth: { user: imap.user, pass: imap.password },
    tls: { rejectUnauthorized: imap.tlsRejectUnauthorized },
    logger: imapLogger(logger),
    disableAutoIdle: !options.idle,
    maxIdleTime: options.maxIdleTimeMs,
    autoIdleDelay: options.autoIdleDelayMs,
    // Without IDLE, imapflow's fallback polls with NOOP, which is enough for the server to report
    // new messages with an untagged EXISTS (RFC 3501 §6.1.2).
    missingIdleCommand: 'NOOP',
    // A dead peer must not hang a command for the default five minutes.
    socketTimeout: 120_000,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    clientInfo: { name: 'intake', vendor: 'intake' },
  });
  // imapflow emits 'error' for socket failures; an EventEmitter 'error' without a listener would
  // crash the process. The 'close' event that follows is what callers act on.
  client.on('error', (err: Error) => logger.warn({ err }, 'imap connection error'));
  return client;
}

export async function connectImap(imap: ImapConfig, logger: Logger, options: ConnectOptions): Promise<ImapFlow> {
  const client = createImapClient(imap, logger, options);
  try {
    await client.connect();
  } catch (err) {
    client.close();
    const e = err as Error & { code?: string; authenticationFailed?: boolean };
    throw new ImapConnectError(`cannot connect to ${imap.host}:${imap.port} as ${imap.user}: ${e.code ?? ''} ${e.message}`.trim(), {
      cause: err,
    });
  }
  return client;
}

/** Logs out politely, or drops the socket if the server does not answer. */
export async function closeImap(client: ImapFlow): Promise<void> {
  if (client.isClosed) return;
  if (!client.usable) {
    client.close();
    return;
  }
  const timer = setTimeout(() => client.close(), 3_000);
  try {
    await client.logout();
  } catch {
    client.close();
  } finally {
    clearTimeout(timer);
  }
}
