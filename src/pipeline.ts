// Raw message → record: the one function both transports call (the daemon's workers with the
// mailbox's INTERNALDATE, `intake process` with files). Pure stages in the middle; the store at the end.
import { createHash } from 'node:crypto';
import type { Config } from './config/env.js';
import type { Limits } from './config/limits.js';
import { EXTRACTORS, extractLimits } from './extract/extractors.js';
import { createIsolatedRunner } from './extract/isolated-runner.js';
import { findForm, type ExtractRunner } from './form/find-form.js';
import type { Logger } from './log/logger.js';
import type { MessageHeaders } from './mime/message.js';
import { parseMessage } from './mime/parse-message.js';
import { normalizeAnswers } from './normalize/form-values.js';
import { RECORD_SCHEMA, statusOf, type ArchivedBlob, type Flag, type FormRecord, type MailboxRef, type MessageInfo, type RecordDraft } from './record.js';
import type { RecordStore, SaveResult } from './store/store.js';
import { decideArrival, toJstIso, windowFlags } from './validate/arrival.js';
import { makeFlag } from './validate/flags.js';
import { formFlags } from './validate/form-rules.js';

export interface Arrival {
  /** The IMAP server's INTERNALDATE; absent for a message read from a file. */
  internalDate?: Date;
  mailbox?: MailboxRef;
}

export interface PipelineOptions {
  limits: Limits;
  window: { start: Date; end: Date };
  logger: Logger;
  /** Where extraction runs; in-process unless an isolating runner is given. */
  runExtractor?: ExtractRunner;
  now?: () => Date;
}

export function pipelineOptions(config: Config, logger: Logger): PipelineOptions {
  return { limits: config.limits, window: { start: config.windowStart, end: config.windowEnd }, logger };
}

/**
 * The options both transports run with: extraction in `threads` worker threads with a heap cap and a
 * deadline, so one hostile attachment can neither hang nor crash the process. Close when done.
 */
export function isolatedPipelineOptions(config: Config, logger: Logger, threads: number): PipelineOptions & { close(): Promise<void> } {
  const runner = createIsolatedRunner(config.limits, threads);
  return { ...pipelineOptions(config, logger), runExtractor: runner, close: () => runner.close() };
}

const inProcess: ExtractRunner = (format, bytes, limits) => EXTRACTORS[format](bytes, limits);

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BuiltRecord {
  draft: RecordDraft;
  blobs: ArchivedBlob[];
}

function messageInfo(headers: MessageHeaders, hash: string, arrival: Arrival, options: PipelineOptions): { info: MessageInfo; flags: Flag[] } {
  const time = decideArrival(
    { internalDate: arrival.internalDate, receivedHeader: headers.receivedDate, dateHeader: headers.date },
    (options.now ?? (() => new Date()))(),
  );
  const info: MessageInfo = {
    messageId: headers.messageId,
    from: headers.from,
    fromName: headers.fromName,
    subject: headers.subject,
    receivedAt: toJstIso(time.at),
    receivedAtSource: time.source,
    sha256: hash,
    mailbox: arrival.mailbox ?? null,
  };
  return { info, flags: [...windowFlags(time.at, options.window), ...time.flags] };
}

function draftOf(message: MessageInfo, flags: Flag[], rest: Pick<RecordDraft, 'attachments' | 'form'>): RecordDraft {
  return { schema: RECORD_SCHEMA, message, status: statusOf(flags), flags, ...rest };
}

/** A form's answers → its normalized record section and field-level flags. */
export function formRecord(source: string, answers: ReadonlyMap<string, string>): { form: FormRecord; flags: Flag[] } {
  const normalized = normalizeAnswers(answers);
  return { form: { sourceAttachment: source, ...normalized.sections, raw: normalized.raw }, flags: formFlags(normalized, source) };
}

export async function buildRecord(raw: Buffer, arrival: Arrival, options: PipelineOptions, hash: string = sha256(raw)): Promise<BuiltRecord> {
  const rawBlob: ArchivedBlob = { sha256: hash, bytes: raw };
  const log = options.logger.child({ component: 'pipeline', sha256: hash.slice(0, 12) });
  const parsed = await parseMessage(raw, options.limits);
  if (!parsed.ok) {
    const { info, flags } = messageInfo(parsed.headers, hash, arrival, options);
    log.warn({ reason: parsed.reason }, 'message could not be parsed');
    return { draft: draftOf(info, [makeFlag('unreadable_message', { detail: parsed.reason }), ...flags], { attachments: [], form: null }), blobs: [rawBlob] };
  }
  const { message } = parsed;
  if (message.encodingProblems.length > 0) log.warn({ problems: message.encodingProblems }, 'encoding problems in message');
  const { info, flags } = messageInfo(message, hash, arrival, options);
  const search = await findForm(message.attachments, options.runExtractor ?? inProcess, extractLimits(options.limits));
  flags.push(...search.flags);
  let form: FormRecord | null = null;
  if (search.form) {
    const built = formRecord(search.form.attachment.path ?? search.form.attachment.filename, search.form.reading.answers);
    flags.push(...built.flags);
    form = built.form;
  }
  const blobs = [rawBlob, ...message.attachments.flatMap((a) => (a.bytes ? [{ sha256: a.sha256, bytes: a.bytes }] : []))];
  return { draft: draftOf(info, flags, { attachments: search.attachments, form }), blobs };
}

/** Builds and stores the record: idempotent on the raw message's sha256. */
export async function processMessage(raw: Buffer, arrival: Arrival, options: PipelineOptions, store: RecordStore): Promise<SaveResult> {
  const hash = sha256(raw);
  const existing = await store.findBySha256(hash);
  if (existing) return { record: existing, created: false };
  const { draft, blobs } = await buildRecord(raw, arrival, options, hash);
  return store.save(draft, blobs);
}
