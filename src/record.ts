// The normalized intake record (../shared/docs/record.schema.json, "intake-record/v1"):
// exactly one per e-mail message, whatever the message holds.

export const RECORD_SCHEMA = 'intake-record/v1' as const;

export type FlagCode =
  | 'late'
  | 'early'
  | 'unreadable_message'
  | 'no_attachment'
  | 'no_application_form'
  | 'unsupported_format'
  | 'unreadable_attachment'
  | 'missing_field'
  | 'invalid_value'
  | 'ineligible'
  | 'exceeds_program_period'
  | 'inconsistent_value'
  | 'multiple_forms'
  | 'resubmission'
  | 'received_time_uncertain';

export type Severity = 'error' | 'warning' | 'info';

export interface Flag {
  code: FlagCode;
  severity: Severity;
  /** Field key from application-form.md, e.g. "contact.email". */
  field?: string;
  /** File name of the attachment concerned. */
  attachment?: string;
  /** Short Japanese text for staff. */
  message: string;
}

export type ReceivedAtSource = 'internaldate' | 'received_header' | 'date_header';

export interface MailboxRef {
  uidValidity: string;
  uid: number;
}

export interface MessageInfo {
  messageId: string | null;
  /** Sender address, lower-cased ("" when the message has none). */
  from: string;
  fromName: string | null;
  subject: string;
  /** ISO 8601 with +09:00 offset. */
  receivedAt: string;
  receivedAtSource: ReceivedAtSource;
  sha256: string;
  mailbox: MailboxRef | null;
}

export type AttachmentFormat = 'xlsx' | 'docx' | 'pdf' | 'zip' | 'eml' | 'other';

export interface AttachmentInfo {
  filename: string;
  /** Where it came from when nested: "forwarded.eml/申請書.xlsx", "bundle.zip/申請書.pdf". */
  path?: string;
  contentType: string;
  size: number;
  sha256: string;
  format: AttachmentFormat;
  role: 'application_form' | 'other';
}

/** A section of the normalized form: every key of the section present, null when missing. */
export type FormSection = Record<string, unknown>;

export interface FormRecord {
  sourceAttachment: string;
  applicant: FormSection;
  contact: FormSection;
  development: FormSection;
  compute: FormSection;
  organization: FormSection;
  business: FormSection;
  form: FormSection;
  /** Verbatim text of every value that was read, by field key. */
  raw: Record<string, string>;
}

export type RecordStatus = 'ok' | 'needs_attention';

export interface IntakeRecord {
  schema: typeof RECORD_SCHEMA;
  receiptNo: string;
  message: MessageInfo;
  status: RecordStatus;
  flags: Flag[];
  attachments: AttachmentInfo[];
  form: FormRecord | null;
  supersedes: string | null;
}

/** What the pipeline produces before the store assigns a receipt number and links resubmissions. */
export type RecordDraft = Omit<IntakeRecord, 'receiptNo' | 'supersedes'>;

/** Bytes to archive beside a record, addressed by their sha256. */
export interface ArchivedBlob {
  sha256: string;
  bytes: Buffer;
}

export function statusOf(flags: readonly Flag[]): RecordStatus {
  return flags.some((f) => f.severity === 'error') ? 'needs_attention' : 'ok';
}
