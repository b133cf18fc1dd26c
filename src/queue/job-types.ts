// The one job type the poller puts on the queue and the workers take off it.

/** Job names as a string-literal union: a new kind of job is a compile-time change, not a typo. */
export type IntakeJobName = 'intake-message';

export const INTAKE_JOB: IntakeJobName = 'intake-message';

/** What the poller knows about a message when it queues it; the worker fetches the rest by UID. */
export interface IntakeJobData {
  /** Mailbox path the UID belongs to. */
  mailbox: string;
  /**
   * UIDVALIDITY as a decimal string: it is a 32-bit unsigned value (RFC 3501 §2.3.1.1), kept as a
   * string so JSON and BigInt never disagree.
   */
  uidValidity: string;
  uid: number;
  /** The server's INTERNALDATE (ISO 8601), the arrival time the record is judged by. */
  internalDate: string | null;
  /** Message-ID from the envelope, for logs and `intake status` only: never used to dedupe. */
  messageId: string | null;
  /** When the poller queued it (ISO 8601), for latency figures. */
  queuedAt: string;
}

/** What a finished job leaves in the completed set. */
export type IntakeJobResult =
  | { outcome: 'stored'; receiptNo: string; sha256: string; created: boolean }
  | { outcome: 'skipped'; reason: 'already_done' | 'uidvalidity_changed' | 'not_in_mailbox' };

/**
 * jobId for a message. The architecture names it "<uidValidity>:<uid>", but BullMQ refuses custom
 * ids containing ':' (its key separator: `Custom Id cannot contain :`, checked in bullmq 6.7's
 * Job.addJob) and ids that parse as integers. "<uidValidity>-<uid>" keeps both numbers readable,
 * never parses as an integer, and is unique per message for as long as UIDVALIDITY holds.
 */
export function jobIdFor(uidValidity: string, uid: number): string {
  return `${uidValidity}-${uid}`;
}

export function parseJobId(jobId: string): { uidValidity: string; uid: number } | null {
  const match = /^(\d+)-(\d+)$/.exec(jobId);
  if (!match) return null;
  return { uidValidity: match[1]!, uid: Number(match[2]) };
}
