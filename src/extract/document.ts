// What every extractor yields: the document's text laid out as the form mapper reads it.
// Grids carry position (xlsx sheets, docx tables), lines carry reading order (pdf, docx paragraphs).

export interface GridCell {
  /** The cell's text; rich text joined; line breaks inside the cell kept as \n. */
  text: string;
  /**
   * Cells of one merged block share an id ("<sheet>!<topLeft>"); the block's text sits in every
   * one of its cells, so "right of the label" skips the rest of the label's own block.
   */
  mergeId?: string;
  /** A solid background fill with no text: some applicants mark a checkbox cell by filling it. */
  filled?: boolean;
}

export interface Grid {
  /** Where the grid came from, for messages: "Sheet1", "table 2". */
  name: string;
  /** rows[r][c]; rows may differ in length; missing cells are empty. */
  rows: GridCell[][];
}

export interface ExtractedDocument {
  format: 'xlsx' | 'docx' | 'pdf';
  grids: Grid[];
  /** Text outside grids, one entry per line (pdf text layer, docx body paragraphs). */
  lines: string[];
  /** Named values stated by the file itself: PDF AcroForm fields, Word content-control tags/titles. */
  namedValues: { name: string; value: string }[];
  /** Pages/sheets actually read (a limit may stop early). */
  partsRead: number;
  /** What a limit left unread, naming the limit (e.g. the pages past INTAKE_MAX_PDF_PAGES). */
  unread?: string;
}

/** Why a file could not be read; becomes a flag on the record, never an exception out of the pipeline. */
export type ExtractFailure =
  | { kind: 'unreadable'; reason: string } // corrupt, truncated, encrypted, over a limit
  | { kind: 'no_text'; reason: string } // e.g. a scanned PDF without a text layer
  | { kind: 'unsupported'; format: string };

export type ExtractResult = { ok: true; document: ExtractedDocument } | { ok: false; failure: ExtractFailure };

export interface ExtractLimits {
  /** Largest uncompressed zip entry / total for OOXML containers. */
  maxUncompressedBytes: number;
  maxZipEntries: number;
  /** Largest XML part parsed. */
  maxXmlBytes: number;
  /** Spreadsheet cells read across all sheets. */
  maxSheetCells: number;
  maxPdfPages: number;
}

export type Extractor = (bytes: Buffer, limits: ExtractLimits) => Promise<ExtractResult>;
