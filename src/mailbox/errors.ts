// Mailbox errors: one small class per failure, each with a stable code and whether a retry can help.
// imapflow reports many command failures by resolving `false` (after logging); every call here that
// can do so is wrapped so that the failure becomes one of these instead of a silent false.

export abstract class MailboxError extends Error {
  abstract readonly code: string;
  abstract readonly retriable: boolean;
}

/** Could not connect or log in; the server may be restarting. */
export class ImapConnectError extends MailboxError {
  readonly code = 'imap_connect_failed';
  readonly retriable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The connection dropped or is unusable in the middle of an operation. */
export class ImapConnectionLostError extends MailboxError {
  readonly code = 'imap_connection_lost';
  readonly retriable = true;
}

/** An IMAP command was refused (NO/BAD) or imapflow resolved `false` for it. */
export class ImapCommandError extends MailboxError {
  readonly code = 'imap_command_failed';
  readonly retriable = true;
  constructor(
    readonly command: string,
    detail?: string,
  ) {
    super(`IMAP ${command} failed${detail ? `: ${detail}` : ''}`);
  }
}

/** An operation on the connection took longer than its deadline: treated as a dead connection. */
export class ImapTimeoutError extends MailboxError {
  readonly code = 'imap_timeout';
  readonly retriable = true;
  constructor(
    readonly operation: string,
    readonly ms: number,
  ) {
    super(`IMAP ${operation} did not finish within ${ms} ms`);
  }
}

/** The watched mailbox (or the done folder) does not exist. */
export class MailboxMissingError extends MailboxError {
  readonly code = 'mailbox_missing';
  readonly retriable = true;
  constructor(readonly mailbox: string) {
    super(`mailbox "${mailbox}" does not exist`);
  }
}

/** The job's UID belongs to an earlier UIDVALIDITY: it no longer names the same message. */
export class UidValidityChangedError extends MailboxError {
  readonly code = 'uidvalidity_changed';
  readonly retriable = false;
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`UIDVALIDITY is ${actual}, the job was queued under ${expected}`);
  }
}

/** No message with this UID in the mailbox (expunged, or moved by someone else). */
export class MessageNotFoundError extends MailboxError {
  readonly code = 'message_not_found';
  readonly retriable = false;
  constructor(readonly uid: number) {
    super(`no message with UID ${uid} in the mailbox`);
  }
}

/** The server does not let this keyword be stored permanently, so "done" cannot be recorded. */
export class KeywordNotPermittedError extends MailboxError {
  readonly code = 'keyword_not_permitted';
  readonly retriable = false;
  constructor(readonly keyword: string) {
    super(
      `the mailbox does not allow the keyword ${keyword} (PERMANENTFLAGS lacks it and \\*, RFC 3501 §7.1); ` +
        'set INTAKE_DONE_ACTION=move:<folder>',
    );
  }
}
