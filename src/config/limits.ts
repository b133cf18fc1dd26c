// Every bound on untrusted input, with its reason. Each is configurable (see env.ts); hitting one
// flags the message or attachment naming the limit, and nothing beyond it is held in memory.

export interface Limits {
  /** INTAKE_MAX_MESSAGE_MB: a whole message larger than this is archived and flagged, not parsed. */
  maxMessageBytes: number;
  /** INTAKE_MAX_ATTACHMENT_MB: one attachment (or zip entry) larger than this is not read. */
  maxAttachmentBytes: number;
  /** INTAKE_MAX_MIME_PARTS: a small crafted message can carry tens of thousands of empty parts. */
  maxMimeParts: number;
  /** INTAKE_MAX_HEADER_KB: the header block of one message or part; real headers stay far below. */
  maxHeaderBytes: number;
  /** INTAKE_MAX_NESTING_DEPTH: forwarded-in-forwarded and zip-in-zip; each level multiplies work. */
  maxNestingDepth: number;
  /** INTAKE_MAX_ZIP_ENTRIES: entries read from one zip (xlsx and docx are zips too). */
  maxZipEntries: number;
  /** INTAKE_MAX_UNCOMPRESSED_MB: total inflated bytes of one zip, counted while inflating (zip bombs). */
  maxUncompressedBytes: number;
  /** INTAKE_MAX_XML_MB: one XML part of an xlsx/docx; the real form is a few hundred KB. */
  maxXmlBytes: number;
  /** INTAKE_MAX_SHEET_CELLS: spreadsheet cells read; a form has a few hundred, a bomb has millions. */
  maxSheetCells: number;
  /** INTAKE_MAX_PDF_PAGES: pages of text read from one PDF; the form has two or three. */
  maxPdfPages: number;
  /** INTAKE_EXTRACT_TIMEOUT_S: one attachment's extraction is stopped after this (loops, spins). */
  extractTimeoutMs: number;
  /** INTAKE_EXTRACT_MEMORY_MB: heap cap of the thread that extracts one attachment. */
  extractMemoryBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxMessageBytes: 50 * MB,
  maxAttachmentBytes: 25 * MB,
  maxMimeParts: 500,
  maxHeaderBytes: 256 * 1024,
  maxNestingDepth: 5,
  maxZipEntries: 1000,
  maxUncompressedBytes: 200 * MB,
  maxXmlBytes: 50 * MB,
  maxSheetCells: 200_000,
  maxPdfPages: 50,
  extractTimeoutMs: 30_000,
  extractMemoryBytes: 512 * MB,
});
