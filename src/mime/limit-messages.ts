// Short texts naming the limit that was hit and its variable, so staff and operators know which
// setting to look at ("INTAKE_MAX_ATTACHMENT_MB (25 MB) を超えています").
import type { Limits } from '../config/limits.js';

type MimeLimit = 'maxMessageBytes' | 'maxAttachmentBytes' | 'maxMimeParts' | 'maxHeaderBytes' | 'maxNestingDepth' | 'maxZipEntries' | 'maxUncompressedBytes';

const VARIABLES: Readonly<Record<MimeLimit, { variable: string; bytes: boolean }>> = {
  maxMessageBytes: { variable: 'INTAKE_MAX_MESSAGE_MB', bytes: true },
  maxAttachmentBytes: { variable: 'INTAKE_MAX_ATTACHMENT_MB', bytes: true },
  maxMimeParts: { variable: 'INTAKE_MAX_MIME_PARTS', bytes: false },
  maxHeaderBytes: { variable: 'INTAKE_MAX_HEADER_KB', bytes: true },
  maxNestingDepth: { variable: 'INTAKE_MAX_NESTING_DEPTH', bytes: false },
  maxZipEntries: { variable: 'INTAKE_MAX_ZIP_ENTRIES', bytes: false },
  maxUncompressedBytes: { variable: 'INTAKE_MAX_UNCOMPRESSED_MB', bytes: true },
};

const KB = 1024;
const MB = 1024 * KB;

function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 100) / 100);
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= KB) return `${round(n / KB)} KB`;
  return `${n} bytes`;
}

/** "INTAKE_MAX_MIME_PARTS (500)" */
function limitName(limit: MimeLimit, limits: Limits): string {
  const { variable, bytes } = VARIABLES[limit];
  const value = limits[limit];
  return `${variable} (${bytes ? formatBytes(value) : value})`;
}

/** "<what>が INTAKE_… (…) を超えています" */
export function overLimit(limit: MimeLimit, limits: Limits, what = ''): string {
  return `${what ? `${what}が ` : ''}${limitName(limit, limits)} を超えています`;
}
