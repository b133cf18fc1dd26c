// The extractor map: detected format → reader (like imapflow's command map). One file per format.
import type { ExtractLimits, Extractor } from './document.js';
import { extractDocx } from './docx.js';
import { extractPdf } from './pdf.js';
import { extractXlsx } from './xlsx.js';
import type { Limits } from '../config/limits.js';

export type FormFormat = 'xlsx' | 'docx' | 'pdf';

export const EXTRACTORS: Readonly<Record<FormFormat, Extractor>> = {
  xlsx: extractXlsx,
  docx: extractDocx,
  pdf: extractPdf,
};

export function isFormFormat(format: string): format is FormFormat {
  return Object.hasOwn(EXTRACTORS, format);
}

export function extractLimits(limits: Limits): ExtractLimits {
  return {
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxZipEntries: limits.maxZipEntries,
    maxXmlBytes: limits.maxXmlBytes,
    maxSheetCells: limits.maxSheetCells,
    maxPdfPages: limits.maxPdfPages,
  };
}
