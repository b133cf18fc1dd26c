// Opens a PDF with pdf-parse, set up for Japanese files read on a server.
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { PDFParse, VerbosityLevel, type LoadParameters } from 'pdf-parse';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

// pdfjs-dist is pdf-parse's dependency (pinned by it), so resolve it from there, not from this package.
const requireFromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
const PDFJS_DIR = dirname(requireFromPdfParse.resolve('pdfjs-dist/package.json'));

/**
 * pdf.js takes these as directories with a trailing "/" and reads them with fs in Node: never a
 * network URL, and nothing fetched at run time.
 */
const RESOURCES = {
  /**
   * Japanese PDFs often leave the font out (/KozMinPr6N-Regular, /Ryumin-Light, /HeiseiMin-W3) and
   * name a predefined CMap (/UniJIS-UCS2-H, /90ms-RKSJ-H) instead of a /ToUnicode map. Mapping the
   * codes to Unicode then needs Adobe's CMaps; without them pdf.js yields no text and says nothing.
   */
  cMapUrl: `${PDFJS_DIR}/cmaps/`,
  cMapPacked: true,
  /** Metrics for the 14 standard fonts (Helvetica, Times, …) when they are not embedded. */
  standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
} as const satisfies LoadParameters;

export interface OpenedPdf {
  document: PDFDocumentProxy;
  /** Frees the document, its worker and the copy of the bytes; never rejects, safe to call twice. */
  close(): Promise<void>;
}

/** Opens the document or throws pdf-parse's typed errors (PasswordException, InvalidPDFException, …). */
export async function openPdf(bytes: Buffer): Promise<OpenedPdf> {
  const parser = new PDFParse({
    // A Buffer is copied by pdf-parse before pdf.js transfers (detaches) it: the caller's bytes stay intact.
    data: bytes,
    ...RESOURCES,
    // pdf.js prints "Warning: …" to stdout for every oddity in a damaged file; failures reach us as errors.
    verbosity: VerbosityLevel.ERRORS,
    // Attachments are hostile: pdf.js may not turn PDF data into code (eval was CVE-2024-4367's way
    // in); the option only buys speed for PDF functions, which forms hardly use.
    isEvalSupported: false,
  });
  // A failed clean-up must not turn a document already read into a failure; nothing else holds it.
  const close = () => parser.destroy().catch(() => undefined);
  try {
    return { document: await loadDocument(parser), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * pdf-parse 2.4.5 has no public accessor for the pdf.js document: getText() joins items in content
 * stream order only and drops their positions, and nothing exposes form fields. Its private load()
 * returns the PDFDocumentProxy it keeps (and destroys in destroy()), so that is used here, in one place.
 */
async function loadDocument(parser: PDFParse): Promise<PDFDocumentProxy> {
  const internals = parser as unknown as { load?: () => Promise<PDFDocumentProxy> };
  if (typeof internals.load !== 'function') throw new Error('pdf-parse no longer has load(): update pdf-open.ts');
  return internals.load();
}
