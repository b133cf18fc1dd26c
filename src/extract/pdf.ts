// The PDF reader: the text layer as visual lines, AcroForm fields as named values.
import type { ExtractedDocument, ExtractLimits, ExtractResult, Extractor } from './document.js';
import { envelopeProblem } from './pdf-envelope.js';
import { failureFromError, NO_TEXT_LAYER } from './pdf-failure.js';
import { FormFieldCollector } from './pdf-fields.js';
import { groupIntoLines } from './pdf-lines.js';
import { openPdf, type OpenedPdf } from './pdf-open.js';
import { pageTextRuns } from './pdf-text-runs.js';

export const extractPdf: Extractor = async (bytes: Buffer, limits: ExtractLimits): Promise<ExtractResult> => {
  const problem = envelopeProblem(bytes);
  if (problem) return { ok: false, failure: { kind: 'unreadable', reason: problem } };
  let pdf: OpenedPdf | undefined;
  try {
    pdf = await openPdf(bytes);
    return await readPages(pdf, limits);
  } catch (error) {
    return { ok: false, failure: failureFromError(error) };
  } finally {
    await pdf?.close();
  }
};

async function readPages({ document }: OpenedPdf, limits: ExtractLimits): Promise<ExtractResult> {
  const pageCount = Math.min(document.numPages, Math.max(0, Math.floor(limits.maxPdfPages)));
  const lines: string[] = [];
  const fields = new FormFieldCollector();
  for (let number = 1; number <= pageCount; number += 1) {
    // No page.cleanup() between pages: it drops the fonts the next page shares, and translating
    // them again doubled the cost of a form; closing the document frees them all.
    const page = await document.getPage(number);
    lines.push(...groupIntoLines(await pageTextRuns(page)));
    await fields.addPage(page);
  }
  const namedValues = fields.namedValues;
  // Pages but no text and no fields: a scan. A filled-in field on a scanned page still counts as text.
  if (pageCount > 0 && lines.length === 0 && namedValues.length === 0) {
    return { ok: false, failure: { kind: 'no_text', reason: NO_TEXT_LAYER } };
  }
  const document_: ExtractedDocument = { format: 'pdf', grids: [], lines, namedValues, partsRead: pageCount };
  // The form is on the first pages; what follows the limit is not read, and staff are told so.
  if (document.numPages > pageCount) document_.unread = `全${document.numPages}ページのうち${pageCount}ページまで読みました（INTAKE_MAX_PDF_PAGES = ${limits.maxPdfPages}）`;
  return { ok: true, document: document_ };
}
